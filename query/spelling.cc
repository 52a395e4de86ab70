// Spelling suggestions by scanning the exact terms that share the word's
// first letter: no extra tables at index time, and the same code serves
// Hangul, where comparing jamo makes 재밋다 one edit from 재밌다.
#include "revsearch/query/spelling.h"

#include <algorithm>

#include "revsearch/utf8.h"

namespace revsearch::query {
namespace {

std::u32string letters(std::string_view word) {
  std::u32string out;
  for (std::size_t i = 0; i < word.size();) {
    char32_t cp = utf8::next(word, i);
    if (cp >= 0xAC00 && cp <= 0xD7A3) {  // Hangul syllable -> lead, vowel, optional tail jamo
      char32_t index = cp - 0xAC00;
      out += static_cast<char32_t>(0x1100 + index / (21 * 28));
      out += static_cast<char32_t>(0x1161 + (index % (21 * 28)) / 28);
      if (index % 28) out += static_cast<char32_t>(0x11A7 + index % 28);
    } else {
      out += cp;
    }
  }
  return out;
}

// Words shorter than this are not corrected: too many near neighbours.
constexpr std::size_t kMinLetters = 4;
// Candidates scanned per word at most, so a huge vocabulary stays fast.
constexpr std::size_t kMaxScanned = 200000;

}  // namespace

std::size_t spelling_distance(std::string_view a_text, std::string_view b_text) {
  std::u32string a = letters(a_text), b = letters(b_text);
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> suggest_spelling(const Xapian::Database& db, std::string_view query_text,
                                            const std::vector<QueryWord>& words, Xapian::doccount matches) {
  std::string out(query_text);
  bool changed = false;
  // Replace from the end so earlier byte ranges stay valid.
  std::vector<QueryWord> ordered = words;
  std::sort(ordered.begin(), ordered.end(), [](const QueryWord& x, const QueryWord& y) { return x.begin > y.begin; });
  for (const QueryWord& word : ordered) {
    std::u32string word_letters = letters(word.folded);
    if (word_letters.size() < kMinLetters || word.listed) continue;
    if (std::any_of(word.folded.begin(), word.folded.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    Xapian::doccount own = std::max(db.get_termfreq(word.search_term), db.get_termfreq(word.folded));
    if (own > 0 && matches >= kFewMatches) continue;
    std::size_t max_distance = word_letters.size() <= 5 ? 1 : 2;
    std::size_t first_len = 1;
    while (first_len < word.folded.size() && (static_cast<unsigned char>(word.folded[first_len]) & 0xC0) == 0x80) {
      ++first_len;
    }
    std::string first = word.folded.substr(0, first_len);
    std::string best;
    std::size_t best_distance = max_distance + 1;
    Xapian::doccount best_freq = own;  // a suggestion must be more common than the word itself
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(first); it != db.allterms_end(first) && scanned < kMaxScanned; ++it, ++scanned) {
      // Cheapest tests first: most terms are rarer than the word, and a
      // UTF-8 term has between bytes/4 and bytes letters.
      Xapian::doccount freq = it.get_termfreq();
      if (freq <= own) continue;
      const std::string& term = *it;
      if (term == word.folded || term.size() / 4 > word_letters.size() + max_distance) continue;
      std::size_t length = letters(term).size();
      if (length + max_distance < word_letters.size() || length > word_letters.size() + max_distance) continue;
      std::size_t distance = spelling_distance(word.folded, term);
      if (distance > max_distance) continue;
      if (distance < best_distance || (distance == best_distance && freq > best_freq)) {
        best = term, best_distance = distance, best_freq = freq;
      }
    }
    if (!best.empty()) {
      out.replace(word.begin, word.end - word.begin, best);
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace revsearch::query
