// `revsearch analyze [--lang ko|en|auto] TEXT`: the terms a text becomes, to
// see why it matches.
#include <iostream>

#include "commands.h"
#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/language.h"
#include "revsearch/api/json.h"

namespace revsearch::cli {

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
            if (*json) {
              std::cout << api::analyze_json(text, pipeline).dump() << "\n";
              return kExitOk;
            }
            analysis::Analyzer analyzer(pipeline);
            std::vector<analysis::Token> tokens = analyzer.analyze(text);
            analysis::LanguageGuess lang = analysis::detect_language(text);
            std::cout << "language: " << lang.code << "\n";
            for (const auto& t : tokens) {
              std::cout << t.position << "\t" << t.text << "\t" << t.search_form();
              if (t.stopword) std::cout << "\tstopword";
              if (t.compound) std::cout << "\tcompound";
              if (t.compound_part) std::cout << "\tpart";
              std::cout << "\tterms:";
              for (const std::string& term : api::index_terms(t)) std::cout << " " << term;
              if (std::string key = api::initials_key(t); !key.empty()) std::cout << "\tsynonym: " << key;
              std::cout << "\n";
              if (std::vector<std::string> variants = api::variants_of(t); !variants.empty()) {
                std::cout << "\t\talso searched as:";
                for (std::size_t i = 0; i < variants.size(); ++i) std::cout << (i ? ", " : " ") << variants[i];
                std::cout << " (the film vocabulary table)\n";
              }
              // Which rule made each term (the exact word needs no saying).
              for (const auto& [term, rule] : api::term_rules(t)) {
                if (term != t.text) std::cout << "\t\t" << term << ": " << rule << "\n";
              }
            }
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
