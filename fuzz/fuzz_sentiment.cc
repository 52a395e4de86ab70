// libFuzzer target for the sentiment scorer and the entity recogniser that
// feeds targeted sentiment (issues 5, 6, 9): any valid UTF-8 review text,
// scored as Korean, English or auto-detected; every offset they return must
// point inside the text (opinions' sentence spans too) and every score must
// be a number in -1..+1.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/entities/recognizer.h"
#include "revsearch/sentiment/sentiment.h"
#include "revsearch/sentiment/targeted.h"
#include "revsearch/utf8.h"

namespace {

void check_score(double score) {
  if (std::isnan(score) || score < -1.0 || score > 1.0) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace revsearch;
  static analysis::Analyzer analyzer;
  static sentiment::Scorer scorer(analyzer);
  static const entities::Recognizer recognizer;
  if (size == 0) return 0;
  // The first byte picks the language, the rest is the text.
  static constexpr std::string_view kLanguages[] = {"", "en", "ko"};
  std::string_view lang = kLanguages[data[0] % 3];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (!utf8::is_valid(text)) return 0;

  sentiment::Sentiment feeling = scorer.score(text, lang);
  check_score(feeling.score);
  for (const sentiment::WordScore& w : feeling.words) {
    if (w.begin > w.end || w.end > text.size() || std::isnan(w.weight)) __builtin_trap();
  }

  entities::ReviewContext context;
  std::vector<sentiment::Mention> people;
  for (const entities::Mention& m : recognizer.find_mentions(text, context)) {
    if (m.begin > m.end || m.end > text.size()) __builtin_trap();
    people.push_back({m.begin, m.end, m.key, m.kind != entities::EntityKind::kCharacter});
  }
  for (const sentiment::EntitySentiment& e : sentiment::targeted_sentiment(scorer, text, people, lang)) {
    check_score(e.score);
  }
  // Opinions per person and sentence: spans inside the text.
  std::vector<analysis::Token> tokens = analyzer.analyze(text);
  for (const sentiment::Opinion& o : sentiment::opinions(text, tokens, scorer.score_tokens(text, tokens, lang), people)) {
    check_score(o.score);
    if (o.begin > o.end || o.end > text.size()) __builtin_trap();
  }
  return 0;
}
