// `revsearch analyze [--lang ko|en|auto] TEXT`: the terms a text becomes, to
// see why it matches.
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.h"
#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/korean.h"
#include "revsearch/analysis/language.h"
#include "revsearch/schema.h"

namespace revsearch::cli {
namespace {

// Every body term the indexer adds for a token (document_builder.cc).
std::vector<std::string> index_terms(const analysis::Token& t) {
  std::vector<std::string> out = {t.text};
  if (!t.stopword) out.push_back(schema::prefixed(schema::kStem, t.search_form()));
  for (const std::string& b : analysis::token_bigrams(t)) out.push_back(schema::prefixed(schema::kHangulBigram, b));
  return out;
}

// The synonym key the indexer files the stem under (vocabulary, not postings).
std::string initials_key(const analysis::Token& t) {
  std::string initials = analysis::token_initials(t);
  return initials.empty() ? std::string() : schema::initials_key(initials);
}

}  // namespace

Command add_analyze_command(CLI::App& app) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  auto pipeline_name = std::make_shared<std::string>("auto");
  CLI::App* sub = app.add_subcommand("analyze", "Show the terms a text is analysed into");
  sub->add_option("text", *words, "Text to analyse")->required();
  sub->add_flag("--json", *json, "Print JSON");
  sub->add_option("--lang", *pipeline_name, "Pipeline: auto (per word, as indexed), ko or en")
      ->check(CLI::IsMember({"auto", "ko", "en"}));
  return {sub, [words, json, pipeline_name] {
            std::string text = text_argument(*words);
            analysis::Pipeline pipeline = *pipeline_name == "ko"   ? analysis::Pipeline::kKorean
                                          : *pipeline_name == "en" ? analysis::Pipeline::kEnglish
                                                          : analysis::Pipeline::kAuto;
            analysis::Analyzer analyzer(pipeline);
            std::vector<analysis::Token> tokens = analyzer.analyze(text);
            analysis::LanguageGuess lang = analysis::detect_language(text);
            if (*json) {
              nlohmann::json out = nlohmann::json::array();
              for (const auto& t : tokens) {
                out.push_back({{"term", t.text}, {"stem", t.search_form()}, {"position", t.position},
                               {"start", t.begin}, {"end", t.end}, {"stopword", t.stopword},
                               {"compound", t.compound}, {"compound_part", t.compound_part},
                               {"terms", index_terms(t)}, {"initials", initials_key(t)}});
              }
              std::cout << nlohmann::json{{"language", lang.code}, {"tokens", out}}.dump() << "\n";
              return kExitOk;
            }
            std::cout << "language: " << lang.code << "\n";
            for (const auto& t : tokens) {
              std::cout << t.position << "\t" << t.text << "\t" << t.search_form();
              if (t.stopword) std::cout << "\tstopword";
              if (t.compound) std::cout << "\tcompound";
              if (t.compound_part) std::cout << "\tpart";
              std::cout << "\tterms:";
              for (const std::string& term : index_terms(t)) std::cout << " " << term;
              if (std::string key = initials_key(t); !key.empty()) std::cout << "\tsynonym: " << key;
              std::cout << "\n";
            }
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
