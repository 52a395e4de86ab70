// Parses the lexicons that embed_lexicon.cmake compiled into the library.
#include "lexicon.h"

#include <cstddef>
#include <string_view>

#include "revsearch/numbers.h"

namespace revsearch::sentiment {
namespace embedded {
extern const char kVaderLexicon[];
extern const std::size_t kVaderLexiconSize;
extern const char kReviewLexiconEn[];
extern const std::size_t kReviewLexiconEnSize;
extern const char kKoreanLexicon[];
extern const std::size_t kKoreanLexiconSize;
}  // namespace embedded

namespace {

// Lines "word<TAB>valence[<TAB>...]"; '#' comments and malformed lines skipped.
void load(std::string_view text, std::unordered_map<std::string, double>& out) {
  for (std::string_view line : embedded_lines(text)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::string_view rest = line.substr(tab + 1);
    std::optional<double> value = parse_number<double>(rest.substr(0, rest.find('\t')));
    if (!value) continue;
    out[std::string(line.substr(0, tab))] = *value;
  }
}

}  // namespace

std::vector<std::string_view> embedded_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

const Lexicons& lexicons() {
  static const Lexicons instance = [] {
    Lexicons l;
    load({embedded::kVaderLexicon, embedded::kVaderLexiconSize}, l.english);
    load({embedded::kReviewLexiconEn, embedded::kReviewLexiconEnSize}, l.english);
    load({embedded::kKoreanLexicon, embedded::kKoreanLexiconSize}, l.korean);
    return l;
  }();
  return instance;
}

}  // namespace revsearch::sentiment
