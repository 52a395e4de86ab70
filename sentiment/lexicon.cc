// Parses the lexicons that embed_lexicon.cmake compiled into the library.
#include "lexicon.h"

#include <charconv>
#include <cstddef>
#include <string_view>

namespace revsearch::sentiment {
namespace embedded {
extern const char* const kVaderLexicon[];
extern const std::size_t kVaderLexiconLines;
extern const char* const kReviewLexiconEn[];
extern const std::size_t kReviewLexiconEnLines;
extern const char* const kKoreanLexicon[];
extern const std::size_t kKoreanLexiconLines;
}  // namespace embedded

namespace {

// Lines "word<TAB>valence[<TAB>...]"; '#' comments and malformed lines skipped.
void load(const char* const* lines, std::size_t count, std::unordered_map<std::string, double>& out) {
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view line = lines[i];
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::string_view rest = line.substr(tab + 1);
    std::string_view number = rest.substr(0, rest.find('\t'));
    double value = 0;
    auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc() || ptr != number.data() + number.size()) continue;
    out[std::string(line.substr(0, tab))] = value;
  }
}

}  // namespace

const Lexicons& lexicons() {
  static const Lexicons instance = [] {
    Lexicons l;
    load(embedded::kVaderLexicon, embedded::kVaderLexiconLines, l.english);
    load(embedded::kReviewLexiconEn, embedded::kReviewLexiconEnLines, l.english);
    load(embedded::kKoreanLexicon, embedded::kKoreanLexiconLines, l.korean);
    return l;
  }();
  return instance;
}

}  // namespace revsearch::sentiment
