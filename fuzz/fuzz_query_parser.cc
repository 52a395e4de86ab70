// libFuzzer target for the query language: any bytes, including field
// syntax (title:, lang:, review:, kind:), phrases, operators and parentheses.
// A bad query must end in UsageError, never anything else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/errors.h"
#include "revsearch/query/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace revsearch;
  static analysis::Analyzer analyzer;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    query::ParsedQuery parsed = query::parse_query(text, analyzer);
    (void)parsed.query.get_description();
  } catch (const UsageError&) {
    // Rejected with a message: the expected outcome for bad syntax.
  }
  return 0;
}
