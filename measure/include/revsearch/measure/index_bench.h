// `revsearch bench index`: one indexing run measured: docs/s, MB/s, peak
// RSS of this process, index size on disk.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "revsearch/indexer/indexer.h"

namespace revsearch::measure {

struct IndexBenchResult {
  std::string db;
  std::vector<std::string> inputs;
  indexer::IndexSummary summary;
  double reviews_per_s = 0;
  double passages_per_s = 0;
  double mb_per_s = 0;
  std::uint64_t peak_rss_kb = 0;
  std::uint64_t index_bytes = 0;
};

// Indexes `paths` into `db_path` (a fresh temporary database, removed
// afterwards, when `db_path` is empty).
IndexBenchResult run_index_bench(const std::string& db_path, const std::vector<std::string>& paths,
                                 const indexer::IndexOptions& options);

}  // namespace revsearch::measure
