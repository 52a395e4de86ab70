// The text analyser shared by indexer and query side, so that a word is
// always analysed the same way on both sides.
//
// Pipeline (each stage one small filter over Token, see filters.h):
//   ICU word breaking -> NFKC + case folding + quote mapping -> possessive
//   stripping -> compound joining (k-drama, ze:a, so-hee, #1) -> stop words
//   -> stemming (English Snowball) -> Korean stems, bigrams and 초성
//   (korean_morph.h, korean_terms.cc).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/analysis/token.h"

namespace revsearch::analysis {

// Named pipelines: kAuto (what the indexer and queries use) analyses each
// token by its script; kKorean leaves Latin words unstemmed, kEnglish leaves
// Hangul words as written (for `revsearch analyze --lang`).
enum class Pipeline { kAuto, kKorean, kEnglish };

class Analyzer {
 public:
  // Creates the ICU and Xapian objects once; an Analyzer is cheap to reuse
  // but not thread-safe: use one per thread.
  explicit Analyzer(Pipeline pipeline = Pipeline::kAuto);
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Tokens of `text` (valid UTF-8) with byte offsets into `text`.
  std::vector<Token> analyze(std::string_view text);

  // The words of `text` as analyze() gives them (text, positions, compound
  // marks) without stems: the first stages alone, a fraction of the cost.
  // Phrases are matched on these (query/phrase_check.h).
  std::vector<Token> words(std::string_view text);

  // NFKC + case folding + quote/space normalisation of a whole string; used
  // for duplicate detection and field values.
  std::string fold(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Human-readable form of tokens for `revsearch analyze` and table tests:
// "text[pos]" or "text>stem[pos]", compounds marked with '+', stop words
// with '~'.
std::string describe(const std::vector<Token>& tokens);

}  // namespace revsearch::analysis
