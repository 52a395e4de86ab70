// Query files for `revsearch bench query`: one query a line in revsearch
// syntax (field queries such as title:, lang:, actor:, sentiment: included),
// '#' comments, blank lines ignored, "@set NAME" starts a named set
// (english, korean, mixed, field...) reported separately.
#pragma once

#include <string>
#include <vector>

namespace revsearch::measure {

struct BenchQuery {
  std::string set;   // "default" before any @set line
  std::string text;  // as typed
  std::size_t line = 0;
};

// Throws InputError when the file cannot be read or holds no query.
std::vector<BenchQuery> read_query_file(const std::string& path);
std::vector<BenchQuery> parse_query_file(const std::string& content, const std::string& display);

}  // namespace revsearch::measure
