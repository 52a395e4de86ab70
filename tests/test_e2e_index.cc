// End to end: the real binary indexes the seed review and the demo corpus.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace revsearch::test;

TEST_CASE("e2e: the seed review's repeated body is collapsed", "[e2e]") {
  TempDir dir;
  RunResult r = run_revsearch({"index", "--db", dir / "db", seed_review()});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(summary_value(r.out, "reviews read") == 1);
  CHECK(summary_value(r.out, "passages indexed") == 20);
  CHECK(summary_value(r.out, "duplicates collapsed") == 18);
  CHECK(summary_value(r.out, "boilerplate passages") == 1);
  CHECK(summary_value(r.out, "records skipped") == 0);
  CHECK(r.out.find("docs/s") != std::string::npos);

  RunResult stats = run_revsearch({"stats", "--db", dir / "db", "--json"});
  REQUIRE(stats.status == 0);
  auto s = nlohmann::json::parse(stats.out);
  CHECK(s["reviews"] == 1);
  CHECK(s["passages"] == 20);
  CHECK(s["languages"]["en"] == 19);
  CHECK(s["languages"]["ro"] == 1);
  CHECK(s["size_bytes"].get<long>() > 0);
  CHECK(s["terms"].get<long>() > 500);
}

TEST_CASE("e2e: re-indexing the same input does not change counts", "[e2e]") {
  TempDir dir;
  std::vector<std::string> args = {"index", "--db", dir / "db", seed_review(), source_path("corpus/nsmc-sample.jsonl")};
  RunResult first = run_revsearch(args);
  REQUIRE(first.status == 0);
  RunResult stats1 = run_revsearch({"stats", "--db", dir / "db", "--json"});
  RunResult second = run_revsearch(args);
  REQUIRE(second.status == 0);
  RunResult stats2 = run_revsearch({"stats", "--db", dir / "db", "--json"});
  auto a = nlohmann::json::parse(stats1.out), b = nlohmann::json::parse(stats2.out);
  CHECK(a["passages"] == b["passages"]);
  CHECK(a["reviews"] == b["reviews"]);
  CHECK(a["terms"] == b["terms"]);
  CHECK(a["reviews"] == 1 + 3563);
}

TEST_CASE("e2e: a shrunken review loses its stale passages on re-index", "[e2e]") {
  TempDir dir;
  write_file(dir / "in/r.txt", "First paragraph about acting.\n\nSecond paragraph about music.\n\nThird about pacing.\n");
  REQUIRE(run_revsearch({"index", "--db", dir / "db", dir / "in"}).status == 0);
  write_file(dir / "in/r.txt", "First paragraph about acting.\n");
  RunResult r = run_revsearch({"index", "--db", dir / "db", dir / "in"});
  REQUIRE(r.status == 0);
  CHECK(summary_value(r.out, "stale passages removed") == 2);
  auto s = nlohmann::json::parse(run_revsearch({"stats", "--db", dir / "db", "--json"}).out);
  CHECK(s["passages"] == 1);
  RunResult q = run_revsearch({"search", "--db", dir / "db", "--json", "music"});
  CHECK(nlohmann::json::parse(q.out)["hits"].empty());
}

TEST_CASE("e2e: folders are indexed recursively with ids from relative paths", "[e2e]") {
  TempDir dir;
  write_file(dir / "in/a/one.txt", "A review about the lacklustre plot.\n");
  write_file(dir / "in/b/two.jsonl", "{\"id\": \"x1\", \"text\": \"two\"}\n");
  write_file(dir / "in/notes.md", "ignored: not a review format\n");
  RunResult r = run_revsearch({"index", "--db", dir / "db", dir / "in"});
  REQUIRE(r.status == 0);
  CHECK(summary_value(r.out, "files") == 2);
  CHECK(summary_value(r.out, "reviews indexed") == 2);
  auto hits = nlohmann::json::parse(run_revsearch({"search", "--db", dir / "db", "--json", "lacklustre"}).out)["hits"];
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["review_id"] == "a/one");
}
