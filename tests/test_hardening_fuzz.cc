// Hardening (issue 9): every fuzzer finding, as a regression test. Each row
// is the (minimised) input a fuzz target crashed on and what must happen
// instead: the bad record skipped with a reason, the good ones kept.
#include <catch2/catch.hpp>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/readers.h"
#include "revsearch/query/query_parser.h"
#include "support.h"

using namespace revsearch;
using namespace revsearch::test;

namespace {

struct Collect : indexer::RecordSink {
  std::vector<std::string> ids;
  std::vector<std::string> skips;  // "line: reason"
  void review(indexer::Review&& r) override { ids.push_back(r.id); }
  void skip(indexer::Skip&& s) override { skips.push_back(std::to_string(s.line) + ": " + s.reason); }
};

struct ReaderCase {
  std::string found_by;
  std::string file_name;
  std::string content;
  std::vector<std::string> ids;
  std::vector<std::string> skips;
};

}  // namespace

TEST_CASE("hardening: reader inputs found by fuzzing", "[hardening][fuzz]") {
  const std::vector<ReaderCase> cases = {
      // nlohmann::json throws out_of_range (not parse_error) for a number
      // beyond double's range; it escaped the reader and ended the whole run.
      {"fuzz_read_gzip", "overflow.jsonl",
       "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"x\",\"rating\":88888888e88888888}\n"
       "{\"id\":\"c\",\"text\":\"ok\"}\n",
       {"a", "c"}, {"2: invalid JSON"}},
  };
  for (const ReaderCase& c : cases) {
    DYNAMIC_SECTION(c.found_by << ": " << c.file_name) {
      TempDir dir;
      write_file(dir / c.file_name, c.content);
      Collect sink;
      indexer::read_file(dir / c.file_name, c.file_name, "base", {}, sink);
      CHECK(sink.ids == c.ids);
      CHECK(sink.skips == c.skips);
    }
  }
}

TEST_CASE("hardening: an out-of-range JSON number does not stop an indexing run", "[hardening][fuzz]") {
  TempDir dir;
  write_file(dir / "in.jsonl",
             "{\"id\":\"a\",\"text\":\"lacklustre plot\"}\n{\"id\":\"b\",\"text\":\"x\",\"rating\":1e999}\n"
             "{\"id\":\"c\",\"text\":\"lacklustre acting\"}\n");
  RunResult r = run_revsearch({"index", "--db", dir / "db", dir / "in.jsonl"});
  INFO(r.err);
  CHECK(r.status == 3);
  CHECK(summary_value(r.out, "reviews indexed") == 2);
  CHECK(r.err.find("in.jsonl:2: skipped: invalid JSON") != std::string::npos);
}

TEST_CASE("hardening: query inputs found by fuzzing", "[hardening][fuzz]") {
  // fuzz_query_parser (timeout): a name field whose value is a long vowel
  // run no syllable split fits; the split backtracked exponentially. It
  // parses (to a query matching no actor) at once now.
  const std::string query = std::string("actor:\0\0\0'", 10) + std::string(50, 'e') + "seet";
  analysis::Analyzer analyzer;
  query::ParsedQuery parsed = query::parse_query(query, analyzer, {});
  CHECK(!parsed.query.get_description().empty());
}
