#include "revsearch/analysis/variants.h"

#include <algorithm>

#include "revsearch/utf8.h"

namespace revsearch::analysis {

extern const std::string_view kFilmVariantsText;

namespace {

constexpr std::size_t kMaxLineBytes = 4096;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The comma-separated forms of one side of a line.
std::vector<std::string> forms_of(std::string_view side, std::size_t line) {
  std::vector<std::string> out;
  while (true) {
    std::size_t comma = side.find(',');
    std::string_view form = trimmed(side.substr(0, comma));
    if (form.empty()) throw VariantsError(line, "an empty form (two commas, or a comma at an end)");
    out.push_back(VariantTable::normalised(form));
    if (comma == std::string_view::npos) break;
    side.remove_prefix(comma + 1);
  }
  return out;
}

bool has_space(std::string_view s) { return s.find(' ') != std::string_view::npos; }

}  // namespace

std::string VariantTable::normalised(std::string_view form) {
  std::string out;
  bool space = false;
  for (char c : trimmed(form)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

VariantTable VariantTable::parse(std::string_view text) {
  VariantTable table;
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (line.size() > kMaxLineBytes) {
      throw VariantsError(number, "longer than " + std::to_string(kMaxLineBytes) + " bytes");
    }
    if (auto bad = utf8::first_invalid(line)) {
      throw VariantsError(number, "not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
    }
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trimmed(line);
    if (line.empty()) continue;
    std::size_t arrow = line.find("=>");
    if (arrow != std::string_view::npos && line.find("=>", arrow + 2) != std::string_view::npos) {
      throw VariantsError(number, "more than one '=>'");
    }
    ++table.groups_;
    if (arrow == std::string_view::npos) {
      std::vector<std::string> forms = forms_of(line, number);
      for (const std::string& form : forms) table.also_search(form, forms);
      continue;
    }
    std::string_view left = trimmed(line.substr(0, arrow)), right = trimmed(line.substr(arrow + 2));
    if (left.empty() || right.empty()) throw VariantsError(number, "'=>' needs forms on both sides");
    std::vector<std::string> from = forms_of(left, number), to = forms_of(right, number);
    for (const std::string& form : to) table.also_search(form, {});  // known, and searches nothing more
    for (const std::string& form : from) table.also_search(form, to);
  }
  return table;
}

void VariantTable::also_search(const std::string& form, const std::vector<std::string>& forms) {
  std::vector<std::string>& others = others_[form];
  for (const std::string& other : forms) {
    if (other != form && std::find(others.begin(), others.end(), other) == others.end()) others.push_back(other);
  }
}

const std::vector<std::string>& VariantTable::others(const Token& token) const {
  const std::vector<std::string>& by_stem = others(token.search_form());
  return by_stem.empty() ? others(token.text) : by_stem;
}

const VariantTable& VariantTable::builtin() {
  static const VariantTable table = parse(kFilmVariantsText);
  return table;
}

const std::vector<std::string>& VariantTable::others(std::string_view form) const {
  static const std::vector<std::string> kNone;
  auto it = others_.find(normalised(form));
  return it == others_.end() ? kNone : it->second;
}

std::vector<std::string> VariantTable::words_beginning_with(std::string_view prefix) const {
  std::vector<std::string> out;
  std::string start = normalised(prefix);
  for (const auto& [form, others] : others_) {
    if (others.empty() && form.size() > start.size() && form.compare(0, start.size(), start) == 0) out.push_back(form);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> VariantTable::hangul_words() const {
  std::vector<std::string> out;
  for (const auto& [form, others] : others_) {
    if (has_space(form) || form.empty()) continue;
    std::size_t at = 0;
    bool hangul = true;
    while (at < form.size() && hangul) {
      char32_t c = utf8::next(form, at);
      hangul = c >= 0xAC00 && c <= 0xD7A3;
    }
    if (hangul) out.push_back(form);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace revsearch::analysis
