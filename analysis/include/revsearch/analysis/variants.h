// Words written more than one way: groups of equivalent forms ("CG, 씨지,
// 컴퓨터그래픽, 컴퓨터 그래픽"), in the synonyms format Solr and
// Elasticsearch users write. The built-in table is the film vocabulary of
// analysis/data/film_variants.txt.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "revsearch/analysis/token.h"

namespace revsearch::analysis {

// A line of a synonyms text that cannot be read: its number and why.
struct VariantsError : std::runtime_error {
  VariantsError(std::size_t line_number, const std::string& why)
      : std::runtime_error("line " + std::to_string(line_number) + ": " + why), line(line_number) {}
  std::size_t line;
};

class VariantTable {
 public:
  // The film vocabulary compiled into the library.
  static const VariantTable& builtin();

  // Lines of "a, b, c" (equivalent forms) or "a, b => c, d" (a and b also
  // search c and d, not the reverse); '#' starts a comment. Forms are
  // lower-cased (ASCII) and their spaces collapsed. Throws VariantsError
  // naming the first bad line: invalid UTF-8, an empty form, more than one
  // "=>", a side of "=>" with no form, a line over 4,096 bytes.
  static VariantTable parse(std::string_view text);

  // The forms a query word written as `form` also searches, as the table
  // writes them (never `form` itself); empty when it is in no group.
  const std::vector<std::string>& others(std::string_view form) const;

  // The same for a query token: by its search form (stem), else as written.
  const std::vector<std::string>& others(const Token& token) const;

  // Whether `form` is in the table (in a group, or declared alone).
  bool contains(std::string_view form) const { return others_.count(normalised(form)) > 0; }
  bool contains(const Token& token) const { return contains(token.text) || contains(token.search_form()); }

  // The forms declared alone (a line of one word): words that begin with
  // or hold another form's letters but are other words (애니멀, 스포츠).
  std::vector<std::string> words_beginning_with(std::string_view prefix) const;

  // Every form of one word in Hangul (no space), for the analyser's noun lexicon.
  std::vector<std::string> hangul_words() const;

  std::size_t groups() const { return groups_; }

  static std::string normalised(std::string_view form);

 private:
  // `form` also searches `forms` (but itself), each once.
  void also_search(const std::string& form, const std::vector<std::string>& forms);

  std::unordered_map<std::string, std::vector<std::string>> others_;  // form -> what it also searches
  std::size_t groups_ = 0;
};

}  // namespace revsearch::analysis
