// JSON and markdown renderings of benchmark results.
#include "revsearch/measure/report.h"

#include <cstdio>
#include <thread>

namespace revsearch::measure {
namespace {

nlohmann::json latency_json(const LatencyStats& s) {
  return {{"runs", s.runs},         {"p50_ms", s.p50_ms},   {"p95_ms", s.p95_ms},
          {"p99_ms", s.p99_ms},     {"max_ms", s.max_ms},   {"mean_ms", s.mean_ms},
          {"hits_per_query", s.hits_per_query}, {"matches_per_query", s.matches_per_query}};
}

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string latency_row(const std::string& name, const LatencyStats& s) {
  return "| " + name + " | " + std::to_string(s.runs) + " | " + fmt("%.3f", s.p50_ms) + " | " +
         fmt("%.3f", s.p95_ms) + " | " + fmt("%.3f", s.p99_ms) + " | " + fmt("%.3f", s.max_ms) + " | " +
         fmt("%.1f", s.hits_per_query) + " | " + fmt("%.0f", s.matches_per_query) + " |\n";
}

}  // namespace

nlohmann::json to_json(const QueryBenchResult& r) {
  nlohmann::json sets = nlohmann::json::object();
  for (const auto& [name, s] : r.sets) sets[name] = latency_json(s);
  return {{"db", r.db},
          {"queries", r.queries},
          {"threads", r.options.threads},
          {"warmup", r.options.warmup},
          {"repeat", r.options.repeat},
          {"limit", r.options.limit},
          {"wall_s", r.wall_s},
          {"qps", r.qps},
          {"overall", latency_json(r.overall)},
          {"sets", sets},
          {"errors", r.errors},
          {"hardware_threads", std::thread::hardware_concurrency()}};
}

nlohmann::json to_json(const IndexBenchResult& r) {
  const indexer::IndexSummary& s = r.summary;
  return {{"db", r.db},
          {"inputs", r.inputs},
          {"files", s.files},
          {"reviews_read", s.reviews_read},
          {"reviews_indexed", s.reviews_indexed},
          {"passages_indexed", s.passages_indexed},
          {"records_skipped", s.records_skipped},
          {"bytes_read", s.bytes_read},
          {"seconds", s.seconds},
          {"reviews_per_s", r.reviews_per_s},
          {"passages_per_s", r.passages_per_s},
          {"mb_per_s", r.mb_per_s},
          {"peak_rss_kb", r.peak_rss_kb},
          {"index_bytes", r.index_bytes},
          {"threads", s.threads},
          {"shards", s.shards},
          {"hardware_threads", std::thread::hardware_concurrency()}};
}

std::string to_markdown(const QueryBenchResult& r) {
  std::string out = "Queries: " + std::to_string(r.queries) + ", threads " + std::to_string(r.options.threads) +
                    ", warm-up " + std::to_string(r.options.warmup) + ", repeat " + std::to_string(r.options.repeat) +
                    ", top " + std::to_string(r.options.limit) + "; " + fmt("%.1f", r.qps) + " queries/s\n\n";
  out += "| set | runs | p50 ms | p95 ms | p99 ms | max ms | hits/query | matches/query |\n";
  out += "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& [name, s] : r.sets) out += latency_row(name, s);
  out += latency_row("**all**", r.overall);
  for (const std::string& e : r.errors) out += "\nfailed: " + e;
  if (!r.errors.empty()) out += "\n";
  return out;
}

std::string to_markdown(const IndexBenchResult& r) {
  const indexer::IndexSummary& s = r.summary;
  std::string out = "| reviews | passages | MB read | seconds | reviews/s | passages/s | MB/s | peak RSS MB | index MB |\n";
  out += "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  out += "| " + std::to_string(s.reviews_indexed) + " | " + std::to_string(s.passages_indexed) + " | " +
         fmt("%.1f", static_cast<double>(s.bytes_read) / 1e6) + " | " + fmt("%.2f", s.seconds) + " | " +
         fmt("%.0f", r.reviews_per_s) + " | " + fmt("%.0f", r.passages_per_s) + " | " + fmt("%.2f", r.mb_per_s) +
         " | " + fmt("%.1f", static_cast<double>(r.peak_rss_kb) / 1024) + " | " +
         fmt("%.1f", static_cast<double>(r.index_bytes) / 1e6) + " |\n";
  return out;
}

}  // namespace revsearch::measure
