// `revsearch bench query`: run a query file against a database from N
// threads (one Searcher each), after untimed warm-up rounds; latency
// percentiles, throughput and hits per query, overall and per query set.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "revsearch/measure/query_file.h"

namespace revsearch::measure {

struct QueryBenchOptions {
  std::size_t threads = 1;
  std::size_t warmup = 1;  // untimed rounds over the whole file first (at least one, which finds bad queries)
  std::size_t repeat = 3;  // timed rounds
  Xapian::doccount limit = 10;
};

struct LatencyStats {
  std::size_t runs = 0;  // timed executions
  double p50_ms = 0, p95_ms = 0, p99_ms = 0, max_ms = 0, mean_ms = 0;
  double hits_per_query = 0;     // hits returned (at most `limit`)
  double matches_per_query = 0;  // Xapian's estimate of all matches
};

struct QueryBenchResult {
  std::string db;
  QueryBenchOptions options;
  std::size_t queries = 0;
  double wall_s = 0;
  double qps = 0;  // timed executions / wall time, all threads together
  LatencyStats overall;
  std::map<std::string, LatencyStats> sets;
  std::vector<std::string> errors;  // "line N: query: message", once per failing query
};

// Queries that fail (bad syntax, a field this database lacks) are listed in
// `errors` and left out of the timings. Throws DatabaseError.
QueryBenchResult run_query_bench(const std::string& db_path, const std::vector<BenchQuery>& queries,
                                 const QueryBenchOptions& options);

// Nearest-rank percentile of unsorted `values` (0 when empty).
double percentile(std::vector<double> values, double p);

}  // namespace revsearch::measure
