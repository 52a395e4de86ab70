// The indexing run: walk the inputs, read reviews, split them into
// passages, write one Xapian document per passage, commit in batches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "revsearch/indexer/readers.h"

namespace revsearch::indexer {

struct IndexOptions {
  ReaderOptions reader;
  std::size_t commit_every = 20000;  // passages per Xapian commit
};

struct IndexSummary {
  std::size_t files = 0;
  std::size_t reviews_read = 0;
  std::size_t reviews_indexed = 0;
  std::size_t passages_indexed = 0;
  std::size_t duplicates_collapsed = 0;
  std::size_t boilerplate_passages = 0;
  std::size_t stale_passages_removed = 0;
  std::size_t records_skipped = 0;
  std::map<std::string, std::size_t> skip_reasons;
  std::uint64_t bytes_read = 0;
  double seconds = 0;
};

// Indexes files and folders (recursively) into the database at `db_path`,
// creating it if needed. Re-indexing a review replaces its passages.
// Skipped records are logged (file:line: reason) and counted. Throws
// DatabaseError if the database cannot be opened or written, UsageError
// for a missing input path.
IndexSummary index_paths(const std::string& db_path, const std::vector<std::string>& paths,
                         const IndexOptions& options);

}  // namespace revsearch::indexer
