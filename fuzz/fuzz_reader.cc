// libFuzzer target for one input reader: the fuzz input is written to a
// file with the format's extension (REVSEARCH_FUZZ_EXT, e.g. ".jsonl.gz")
// and read through indexer::read_file, exactly as `revsearch index` does;
// every review found then goes through passage splitting and document
// building, so the bytes reach everything an indexing run does but Xapian.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "revsearch/errors.h"
#include "revsearch/indexer/readers.h"
#include "revsearch/indexer/review_documents.h"

namespace {

namespace fs = std::filesystem;
using namespace revsearch;

class BuildingSink : public indexer::RecordSink {
 public:
  // Every per-review step of the indexer, as its workers run it.
  void review(indexer::Review&& review) override { (void)indexer::documents_for(review, analysis_); }
  void skip(indexer::Skip&&) override {}

 private:
  indexer::ReviewAnalysis analysis_;
};

// One file per process, rewritten for every input; /dev/shm keeps it off disk.
const fs::path& input_path() {
  static const fs::path path = [] {
    fs::path dir = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    fs::path p = dir / ("revsearch-fuzz-" + std::to_string(getpid()) + REVSEARCH_FUZZ_EXT);
    std::atexit([] { std::error_code ec; fs::remove(input_path(), ec); });
    return p;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static BuildingSink sink;
  {
    std::ofstream out(input_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  indexer::ReaderOptions options;
  // A small limit so that the "record too large" path is reached too.
  options.max_record_bytes = 2048;
  try {
    indexer::read_file(input_path(), "fuzz", "fuzz", options, sink);
  } catch (const InputError&) {
    // Corrupt gzip and the like: reported as an unreadable file, by design.
  }
  return 0;
}
