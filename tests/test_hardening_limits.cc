// Hardening (issue 9): record size limits. A 1 GB single-line file is
// refused record by record without being read into memory: the indexing
// process's peak RSS stays far below the line's size. The line is generated
// through a named pipe, so the test needs neither 1 GB of disk nor memory.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <thread>

#include "child_process.h"

using namespace revsearch::test;

TEST_CASE("hardening: a 1 GB single-line record is skipped with bounded memory", "[hardening][limits]") {
  TempDir dir;
  const std::string fifo = dir / "huge.jsonl";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  constexpr std::size_t kLineBytes = std::size_t{1} << 30;

  Child indexer({"index", "--db", dir / "db", fifo});
  std::thread feeder([&] {
    // Opening blocks until the indexer opens the pipe for reading.
    std::FILE* out = std::fopen(fifo.c_str(), "wb");
    if (!out) return;
    std::string good1 = "{\"id\": \"before\", \"text\": \"a lacklustre plot\"}\n";
    std::string good2 = "\n{\"id\": \"after\", \"text\": \"decent chemistry\"}\n";
    std::fwrite(good1.data(), 1, good1.size(), out);
    std::string chunk(1 << 20, 'x');
    std::string head = "{\"id\": \"huge\", \"text\": \"";
    std::fwrite(head.data(), 1, head.size(), out);
    for (std::size_t written = head.size(); written < kLineBytes; written += chunk.size()) {
      if (std::fwrite(chunk.data(), 1, chunk.size(), out) != chunk.size()) break;
    }
    std::fwrite("\"}", 1, 2, out);
    std::fwrite(good2.data(), 1, good2.size(), out);
    std::fclose(out);
  });
  ChildResult r = indexer.wait();
  feeder.join();
  INFO("stdout:\n" << r.out << "stderr:\n" << r.err);
  CHECK(r.status == 3);
  CHECK(summary_value(r.out, "reviews indexed") == 2);
  CHECK(summary_value(r.out, "records skipped") == 1);
  CHECK(r.err.find("huge.jsonl:2: skipped: record too large") != std::string::npos);
  // The 10 MB default limit, not the 1 GB line, bounds memory (sanitizer
  // builds add their shadow memory; still far below the line).
  CHECK(r.max_rss_kib < 300 * 1024);
  WARN("1 GB line: peak RSS of revsearch index " << r.max_rss_kib / 1024 << " MiB");
}

TEST_CASE("hardening: --max-record-bytes sets the limit per record", "[hardening][limits]") {
  TempDir dir;
  write_file(dir / "in.jsonl", "{\"id\": \"small\", \"text\": \"short review\"}\n{\"id\": \"big\", \"text\": \"" +
                                   std::string(5000, 'y') + "\"}\n");
  RunResult r = run_revsearch({"index", "--max-record-bytes", "1000", "--db", dir / "db", dir / "in.jsonl"});
  INFO(r.err);
  CHECK(r.status == 3);
  CHECK(summary_value(r.out, "reviews indexed") == 1);
  CHECK(r.err.find("in.jsonl:2: skipped: record too large: 5025 bytes > --max-record-bytes 1000") !=
        std::string::npos);
}
