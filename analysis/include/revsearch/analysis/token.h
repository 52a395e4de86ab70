// The token every analysis stage reads and writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace revsearch::analysis {

enum class Script : std::uint8_t { kLatin, kHangul, kDigit, kOther };

struct Token {
  std::string text;          // normalised surface form: "soundtrack", "#1", "친구에서"
  std::string stem;          // search form (English stem, Korean stem); empty: same as text
  std::size_t begin = 0;     // byte offsets into the analysed text
  std::size_t end = 0;
  std::uint32_t position = 0;
  Script script = Script::kOther;
  bool stopword = false;     // skipped by free-text queries, kept in phrases
  bool compound_part = false;  // part of "k-drama", "ze:a", "so-hee"
  bool compound = false;     // the joined form of such a compound ("kdrama")
  // Korean (issue 4): the stem is a predicate's dictionary form ("예쁘다").
  // Bigrams and 초성 keys are derived on demand (revsearch/analysis/korean.h).
  bool predicate = false;
  // Korean: the stem was found in the lexicon. Unknown words (names, slang,
  // text written without spaces) are the ones that need bigrams.
  bool known = false;
  // Korean text written without spaces (뻔한스토리지만): the stems of the
  // known words after the first, whose stem is `stem` (뻔하다; 스토리).
  std::vector<std::string> run_stems;
  // Korean: bytes of `text` before the part that needs bigrams (the unread
  // rest of a run whose start was split into known words).
  std::uint32_t bigrams_from = 0;

  const std::string& search_form() const { return stem.empty() ? text : stem; }
};

}  // namespace revsearch::analysis
