// Scorer: picks the language and shares labels and normalisation.
#include <algorithm>
#include <cmath>

#include "revsearch/analysis/language.h"
#include "lexicon.h"
#include "rules.h"

namespace revsearch::sentiment {

std::string_view label_name(Label label) {
  switch (label) {
    case Label::kPositive: return "positive";
    case Label::kNegative: return "negative";
    case Label::kMixed: return "mixed";
    case Label::kNeutral: break;
  }
  return "neutral";
}

Label label_for(double score, double positive, double negative) {
  // Mixed: strong feelings both ways, neither side clearly ahead.
  double low = std::min(positive, negative), high = std::max(positive, negative);
  if (low >= 1.5 && low >= 0.75 * high) return Label::kMixed;
  if (score >= 0.05) return Label::kPositive;
  if (score <= -0.05) return Label::kNegative;
  return Label::kNeutral;
}

void finish(Sentiment& s, double extra) {
  double sum = 0;
  for (const WordScore& w : s.words) {
    sum += w.weight;
    if (w.weight > 0) s.positive += w.weight;
    if (w.weight < 0) s.negative -= w.weight;
  }
  if (sum > 0) sum += extra;
  if (sum < 0) sum -= extra;
  s.score = normalised_sum(sum);
  s.label = label_for(s.score, s.positive, s.negative);
}

Scorer::Scorer(analysis::Analyzer& analyzer) : analyzer_(analyzer) {}

bool moves_sentiment(const analysis::Token& token) {
  const Lexicons& lexicon = lexicons();
  if (auto it = lexicon.english.find(token.text); it != lexicon.english.end() && it->second != 0) return true;
  std::vector<std::string> key = korean_keys({token});
  if (key.empty() || key[0].empty()) return false;
  auto it = lexicon.korean.find(key[0]);
  return it != lexicon.korean.end() && it->second != 0;
}

Sentiment Scorer::score(std::string_view text, std::string_view lang, Method method) {
  return score_tokens(text, analyzer_.analyze(text), lang, method);
}

Sentiment Scorer::score_tokens(std::string_view text, const std::vector<analysis::Token>& tokens,
                               std::string_view lang, Method method, bool explain) {
  bool korean = lang == "ko";
  if (lang.empty() || lang == "auto") korean = analysis::detect_language(text).code == "ko";
  if (method != Method::kModel) return korean ? score_korean(text, tokens, method) : score_english(text, tokens, method);
  Sentiment s = korean ? score_korean(text, tokens, Method::kRules) : score_english(text, tokens, Method::kRules);
  if (korean) {
    apply_korean_model(tokens, s, explain);
  } else {
    apply_english_model(text, tokens, s, explain);
  }
  return s;
}

std::vector<std::string> korean_keys(const std::vector<analysis::Token>& tokens) {
  std::vector<std::string> keys;
  keys.reserve(tokens.size());
  for (const analysis::Token& token : tokens) {
    if (token.compound) {
      keys.emplace_back();
      continue;
    }
    const std::string& form = token.search_form();
    // Chat markers: a run of one repeated 3-byte jamo (ᄏᄏᄏᄏ) means the same
    // at any length, so the lexicon keeps one key for it.
    bool marker_run = form.size() >= 6 && form.size() % 3 == 0;
    for (std::size_t i = 3; marker_run && i < form.size(); i += 3) {
      marker_run = form.compare(i, 3, form, 0, 3) == 0;
    }
    unsigned char lead = form.empty() ? 0 : static_cast<unsigned char>(form[0]);
    marker_run = marker_run && lead == 0xE1;  // U+1000..U+1FFF: conjoining jamo live here
    keys.push_back(marker_run ? form.substr(0, 6) : form);
  }
  return keys;
}

}  // namespace revsearch::sentiment
