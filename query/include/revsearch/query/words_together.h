// Words typed together: for a query of several words, passages that write
// them within a few words of each other ("캐스팅이 아쉽다", "최고의 영화")
// rank first among the passages that hold the same words.
//
// Stems carry no positions in the index (the index budget), and a check
// of the stored text cannot run on a remote shard's server; so the
// searcher checks the first weights::kTogetherWindow hits of a ranking on
// its side, as a rescoring window (Elasticsearch's rescore): each passage
// whose words stand together gains weights::kWordsTogether. The window
// does not depend on the page asked for, so pages stitch and every layout
// gives the same order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/query/query_parser.h"

namespace revsearch::query {

class WordsTogether {
 public:
  // For a query with two or more counted free-text words; nullopt otherwise.
  static std::optional<WordsTogether> of(const ParsedQuery& parsed);

  // Whether `tokens` (a passage, analysed as the indexer does) hold every
  // word, in any of the forms the query matches, each within
  // weights::kTogetherDistance words of the next.
  bool stand_together(const std::vector<analysis::Token>& tokens) const;

  std::size_t words() const { return words_.size(); }

 private:
  struct Word {
    std::string typed;
    std::string stem;
    bool prefixes = false;
    std::vector<std::string> variants;  // search forms of its one-word variants
  };
  bool matches(const Word& word, const analysis::Token& token) const;

  std::vector<Word> words_;
};

}  // namespace revsearch::query
