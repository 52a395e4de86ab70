// The query language: words, "phrases", +required, -excluded, AND/OR/NOT,
// parentheses and field prefixes (title:, lang:, review:), with every word
// analysed by the same Analyzer as the indexer.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>

#include "revsearch/analysis/analyzer.h"

namespace revsearch::query {

struct ParsedQuery {
  Xapian::Query query;
  // Body-text terms to highlight in snippets: exact words and search forms.
  std::set<std::string> highlight_exact;
  std::set<std::string> highlight_stems;
};

// Throws UsageError naming the column of the problem for invalid syntax
// (unbalanced quotes or parentheses, an operator with nothing to apply to,
// an empty query).
ParsedQuery parse_query(std::string_view text, analysis::Analyzer& analyzer);

}  // namespace revsearch::query
