// Query file parsing: @set lines, comments, one query a line.
#include "revsearch/measure/query_file.h"

#include <fstream>
#include <sstream>

#include "revsearch/errors.h"
#include "revsearch/utf8.h"

namespace revsearch::measure {
namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

std::vector<BenchQuery> parse_query_file(const std::string& content, const std::string& display) {
  std::vector<BenchQuery> queries;
  std::string set = "default";
  std::istringstream in(content);
  std::size_t number = 0;
  for (std::string raw; std::getline(in, raw);) {
    ++number;
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    if (!utf8::is_valid(line)) throw InputError(display + ":" + std::to_string(number) + ": not valid UTF-8");
    if (line.rfind("@set", 0) == 0) {
      set = trim(line.substr(4));
      if (set.empty()) throw InputError(display + ":" + std::to_string(number) + ": @set needs a name");
      continue;
    }
    queries.push_back({set, line, number});
  }
  if (queries.empty()) throw InputError(display + ": no queries (one a line; # comments; @set NAME)");
  return queries;
}

std::vector<BenchQuery> read_query_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read query file");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_query_file(ss.str(), path);
}

}  // namespace revsearch::measure
