// The per-language scorers behind Scorer (internal).
#pragma once

#include <string_view>
#include <vector>

#include "revsearch/analysis/token.h"
#include "revsearch/sentiment/sentiment.h"

namespace revsearch::sentiment {

Sentiment score_english(std::string_view text, const std::vector<analysis::Token>& tokens, Method method);
Sentiment score_korean(std::string_view text, const std::vector<analysis::Token>& tokens, Method method);

// Sums, score (x / sqrt(x^2 + 15), VADER's normalisation) and label from the
// contributions; `extra` is added in the direction of the sum (emphasis).
void finish(Sentiment& s, double extra);

}  // namespace revsearch::sentiment
