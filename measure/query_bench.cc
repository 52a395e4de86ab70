// Timed query runs: a shared cursor over (round, query) pairs, each thread
// with its own Searcher because Xapian databases are not shared across threads.
#include "revsearch/measure/query_bench.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <set>
#include <thread>

#include "revsearch/query/searcher.h"

namespace revsearch::measure {
namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  std::size_t query = 0;
  double ms = 0;
  std::size_t hits = 0;
  std::size_t matches = 0;
};

LatencyStats stats_of(const std::vector<const Sample*>& samples) {
  LatencyStats s;
  s.runs = samples.size();
  if (samples.empty()) return s;
  std::vector<double> ms;
  double hits = 0, matches = 0;
  for (const Sample* sample : samples) {
    ms.push_back(sample->ms);
    hits += static_cast<double>(sample->hits);
    matches += static_cast<double>(sample->matches);
  }
  auto n = static_cast<double>(samples.size());
  s.p50_ms = percentile(ms, 50);
  s.p95_ms = percentile(ms, 95);
  s.p99_ms = percentile(ms, 99);
  s.max_ms = *std::max_element(ms.begin(), ms.end());
  double total = 0;
  for (double v : ms) total += v;
  s.mean_ms = total / n;
  s.hits_per_query = hits / n;
  s.matches_per_query = matches / n;
  return s;
}

}  // namespace

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

QueryBenchResult run_query_bench(const std::string& db_path, const std::vector<BenchQuery>& queries,
                                 const QueryBenchOptions& options) {
  QueryBenchResult result;
  result.db = db_path;
  result.options = options;
  result.queries = queries.size();
  query::SearchOptions search;
  search.limit = options.limit;

  // Warm-up (untimed, one thread) also finds the queries that fail.
  std::vector<bool> failed(queries.size(), false);
  {
    query::Searcher searcher(db_path);
    for (std::size_t round = 0; round < std::max<std::size_t>(options.warmup, 1); ++round) {
      for (std::size_t i = 0; i < queries.size(); ++i) {
        if (failed[i]) continue;
        try {
          searcher.search(queries[i].text, search);
        } catch (const std::exception& e) {
          failed[i] = true;
          result.errors.push_back("line " + std::to_string(queries[i].line) + ": " + queries[i].text + ": " + e.what());
        }
      }
    }
  }

  std::vector<std::size_t> plan;
  for (std::size_t round = 0; round < options.repeat; ++round) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (!failed[i]) plan.push_back(i);
    }
  }
  std::vector<Sample> samples(plan.size());
  std::atomic<std::size_t> cursor{0};
  std::mutex error_mutex;
  std::exception_ptr error;
  auto started = Clock::now();
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < std::max<std::size_t>(options.threads, 1); ++t) {
    threads.emplace_back([&] {
      try {
        query::Searcher searcher(db_path);
        for (std::size_t k = cursor++; k < plan.size(); k = cursor++) {
          auto t0 = Clock::now();
          query::SearchResult r = searcher.search(queries[plan[k]].text, search);
          double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
          samples[k] = {plan[k], ms, r.hits.size(), r.total_estimate};
        }
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        cursor = plan.size();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  result.wall_s = std::chrono::duration<double>(Clock::now() - started).count();
  result.qps = result.wall_s > 0 ? static_cast<double>(plan.size()) / result.wall_s : 0;

  std::vector<const Sample*> all;
  std::map<std::string, std::vector<const Sample*>> by_set;
  for (const Sample& s : samples) {
    all.push_back(&s);
    by_set[queries[s.query].set].push_back(&s);
  }
  result.overall = stats_of(all);
  for (const auto& [set, list] : by_set) result.sets[set] = stats_of(list);
  return result;
}

}  // namespace revsearch::measure
