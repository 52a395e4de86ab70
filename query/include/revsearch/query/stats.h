// What a database holds: `revsearch stats`.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace revsearch::query {

struct DatabaseStats {
  std::uint64_t reviews = 0;
  std::uint64_t passages = 0;
  std::uint64_t terms = 0;                 // distinct terms, all prefixes
  std::uint64_t size_bytes = 0;            // on disk
  double average_passage_length = 0;       // in terms
  std::map<std::string, std::uint64_t> languages;  // passages per language
  std::map<std::string, std::uint64_t> kinds;      // review / boilerplate passages
};

DatabaseStats database_stats(const std::string& db_path);

}  // namespace revsearch::query
