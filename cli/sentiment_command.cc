// `revsearch sentiment [--lang ko|en|auto] [--json] TEXT`: the score, label
// and the words that contributed (sentiment, issue 6).
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "revsearch/api/json.h"
#include "revsearch/analysis/analyzer.h"
#include "revsearch/sentiment/sentiment.h"

namespace revsearch::cli {

Command add_sentiment_command(CLI::App& app) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto lang = std::make_shared<std::string>("auto");
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("sentiment", "Score the sentiment of a text and show the words behind it");
  sub->add_option("--lang", *lang, "Language of the text")->check(CLI::IsMember({"ko", "en", "auto"}));
  sub->add_flag("--json", *json, "Print JSON");
  sub->add_option("text", *words, "Text to score")->required();
  return {sub, [words, lang, json] {
            std::string text = text_argument(*words);
            analysis::Analyzer analyzer;
            sentiment::Scorer scorer(analyzer);
            sentiment::Sentiment s = scorer.score(text, *lang);
            if (*json) {
              std::cout << api::sentiment_json(s).dump() << "\n";
              return kExitOk;
            }
            char line[64];
            std::snprintf(line, sizeof line, "%+.3f", s.score);
            std::cout << "score: " << line << "\nlabel: " << sentiment::label_name(s.label) << "\nlanguage: " << s.lang
                      << "\n";
            for (const auto& w : s.words) {
              std::snprintf(line, sizeof line, "%+.3f", w.weight);
              std::cout << line << "\t" << w.word << "\n";
            }
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
