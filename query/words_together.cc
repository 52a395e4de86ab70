#include "revsearch/query/words_together.h"

#include <algorithm>
#include <utility>

#include "revsearch/query/word_weights.h"

namespace revsearch::query {

std::optional<WordsTogether> WordsTogether::of(const ParsedQuery& parsed) {
  WordsTogether together;
  for (const ScoredPart& part : parsed.parts) {
    if (!part.counted || part.stem.empty()) continue;
    together.words_.push_back({part.typed, part.stem, part.prefixes, part.variants});
  }
  if (together.words_.size() < 2) return std::nullopt;
  return together;
}

bool WordsTogether::matches(const Word& word, const analysis::Token& token) const {
  if (token.search_form() == word.stem || token.text == word.typed) return true;
  for (const std::string& variant : word.variants) {
    if (token.search_form() == variant || token.text == variant) return true;
  }
  if (std::find(token.run_stems.begin(), token.run_stems.end(), word.stem) != token.run_stems.end()) return true;
  return word.prefixes && token.text.size() > word.typed.size() && token.text.compare(0, word.typed.size(), word.typed) == 0;
}

bool WordsTogether::stand_together(const std::vector<analysis::Token>& tokens) const {
  // (position, word) for every token that is a form of a query word, in
  // text order; then the narrowest run of positions holding every word.
  std::vector<std::pair<std::uint32_t, std::size_t>> found;
  for (const analysis::Token& token : tokens) {
    if (token.compound_part) continue;
    for (std::size_t w = 0; w < words_.size(); ++w) {
      if (matches(words_[w], token)) found.emplace_back(token.position, w);
    }
  }
  std::sort(found.begin(), found.end());
  const std::uint32_t allowed = weights::kTogetherDistance * static_cast<std::uint32_t>(words_.size() - 1);
  std::vector<std::size_t> count(words_.size(), 0);
  std::size_t distinct = 0, left = 0;
  for (std::size_t right = 0; right < found.size(); ++right) {
    if (count[found[right].second]++ == 0) ++distinct;
    while (distinct == words_.size()) {
      if (found[right].first - found[left].first <= allowed) return true;
      if (--count[found[left].second] == 0) --distinct;
      ++left;
    }
  }
  return false;
}

}  // namespace revsearch::query
