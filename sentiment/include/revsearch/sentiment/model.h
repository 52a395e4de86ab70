// Learned sentiment: a linear model (logistic regression) over the words and
// adjacent word pairs of a text, with negation scope, shared by the scorer
// and the tool that trains it (sentiment/tools/make_sentiment_model.cc), so
// both read a text the same way.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/analysis/token.h"
#include "revsearch/sentiment/weight_table.h"

namespace revsearch::sentiment {

// One feature of a text: a word ("charm"), a word inside a negation's scope
// ("!good": after not/never/n't to the end of the clause in English; the
// word before 없다/아니다/않다 or after 안/못 in Korean), or two adjacent words
// of one clause ("lacking at", "연기 최고"). Presence counts, not frequency.
struct Feature {
  std::string key;
  const analysis::Token* first = nullptr;  // the word, or the pair's first word
  const analysis::Token* last = nullptr;   // the same word, or the pair's second word
};

// Every feature of the text, in text order (duplicates kept; the model
// counts each key once).
std::vector<Feature> english_features(std::string_view text, const std::vector<analysis::Token>& tokens);
std::vector<Feature> korean_features(const std::vector<analysis::Token>& tokens);

// margin = bias + lexicon * (rules score, -1..1; English only)
// + praise * P / sqrt(P^2 + 15) + blame * N / sqrt(N^2 + 15) (P, N: the rules'
// positive and negative sums; English only) + sum of the weights of the
// distinct feature keys present. Score = tanh(margin / 2), which is
// P(positive) - P(negative) under the logistic model; 0 for a text with no
// feature the model knows.
// VADER's normalisation of a sum of word valences to -1..1.
inline double normalised_sum(double sum) { return sum / std::sqrt(sum * sum + 15.0); }

struct LinearModel {
  double bias = 0;
  double lexicon = 0;
  double praise = 0, blame = 0;
  WeightTable weights;                        // by feature_hash of the key: scoring builds no strings
  double weight(std::string_view key) const;  // 0 for a key the model lacks
};

// FNV-1a (64 bits) of a feature key: how LinearModel finds its weights.
std::uint64_t feature_hash(std::string_view key);

// The models compiled into the library (data/english_model.tsv,
// data/korean_model.tsv), parsed once per process.
const LinearModel& english_model();
const LinearModel& korean_model();

// Parses "key<TAB>weight" lines; "@bias", "@lexicon", "@praise" and "@blame" set the constants,
// '#' lines are comments. Also used by the generator's comparison test.
LinearModel parse_model(const std::vector<std::string_view>& lines);

}  // namespace revsearch::sentiment
