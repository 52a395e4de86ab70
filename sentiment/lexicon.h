// The embedded lexicons, parsed once: word -> valence.
#pragma once

#include <string>
#include <string_view>
#include <vector>
#include <unordered_map>

namespace revsearch::sentiment {

struct Lexicons {
  std::unordered_map<std::string, double> english;  // VADER + review_lexicon_en.txt, -4..+4
  std::unordered_map<std::string, double> korean;   // korean_lexicon.tsv: log-odds positive vs negative
};

const Lexicons& lexicons();

// The lines of a file embed_lexicon.cmake compiled in.
std::vector<std::string_view> embedded_lines(std::string_view text);

}  // namespace revsearch::sentiment
