// The per-language scorers behind Scorer (internal).
#pragma once

#include <string_view>
#include <vector>

#include "revsearch/analysis/token.h"
#include "revsearch/sentiment/model.h"
#include "revsearch/sentiment/sentiment.h"

namespace revsearch::sentiment {

Sentiment score_english(std::string_view text, const std::vector<analysis::Token>& tokens, Method method);
Sentiment score_korean(std::string_view text, const std::vector<analysis::Token>& tokens, Method method);

// English word classes the rules and the model's features share: a negation
// ("not", "never", any "n't" word; `key` without apostrophes), and a word
// that opens a clause of its own ("but", "however", "although"...).
bool english_negation(std::string_view key, std::string_view text);
bool english_clause_starter(std::string_view word);

// Rescores `s` (the rules' result) with the learned model: the rules' words
// move to s.lexicon_words; s.words become the model's contributions when
// `explain` (the indexer, which stores no words, skips building them).
void apply_english_model(std::string_view text, const std::vector<analysis::Token>& tokens, Sentiment& s,
                         bool explain);
void apply_korean_model(const std::vector<analysis::Token>& tokens, Sentiment& s, bool explain);

// Sums, score (normalised_sum) and label from the
// contributions; `extra` is added in the direction of the sum (emphasis).
void finish(Sentiment& s, double extra);

// Where each token stands: sentence and clause numbers, counted from 0. A
// sentence ends at . ! ? or a line break; a clause also at , ; : ( ) [ ] and
// before a word `starts_clause` accepts ("but", "although"...). Compound
// joins (K-drama's "kdrama") are left out.
struct Placed {
  const analysis::Token* token;
  unsigned sentence = 0;
  unsigned clause = 0;
};
template <typename StartsClause>
std::vector<Placed> place_tokens(std::string_view text, const std::vector<analysis::Token>& tokens,
                                 StartsClause starts_clause) {
  std::vector<Placed> out;
  unsigned sentence = 0, clause = 0;
  std::size_t last_end = 0;
  for (const analysis::Token& token : tokens) {
    if (token.compound) continue;
    std::string_view gap = token.begin >= last_end ? text.substr(last_end, token.begin - last_end) : "";
    if (!out.empty() && gap.find_first_of(".!?\n") != std::string_view::npos) ++sentence;
    if (!out.empty() && gap.find_first_of(".!?\n,;:()[]") != std::string_view::npos) ++clause;
    if (starts_clause(token.text)) ++clause;
    out.push_back({&token, sentence, clause});
    last_end = token.end;
  }
  return out;
}

}  // namespace revsearch::sentiment
