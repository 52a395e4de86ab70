// Hardening (issue 9): searches keep answering, with consistent results,
// while a bulk index commits into the same database in the background.
#include <catch2/catch.hpp>

#include <set>

#include "child_process.h"
#include "revsearch/query/searcher.h"
#include "revsearch/query/stats.h"

using namespace revsearch;
using namespace revsearch::test;

namespace {

// (review, passage) of each hit, in rank order.
std::vector<std::string> hit_keys(const query::SearchResult& result) {
  std::vector<std::string> keys;
  for (const query::Hit& hit : result.hits) keys.push_back(hit.review_id + "#" + std::to_string(hit.passage));
  return keys;
}

}  // namespace

TEST_CASE("hardening: readers search consistently while a bulk index commits", "[hardening][concurrent]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_revsearch({"index", "--db", db, seed_review()}).status == 0);
  const std::string input = dir / "nsmc-slice.jsonl";
  write_nsmc_slice(input, 20000);

  // The seed review's English passages: the Korean bulk load adds none, so
  // this query must return exactly the same hits throughout.
  query::SearchOptions options;
  options.all_passages = true;
  options.suggest = false;
  const std::string stable_query = "lacklustre OR chemistry";
  const std::vector<std::string> expected = hit_keys(query::Searcher(db).search(stable_query, options));
  REQUIRE(!expected.empty());

  query::Searcher long_lived(db);  // sees commits through reopen on DatabaseModifiedError
  Child writer({"--quiet", "index", "--commit-every", "500", "--db", db, input});
  std::size_t searches = 0;
  std::set<Xapian::doccount> sizes_seen;
  Xapian::doccount last_size = 0;
  while (!writer.exited()) {
    // A long-lived reader and a fresh one, as a server and the CLI would be.
    CHECK(hit_keys(long_lived.search(stable_query, options)) == expected);
    query::Searcher fresh(db);
    CHECK(hit_keys(fresh.search(stable_query, options)) == expected);
    query::SearchResult korean = fresh.search("영화", options);
    for (const query::Hit& hit : korean.hits) CHECK(!hit.text.empty());
    Xapian::doccount size = static_cast<Xapian::doccount>(query::database_stats(db).passages);
    CHECK(size >= last_size);  // commits only ever add
    last_size = size;
    sizes_seen.insert(size);
    searches += 4;
  }
  ChildResult result = writer.wait();
  INFO("writer stderr: " << result.err);
  REQUIRE(result.status == 0);
  CHECK(hit_keys(query::Searcher(db).search(stable_query, options)) == expected);
  // Proof that reading overlapped writing: several commits were seen mid-run.
  CHECK(sizes_seen.size() >= 3);
  WARN("concurrent readers: " << searches << " searches during the bulk index, " << sizes_seen.size()
                              << " database sizes seen");
}
