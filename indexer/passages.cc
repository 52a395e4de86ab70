// Passage splitting, de-duplication, language tagging and boilerplate marks.
#include "revsearch/indexer/passages.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
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

// A line indented by a tab, two spaces or an ideographic space: in text
// without blank lines, how many writers start a paragraph.
bool indented(std::string_view line) {
  return (!line.empty() && line[0] == '\t') || line.substr(0, 2) == "  " || line.substr(0, 3) == "\u3000";
}

// Whether a line ends like a sentence: terminal punctuation, possibly
// followed by closing quotes or brackets.
bool ends_sentence(std::string_view line) {
  line = trim(line);
  static constexpr std::array<std::string_view, 9> kClosers = {"\"", "'", ")", "]", "\u201D", "\u2019", "\u300D", "\u300F", "*"};
  for (bool stripped = true; stripped && !line.empty();) {
    stripped = false;
    for (std::string_view closer : kClosers) {
      if (line.size() >= closer.size() && line.substr(line.size() - closer.size()) == closer) {
        line = trim(line.substr(0, line.size() - closer.size()));
        stripped = true;
      }
    }
  }
  static constexpr std::array<std::string_view, 8> kEnds = {".", "!", "?", ":", "\u2026", "\u3002", "\uFF01", "\uFF1F"};
  for (std::string_view ending : kEnds) {
    if (line.size() >= ending.size() && line.substr(line.size() - ending.size()) == ending) return true;
  }
  return false;
}

// Lines cut at a fixed width: all but the last fill most of the widest.
bool hard_wrapped(const std::vector<std::string_view>& lines) {
  if (lines.size() < 3) return false;
  std::size_t widest = 0;
  for (std::string_view line : lines) widest = std::max(widest, utf8::length(trim(line)));
  if (widest < 40) return false;
  std::size_t full = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) full += utf8::length(trim(lines[i])) * 10 >= widest * 6;
  return full * 4 >= (lines.size() - 1) * 3;
}

// <br> becomes a line break, <p> and </p> a blank line; other tags stay.
std::string html_breaks_to_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') {
      std::size_t close = text.find('>', i);
      if (close != std::string_view::npos && close - i <= 40) {
        std::string name;
        for (std::size_t j = i + 1; j < close && text[j] != ' ' && !(text[j] == '/' && j > i + 1); ++j) {
          name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j])));
        }
        if (name == "br" || name == "p" || name == "/p") {
          out += name == "br" ? "\n" : "\n\n";
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
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

PassageSplitter::PassageSplitter(analysis::Analyzer& analyzer, std::size_t max_passage_bytes,
                                 std::size_t target_words)
    : analyzer_(analyzer), max_passage_bytes_(max_passage_bytes), target_words_(std::max<std::size_t>(target_words, 1)) {}

std::vector<std::string> PassageSplitter::paragraphs(std::string_view text) {
  std::string without_tags;
  if (text.find('<') != std::string_view::npos) {
    without_tags = html_breaks_to_newlines(text);
    text = without_tags;
  }
  std::vector<std::string> out;
  std::vector<std::string_view> block;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!trim(line).empty()) {
      block.push_back(line);
      continue;
    }
    block_passages(block, out);  // a blank line ends a paragraph
    block.clear();
  }
  block_passages(block, out);
  return out;
}

