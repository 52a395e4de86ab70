// Internal: the analysis stages, each one small filter over a token vector.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flat_table.h"
#include "revsearch/analysis/token.h"

namespace revsearch::analysis {

// NFKC + case folding, typographic quotes to ASCII, optional space collapsing.
class Folder {
 public:
  Folder();
  std::string fold_word(std::string_view word) const;
  // Whole strings: also collapses runs of white space and trims.
  std::string fold_text(std::string_view text) const;

 private:
  const icu::Normalizer2* nfkc_cf_;
};

// ICU word breaking: letter and number runs with byte offsets; a number
// right after '#' keeps it ("#1"). Over-long tokens are dropped.
// break_words() finds plain runs (ASCII letters/digits, Hangul) itself and
// asks ICU only for the rest; break_words_icu() asks ICU for everything.
// Both give the same tokens.
std::vector<Token> break_words(icu::BreakIterator& breaker, std::string_view text);
std::vector<Token> break_words_icu(icu::BreakIterator& breaker, std::string_view text);

void fold_tokens(std::vector<Token>& tokens, std::string_view text, const Folder& folder);

// "hyung-sik's" -> "hyung-sik"; "writer's" -> "writer".
void strip_possessives(std::vector<Token>& tokens);

// Splits "ze:a" into parts, then marks runs joined by '-' or ':' with no
// space ("k-drama", "so-hee", "ze:a") as parts and adds the joined form
// ("kdrama") as a compound token at the first part's position. Assigns
// positions.
void join_compounds(std::vector<Token>& tokens, std::string_view text);

void mark_stopwords(std::vector<Token>& tokens);

// Snowball is slow next to a hash lookup and review vocabulary is Zipfian:
// stems are memoised per Analyzer (bounded; cleared when full).
class StemCache {
 public:
  const std::string& stem(const Xapian::Stem& stemmer, const std::string& word);

 private:
  static constexpr std::size_t kMaxEntries = 100'000;
  FlatMemo<> stems_{kMaxEntries};
};

void stem_tokens(std::vector<Token>& tokens, const Xapian::Stem& english, StemCache& cache);

class KoreanLexicon;

// What the Korean stage makes of a word (its Token fields).
struct KoreanReading {
  std::string stem;  // empty: the word as written
  std::vector<std::string> run_stems;
  std::uint32_t bigrams_from = 0;
  bool predicate = false;
  bool known = false;
};

// Korean readings take dozens of lexicon lookups (more for a run written
// without spaces) and review vocabulary is Zipfian: memoised per Analyzer.
// Smaller than the English memo: a reading is bigger than a stem, and the
// rare words that would fill it are mostly seen once.
class KoreanCache {
 public:
  const KoreanReading& read(std::string_view word, const KoreanLexicon& lexicon);

 private:
  static constexpr std::size_t kMaxEntries = 30'000;
  FlatMemo<KoreanReading> readings_{kMaxEntries};
};

// Korean stems from the lexicon (korean_morph.h, korean_terms.cc).
void stem_korean(std::vector<Token>& tokens, const KoreanLexicon& lexicon, KoreanCache& cache);

// Korean particle (josa) stripping: "친구에서" -> "친구", "연인이" -> "연인".
std::string korean_stem(std::string_view word);

bool is_english_stopword(std::string_view word);

}  // namespace revsearch::analysis
