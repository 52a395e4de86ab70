// Sentiment of a passage: a learned linear model over words and word pairs
// (English: trained on polarity-v2 and the calibration halves of the
// sentiment-dev sets, with the lexicon rules' score as one more feature;
// Korean: trained on the NSMC training split), next to the lexicon rules
// (English: VADER lexicon with review rules; Korean: a lexicon derived from
// the NSMC training split, each with negation, intensifiers/hedges, contrast
// and emphasis rules) whose words say which person an opinion is about.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/token.h"

namespace revsearch::sentiment {

enum class Label { kPositive, kNegative, kNeutral, kMixed };

// "positive", "negative", "neutral", "mixed": the values of the label term.
std::string_view label_name(Label label);

// A word that moved the score, after the rules were applied.
struct WordScore {
  std::string word;      // folded surface form ("lacklustre")
  std::string term;      // the analyser's search form, as indexed ("lacklustr")
  double weight = 0;     // signed contribution to the raw sum
  std::size_t begin = 0;  // byte offsets into the scored text
  std::size_t end = 0;
};

struct Sentiment {
  double score = 0;      // -1 (negative) .. +1 (positive)
  Label label = Label::kNeutral;
  std::string lang;      // "en" or "ko": the scorer that was used
  double positive = 0;   // sum of positive contributions
  double negative = 0;   // sum of negative contributions, as a positive number
  std::vector<WordScore> words;  // what moved the score (kModel: model features, pairs with an empty term)
  // kModel: the lexicon words with the rules applied (kRules' words), the
  // opinion words targeted sentiment attributes to people. Empty otherwise.
  std::vector<WordScore> lexicon_words;
};

enum class Method {
  kModel,  // the learned linear model (with the rules' score as a feature); also fills lexicon_words
  kRules,  // lexicon weights plus negation, intensifier, contrast and emphasis rules
  kPlain,  // baseline: English plain VADER-lexicon sum, Korean unweighted +1/-1 count
};

class Scorer {
 public:
  // Lexicons are embedded in the library and parsed once per process.
  explicit Scorer(analysis::Analyzer& analyzer);

  // `lang`: "en", "ko", or empty/"auto" to use analysis::detect_language
  // (Korean if detected, English otherwise). `text` must be valid UTF-8.
  Sentiment score(std::string_view text, std::string_view lang = "", Method method = Method::kModel);

  // The same, on tokens already produced by the analyser for `text`.
  // Without `explain`, kModel leaves `words` empty (lexicon_words stay):
  // for callers that keep only the score, label and opinions.
  Sentiment score_tokens(std::string_view text, const std::vector<analysis::Token>& tokens,
                         std::string_view lang, Method method = Method::kModel, bool explain = true);

  analysis::Analyzer& analyzer() { return analyzer_; }

 private:
  analysis::Analyzer& analyzer_;
};

// The lexicon key of each token for Korean scoring, shared with the lexicon
// generator so both sides agree: the search form, with runs of chat markers
// (ㅋㅋㅋ, ㅠㅠㅠ, ㅡㅡ; NFKC turns ㅋ into ᄏ) shortened to two. Empty for
// tokens that are not keys (compound joins).
std::vector<std::string> korean_keys(const std::vector<analysis::Token>& tokens);

// Adjacent pairs of non-empty keys, "a b": Korean lexicon keys too.
std::vector<std::string> korean_bigrams(const std::vector<std::string>& keys);

// Which tokens Korean negation applies to: the word after 안/못, the word
// before 없다/아니다/않다 (any ending). The lexicon generator counts a negated
// word for the opposite class, so lexicon weights are a word's own polarity
// and the scorer's negation rule can flip them.
std::vector<bool> korean_negated(const std::vector<analysis::Token>& tokens);

// Whether the lexicons give `token` a weight, so that it moves the score of
// the passages it stands in (the rules scale or flip it; only a few English
// idioms and capitalised names drop it): `sentiment:word` searches such a
// word's stem term.
bool moves_sentiment(const analysis::Token& token);

// Label from the positive and negative sums and the final score.
Label label_for(double score, double positive, double negative);

}  // namespace revsearch::sentiment
