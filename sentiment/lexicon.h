// The embedded lexicons, parsed once: word -> valence.
#pragma once

#include <string>
#include <unordered_map>

namespace revsearch::sentiment {

struct Lexicons {
  std::unordered_map<std::string, double> english;  // VADER + review_lexicon_en.txt, -4..+4
  std::unordered_map<std::string, double> korean;   // korean_lexicon.tsv: log-odds positive vs negative
};

const Lexicons& lexicons();

}  // namespace revsearch::sentiment
