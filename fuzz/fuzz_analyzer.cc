// libFuzzer target for text analysis (Korean, English and mixed text all go
// through the one Analyzer): tokens, folding, language identification and
// sentence breaking, on any valid UTF-8 (callers reject invalid UTF-8 first).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/language.h"
#include "revsearch/analysis/sentences.h"
#include "revsearch/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace revsearch;
  static analysis::Analyzer analyzer;
  static analysis::SentenceSplitter sentences;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!utf8::is_valid(text)) return 0;
  std::vector<analysis::Token> tokens = analyzer.analyze(text);
  for (const analysis::Token& t : tokens) {
    // Offsets must point inside the input: snippets cut the text with them.
    if (t.begin > t.end || t.end > text.size()) __builtin_trap();
  }
  (void)analysis::describe(tokens);
  (void)analyzer.fold(text);
  (void)analysis::detect_language(text);
  std::size_t covered = 0;
  for (std::string_view s : sentences.split(text)) covered += s.size();
  if (covered > text.size()) __builtin_trap();
  return 0;
}
