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

#include "revsearch/analysis/analyzer.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/document_builder.h"
#include "revsearch/indexer/passages.h"
#include "revsearch/indexer/readers.h"

namespace {

namespace fs = std::filesystem;
using namespace revsearch;

class BuildingSink : public indexer::RecordSink {
 public:
  void review(indexer::Review&& review) override {
    indexer::SplitReview split = splitter_.split(review);
    std::vector<analysis::Token> title_tokens = analyzer_.analyze(review.title);
    for (const indexer::Passage& passage : split.passages) {
      Xapian::Document doc = indexer::build_document(review, passage, analyzer_, title_tokens);
      (void)doc;
    }
  }
  void skip(indexer::Skip&&) override {}

 private:
  analysis::Analyzer analyzer_;
  indexer::PassageSplitter splitter_{analyzer_};
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
