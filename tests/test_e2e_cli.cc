// Issue 15: the CLI contract polished: global options after the
// subcommand, compact in place.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.h"

namespace revsearch::test {
namespace {

TEST_CASE("cli: --quiet and --verbose are accepted after the subcommand too", "[cli]") {
  TempDir dir;
  RunResult quiet = run_revsearch({"index", "--quiet", "--db", dir / "db", seed_review()});
  INFO(quiet.err);
  CHECK(quiet.status == 0);
  RunResult before = run_revsearch({"--quiet", "search", "--db", dir / "db", "--json", "soundtrack"});
  RunResult after = run_revsearch({"search", "--db", dir / "db", "--json", "--quiet", "soundtrack"});
  CHECK(after.status == 0);
  CHECK(after.out == before.out);
  RunResult verbose = run_revsearch({"stats", "--db", dir / "db", "--verbose"});
  CHECK(verbose.status == 0);
  CHECK(run_revsearch({"stats", "--db", dir / "db", "--bogus"}).status == 2);
}

TEST_CASE("cli: compact without --out replaces the database in place", "[cli]") {
  TempDir dir;
  std::string db = dir / "db";
  REQUIRE(run_revsearch({"index", "--db", db, "--shards", "2", seed_review(), source_path("corpus/nsmc-sample.jsonl")})
              .status == 0);
  RunResult before = run_revsearch({"search", "--db", db, "--json", "--limit", "20", "최고의 영화"});
  REQUIRE(before.status == 0);
  RunResult compact = run_revsearch({"compact", "--db", db});
  INFO(compact.err);
  REQUIRE(compact.status == 0);
  CHECK(compact.out.find("shards merged: 2") != std::string::npos);
  CHECK(!fs::exists(dir / "db.compacting"));
  CHECK(!fs::exists(dir / "db.before-compact"));
  CHECK(!fs::exists(dir / "db/shard-0"));  // one database now
  CHECK(run_revsearch({"check", "--db", db}).status == 0);
  RunResult after = run_revsearch({"search", "--db", db, "--json", "--limit", "20", "최고의 영화"});
  CHECK(nlohmann::json::parse(after.out)["hits"].size() == nlohmann::json::parse(before.out)["hits"].size());
  CHECK(nlohmann::json::parse(after.out)["total_estimate"] == nlohmann::json::parse(before.out)["total_estimate"]);
  // The database still takes new reviews.
  CHECK(run_revsearch({"index", "--db", db, "--replace", seed_review()}).status == 0);
}

}  // namespace
}  // namespace revsearch::test
