// `revsearch analyze TEXT`: the terms a text becomes, to see why it matches.
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.h"
#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/language.h"
#include "revsearch/errors.h"
#include "revsearch/utf8.h"

namespace revsearch::cli {

Command add_analyze_command(CLI::App& app) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("analyze", "Show the terms a text is analysed into");
  sub->add_option("text", *words, "Text to analyse")->required();
  sub->add_flag("--json", *json, "Print JSON");
  return {sub, [words, json] {
            std::string text;
            for (const std::string& w : *words) text += (text.empty() ? "" : " ") + w;
            if (auto bad = utf8::first_invalid(text)) {
              throw UsageError("text is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
            }
            analysis::Analyzer analyzer;
            std::vector<analysis::Token> tokens = analyzer.analyze(text);
            analysis::LanguageGuess lang = analysis::detect_language(text);
            if (*json) {
              nlohmann::json out = nlohmann::json::array();
              for (const auto& t : tokens) {
                out.push_back({{"term", t.text}, {"stem", t.search_form()}, {"position", t.position},
                               {"start", t.begin}, {"end", t.end}, {"stopword", t.stopword},
                               {"compound", t.compound}, {"compound_part", t.compound_part}});
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
              std::cout << "\n";
            }
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
