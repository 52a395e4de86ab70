// An indexing run with its resource use.
#include "revsearch/measure/index_bench.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>

#include "revsearch/indexer/maintenance.h"

namespace fs = std::filesystem;

namespace revsearch::measure {

IndexBenchResult run_index_bench(const std::string& db_path, const std::vector<std::string>& paths,
                                 const indexer::IndexOptions& options) {
  IndexBenchResult result;
  result.inputs = paths;
  bool temporary = db_path.empty();
  result.db = temporary ? (fs::temp_directory_path() / ("revsearch-bench-" + std::to_string(getpid()))).string()
                        : db_path;
  struct Cleanup {
    bool active;
    std::string path;
    ~Cleanup() {
      std::error_code ec;
      if (active) fs::remove_all(path, ec);
    }
  } cleanup{temporary, result.db};

  result.summary = indexer::index_paths(result.db, paths, options);
  const indexer::IndexSummary& s = result.summary;
  if (s.seconds > 0) {
    result.reviews_per_s = static_cast<double>(s.reviews_indexed) / s.seconds;
    result.passages_per_s = static_cast<double>(s.passages_indexed) / s.seconds;
    result.mb_per_s = static_cast<double>(s.bytes_read) / 1e6 / s.seconds;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  result.peak_rss_kb = static_cast<std::uint64_t>(usage.ru_maxrss);  // kilobytes on Linux
  result.index_bytes = indexer::disk_usage(result.db);
  return result;
}

}  // namespace revsearch::measure
