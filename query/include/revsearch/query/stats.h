// What a database holds: `revsearch stats`.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace revsearch::query {

struct DatabaseStats {
  std::uint64_t reviews = 0;
  std::uint64_t passages = 0;
  std::uint64_t terms = 0;                 // distinct terms, all prefixes
  std::uint64_t size_bytes = 0;            // on disk
  double average_passage_length = 0;       // in terms
  std::map<std::string, std::uint64_t> languages;  // passages per language
  std::map<std::string, std::uint64_t> kinds;      // review / boilerplate passages
  std::string format;  // the index format (revsearch/index_format.h); empty for a new, empty database
};

DatabaseStats database_stats(const std::string& db_path);

// What a passage costs, by term prefix: the index budget made visible
// (`revsearch stats --terms`).
struct PrefixCost {
  std::string prefix;            // "" for exact words, else "Z", "XKB", ...
  std::uint64_t terms = 0;       // distinct terms
  std::uint64_t postings = 0;    // (term, passage) pairs: sum of term frequencies
  std::uint64_t occurrences = 0; // sum of wdf (collection frequency)
  bool positional = false;       // whether its terms carry positions
};

struct TermBudget {
  std::uint64_t passages = 0;
  std::uint64_t review_documents = 0;  // one per review of 2+ passages (ranking evidence)
  std::vector<PrefixCost> prefixes;  // most postings first
  std::uint64_t postings = 0;
  std::uint64_t positions = 0;       // occurrences of the positional prefixes
  std::uint64_t data_bytes = 0;      // stored document data, all passages
  std::map<std::string, std::uint64_t> table_bytes;  // on disk, by Xapian table ("postlist", "position"...)
  std::uint64_t synonym_keys = 0;    // vocabulary-level facts kept outside the postings
  std::uint64_t metadata_keys = 0;
};

TermBudget term_budget(const std::string& db_path);

}  // namespace revsearch::query
