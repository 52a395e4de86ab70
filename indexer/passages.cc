// Passage splitting, de-duplication, language tagging and boilerplate marks.
#include "revsearch/indexer/passages.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>

#include "revsearch/analysis/language.h"
#include "revsearch/utf8.h"

namespace revsearch::indexer {
namespace {

std::string_view trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Cut a sentence with no usable boundary at the last space before the
// limit, or at a code point boundary if there is none.
void hard_split(std::string_view text, std::size_t limit, std::vector<std::string>& out) {
  while (text.size() > limit) {
    std::string_view head = utf8::truncate(text, limit);
    std::size_t space = head.find_last_of(' ');
    if (space != std::string_view::npos && space > limit / 2) head = head.substr(0, space);
    if (head.empty()) head = text.substr(0, limit);  // cannot happen with valid UTF-8
    out.emplace_back(trim(head));
    text = trim(text.substr(head.size()));
  }
  if (!text.empty()) out.emplace_back(text);
}

}  // namespace

bool is_site_boilerplate(std::string_view folded) {
  static constexpr std::array<std::string_view, 12> kPhrases = {
      "was this review helpful",   "did you find this review helpful", "found this review helpful",
      "considerați utilă această recenzie", "cette critique vous a-t-elle été utile",
      "war diese rezension hilfreich", "¿te ha resultado útil esta reseña", "questa recensione ti è stata utile",
      "esta avaliação foi útil",   "이 리뷰가 도움이 되었나요",           "report this review",
      "was this helpful"};
  for (std::string_view phrase : kPhrases) {
    if (folded.find(phrase) != std::string_view::npos) return true;
  }
  return false;
}

PassageSplitter::PassageSplitter(analysis::Analyzer& analyzer, std::size_t max_passage_bytes)
    : analyzer_(analyzer), max_passage_bytes_(max_passage_bytes) {}

std::vector<std::string> PassageSplitter::paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view paragraph = trim(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    if (paragraph.empty()) continue;
    if (paragraph.size() <= max_passage_bytes_) {
      out.emplace_back(paragraph);
      continue;
    }
    // Greedily pack whole sentences into pieces of at most the limit.
    std::string piece;
    for (std::string_view sentence : sentences_.split(paragraph)) {
      if (!piece.empty() && piece.size() + sentence.size() > max_passage_bytes_) {
        out.emplace_back(trim(piece));
        piece.clear();
      }
      if (sentence.size() > max_passage_bytes_) {
        hard_split(trim(sentence), max_passage_bytes_, out);
        continue;
      }
      piece += sentence;
    }
    if (!trim(piece).empty()) out.emplace_back(trim(piece));
  }
  return out;
}

SplitReview PassageSplitter::split(const Review& review) {
  SplitReview result;
  std::unordered_set<std::string> seen;
  std::map<std::string, std::size_t> letters_by_language;
  std::size_t total_letters = 0;
  for (std::string& text : paragraphs(review.text)) {
    if (!seen.insert(analyzer_.fold(text)).second) {
      ++result.duplicates;
      continue;
    }
    Passage passage;
    passage.number = static_cast<unsigned>(result.passages.size() + 1);
    analysis::LanguageGuess guess = analysis::detect_language(text);
    passage.lang = guess.code == "und" && !review.lang.empty() ? review.lang : guess.code;
    std::size_t weight = utf8::length(text);
    letters_by_language[passage.lang] += weight;
    total_letters += weight;
    passage.text = std::move(text);
    result.passages.push_back(std::move(passage));
  }
  for (const auto& [lang, letters] : letters_by_language) {
    if (lang != "und" && letters * 4 >= total_letters) result.main_languages.push_back(lang);
  }
  if (!review.lang.empty() && std::find(result.main_languages.begin(), result.main_languages.end(), review.lang) ==
                                  result.main_languages.end()) {
    result.main_languages.push_back(review.lang);
  }
  // Boilerplate needs a review around it: a one-passage review is all text.
  if (result.passages.size() < 2) return result;
  for (Passage& passage : result.passages) {
    bool foreign = std::find(result.main_languages.begin(), result.main_languages.end(), passage.lang) ==
                   result.main_languages.end();
    bool short_text = word_count(passage.text) <= 25;
    passage.boilerplate = short_text && (foreign || is_site_boilerplate(analyzer_.fold(passage.text)));
  }
  return result;
}

}  // namespace revsearch::indexer