// One run of non-blank lines: paragraphs marked by indentation, lines that
// are paragraphs, lines that are sentences (grouped into windows), or lines
// hard-wrapped in the middle of sentences (joined, then windowed).
void PassageSplitter::block_passages(const std::vector<std::string_view>& lines, std::vector<std::string>& out) {
  if (lines.empty()) return;
  if (lines.size() == 1) {
    paragraph(trim(lines[0]), out);
    return;
  }
  std::size_t indented_lines = std::count_if(lines.begin() + 1, lines.end(), indented);
  if (indented_lines > 0 && indented_lines < lines.size() - 1) {
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0 && indented(lines[i])) {
        paragraph(joined, out);
        joined.clear();
      }
      if (!joined.empty()) joined += ' ';
      joined += trim(lines[i]);
    }
    paragraph(joined, out);
    return;
  }
  std::size_t several_sentences = 0, ended = 0;
  for (std::string_view line : lines) {
    std::size_t sentences = 0;
    for (std::string_view sentence : sentences_.split(trim(line))) sentences += !trim(sentence).empty();
    several_sentences += sentences >= 2;
    ended += ends_sentence(line);
  }
  if (several_sentences * 2 >= lines.size()) {  // a paragraph a line (the seed review)
    for (std::string_view line : lines) paragraph(trim(line), out);
    return;
  }
  if (ended * 2 < lines.size() && hard_wrapped(lines)) {
    std::string joined;
    for (std::string_view line : lines) {
      if (!joined.empty()) joined += ' ';
      joined += trim(line);
    }
    paragraph(joined, out);
    return;
  }
  std::vector<std::string_view> units;  // a sentence a line (the polarity reviews)
  for (std::string_view line : lines) units.push_back(trim(line));
  windows(units, out);
}

// A paragraph is one passage unless it is over the byte limit; then it is
// cut at sentence boundaries into windows of about the target size.
void PassageSplitter::paragraph(std::string_view text, std::vector<std::string>& out) {
  text = trim(text);
  if (text.empty()) return;
  if (text.size() <= max_passage_bytes_) {
    out.emplace_back(text);
    return;
  }
  std::vector<std::string_view> units;
  for (std::string_view sentence : sentences_.split(text)) {
    if (!trim(sentence).empty()) units.push_back(trim(sentence));
  }
  windows(units, out);
}

// Consecutive units (sentences or sentence lines, views into one text, in
// order) grouped into passages of about target_words_ words, never cutting a
// unit (except one over the byte limit on its own). The passage text is the
// original span from its first unit to its last.
void PassageSplitter::windows(const std::vector<std::string_view>& units, std::vector<std::string>& out) {
  std::size_t total_words = 0;
  for (std::string_view unit : units) total_words += word_count(unit);
  double count = std::max(1.0, std::round(static_cast<double>(total_words) / static_cast<double>(target_words_)));
  double goal = static_cast<double>(total_words) / count;
  const char* begin = nullptr;
  const char* end = nullptr;
  const char* last_window = nullptr;  // start of the window flushed last, if it was the last passage out
  double words = 0;
  auto flush = [&] {
    if (begin) out.emplace_back(begin, static_cast<std::size_t>(end - begin));
    last_window = begin;
    begin = nullptr;
    words = 0;
  };
  for (std::string_view unit : units) {
    if (unit.size() > max_passage_bytes_) {
      flush();
      hard_split(unit, max_passage_bytes_, out);
      last_window = nullptr;
      continue;
    }
    auto unit_words = static_cast<double>(word_count(unit));
    if (unit_words <= 25 && units.size() > 1 && is_site_boilerplate(analyzer_.fold(unit))) {
      flush();  // "Was this review helpful?" stays a passage of its own
      out.emplace_back(unit);
      last_window = nullptr;
      continue;
    }
    if (begin) {
      auto bytes = static_cast<std::size_t>(unit.data() + unit.size() - begin);
      bool closer_without = words + unit_words > goal && words + unit_words - goal > goal - words;
      if (bytes > max_passage_bytes_ || closer_without) flush();
    }
    if (!begin) begin = unit.data();
    end = unit.data() + unit.size();
    words += unit_words;
  }
  // A short tail joins the window before it when the two fit in one passage.
  if (begin && last_window && words < goal / 3 &&
      static_cast<std::size_t>(end - last_window) <= max_passage_bytes_) {
    out.back().assign(last_window, static_cast<std::size_t>(end - last_window));
    begin = nullptr;
  }
  flush();
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
