// The benchmark library (issue 7): query files, percentiles, a measured
// run over a real database, and `revsearch bench` end to end.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "revsearch/measure/query_bench.h"
#include "revsearch/measure/query_file.h"
#include "revsearch/measure/report.h"
#include "revsearch/errors.h"
#include "support.h"

using namespace revsearch;
using namespace revsearch::test;

TEST_CASE("bench: query files have sets, comments and field queries", "[bench]") {
  auto queries = measure::parse_query_file("# comment\nacting\n\n@set korean\n영화 배우\n@set field\ntitle:soundtrack\n", "q");
  REQUIRE(queries.size() == 3);
  CHECK(queries[0].set == "default");
  CHECK(queries[0].text == "acting");
  CHECK(queries[1].set == "korean");
  CHECK(queries[1].text == "영화 배우");
  CHECK(queries[1].line == 5);
  CHECK(queries[2].set == "field");
  CHECK(queries[2].text == "title:soundtrack");

  CHECK_THROWS_AS(measure::parse_query_file("# only comments\n", "q"), InputError);
  CHECK_THROWS_WITH(measure::parse_query_file("@set\nx\n", "q"), Catch::Contains("q:1: @set needs a name"));
  CHECK_THROWS_AS(measure::parse_query_file("bad \xff byte\n", "q"), InputError);
}

TEST_CASE("bench: nearest-rank percentiles", "[bench]") {
  std::vector<double> v;
  for (int i = 100; i >= 1; --i) v.push_back(i);
  CHECK(measure::percentile(v, 50) == 50);
  CHECK(measure::percentile(v, 95) == 95);
  CHECK(measure::percentile(v, 99) == 99);
  CHECK(measure::percentile(v, 100) == 100);
  CHECK(measure::percentile({7.0}, 50) == 7.0);
  CHECK(measure::percentile({}, 50) == 0);
}

TEST_CASE("bench: a query run counts every timed execution and reports bad queries", "[bench]") {
  TempDir dir;
  REQUIRE(run_revsearch({"index", "--db", dir / "db", seed_review()}).status == 0);
  auto queries = measure::parse_query_file("@set en\nchemistry\n\"soundtrack #1\"\n@set broken\n(unclosed\n", "q");
  measure::QueryBenchOptions options;
  options.threads = 2;
  options.repeat = 4;
  measure::QueryBenchResult r = measure::run_query_bench(dir / "db", queries, options);
  CHECK(r.overall.runs == 8);  // 2 good queries x 4 rounds
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].find("line 5: (unclosed") == 0);
  CHECK(r.sets.count("en") == 1);
  CHECK(r.sets.count("broken") == 0);
  CHECK(r.overall.hits_per_query >= 1);
  CHECK(r.overall.p50_ms <= r.overall.p99_ms);
  CHECK(r.overall.p99_ms <= r.overall.max_ms);
  CHECK(r.qps > 0);
  std::string md = measure::to_markdown(r);
  CHECK(md.find("| en | 8 |") != std::string::npos);
  CHECK(measure::to_json(r)["overall"]["runs"] == 8);
}

TEST_CASE("bench: the CLI prints JSON for index and query runs", "[bench][e2e]") {
  TempDir dir;
  RunResult index = run_revsearch({"bench", "index", "--json", "--db", dir / "db", seed_review()});
  INFO(index.err);
  REQUIRE(index.status == 0);
  auto j = nlohmann::json::parse(index.out);
  CHECK(j["passages_indexed"] == 20);
  CHECK(j["peak_rss_kb"].get<long>() > 0);
  CHECK(j["index_bytes"].get<long>() > 0);
  write_file(dir / "q.txt", "@set field\ntitle:soundtrack music\n");
  RunResult query = run_revsearch({"bench", "query", "--json", "--db", dir / "db", "--queries", dir / "q.txt",
                                   "--warmup", "0", "--repeat", "2"});
  INFO(query.err);
  REQUIRE(query.status == 0);
  auto q = nlohmann::json::parse(query.out);
  CHECK(q["sets"]["field"]["runs"] == 2);
  CHECK(q["overall"]["hits_per_query"].get<double>() > 0);
  CHECK(run_revsearch({"bench", "query", "--db", dir / "db", "--queries", dir / "missing.txt"}).status == 1);
}
