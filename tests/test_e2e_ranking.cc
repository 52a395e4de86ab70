// Ranking, end to end: every word of a query counts once, the explain adds
// up, and equal scores come in one order in every layout of the same
// reviews (one database, --shards 3, a compacted copy; remote shards are
// in test_cluster.cc).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "child_process.h"
#include "e2e_support.h"
#include "revsearch/query/searcher.h"

using namespace revsearch::test;
using nlohmann::json;

namespace {

constexpr std::size_t kSliceLines = kSanitizedBuild ? 3000 : 10000;

// The first words of each line of a query file (`word<TAB>...`, `#`
// comments), or every line of queries.txt (`@set` lines left out).
std::vector<std::string> queries_in(const std::string& path, bool first_column) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line[0] == '@') continue;
    if (first_column) {
      std::size_t tab = line.find('\t');
      out.push_back(line.substr(0, tab));
    } else {
      out.push_back(line);
    }
  }
  return out;
}

// The query column of a `id<TAB>set<TAB>query<TAB>judgements` file.
std::vector<std::string> judged_queries(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> columns;
    std::size_t from = 0;
    for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1) {
      columns.push_back(line.substr(from, tab - from));
    }
    columns.push_back(line.substr(from));
    if (columns.size() >= 3) out.push_back(columns[columns.size() == 3 ? 1 : 2]);
  }
  return out;
}

const std::string& ranking_database() {
  static TempDir dir;
  static std::string db = [] {
    std::string input = dir / "nsmc.jsonl";
    write_nsmc_slice(input, kSliceLines);
    return shared_database("ranking", {seed_review(), source_path("corpus/nsmc-sample.jsonl"), input});
  }();
  return db;
}

std::vector<std::string> pair_queries() { return queries_in(shared_data("queries/korean-pairs.tsv"), true); }

// (review id, passage, score) of the first `limit` hits from `offset`.
using Ranking = std::vector<std::tuple<std::string, long, double>>;
Ranking ranking(const std::string& db, const std::string& query, int limit, int offset = 0) {
  json result = revsearch::test::search_json(
      db, std::vector<std::string>{"--limit", std::to_string(limit), "--offset", std::to_string(offset), query});
  Ranking out;
  for (const json& hit : result["hits"]) out.emplace_back(hit["review_id"], hit["passage"], hit["score"]);
  return out;
}

void require_same_ranking(const Ranking& a, const Ranking& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("hit " << i + 1);
    CHECK(std::get<0>(a[i]) == std::get<0>(b[i]));
    CHECK(std::get<1>(a[i]) == std::get<1>(b[i]));
    CHECK(std::get<2>(a[i]) == Approx(std::get<2>(b[i])).epsilon(1e-12));
  }
}

}  // namespace

TEST_CASE("e2e ranking: on every committed query set, each top-10 hit's explain parts add up to its score",
          "[e2e][ranking]") {
  const std::string& db = ranking_database();
  std::vector<std::string> queries = pair_queries();
  for (const auto& set : {queries_in(shared_data("queries/korean-predicates.tsv"), true),
                          queries_in(shared_data("queries/korean-variants.tsv"), true),
                          queries_in(source_path("benchmarks/queries/queries.txt"), false),
                          judged_queries(source_path("benchmarks/queries/judged-seed.tsv")),
                          judged_queries(source_path("benchmarks/queries/known-items.tsv"))}) {
    queries.insert(queries.end(), set.begin(), set.end());
  }
  REQUIRE(queries.size() > 60);
  revsearch::query::Searcher searcher(db);
  revsearch::query::SearchOptions options;
  options.explain = true;
  std::size_t hits = 0, found_parts = 0;
  for (const std::string& query : queries) {
    INFO("query: " << query);
    revsearch::query::SearchResult result = searcher.search(query, options);
    for (const revsearch::query::Hit& hit : result.hits) {
      double sum = 0;
      for (const auto& part : hit.explanation) {
        sum += part.weight;
        found_parts += part.field == "words found";
      }
      INFO("hit " << hit.rank << " (" << hit.review_id << " #" << hit.passage << ")");
      CHECK(std::fabs(sum - hit.score) <= 1e-9);
      ++hits;
    }
  }
  CHECK(hits > 500);
  CHECK(found_parts > 100);  // the two-word queries count their words
}

TEST_CASE("e2e ranking: a passage with every word of the query ranks above one with a word in many forms, "
          "and with the words together above them apart",
          "[e2e][ranking]") {
  const std::string& db = ranking_database();
  std::size_t together = 0;
  for (const std::string& query : pair_queries()) {
    INFO("query: " << query);
    json result = revsearch::test::search_json(db, std::vector<std::string>{"--explain", "--limit", "10", query});
    // Hits in order of the number of query words they hold (in the passage,
    // and for a review of several passages, in the review): no BM25 weight
    // or review evidence outweighs a word found.
    std::size_t previous = 1000;
    for (const json& hit : result["hits"]) {
      std::size_t found = 0, stand = 0;
      for (const json& part : hit["explain"]["terms"]) {
        if (part.contains("word") && part.value("matched", "") != "" && part["field"] == "body") ++found;
        if (part["field"] == "review words found") found += part["wdf"].get<std::size_t>();
        if (part["field"] == "words together") stand = 1;
      }
      together += stand;
      CHECK(2 * found + stand <= previous);
      previous = 2 * found + stand;
    }
  }
  CHECK(together >= 40);  // most pairs have passages that write the words together
}

TEST_CASE("e2e ranking: one database, --shards 3 and a compacted copy give the same first 50 hits in the same "
          "order, and pages stitch",
          "[e2e][ranking]") {
  TempDir dir;
  const std::string input = dir / "nsmc.jsonl";
  write_nsmc_slice(input, kSliceLines / 2);
  const std::string one = dir / "one", sharded = dir / "sharded", compacted = dir / "compacted";
  for (const auto& [db, extra] : {std::pair{one, std::vector<std::string>{}},
                                  std::pair{sharded, std::vector<std::string>{"--shards", "3"}}}) {
    std::vector<std::string> args{"index", "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(input);
    RunResult r = run_revsearch(args);
    INFO(r.err);
    REQUIRE((r.status == 0 || r.status == 3));
  }
  REQUIRE(run_revsearch({"compact", "--db", one, "--out", compacted}).status == 0);
  std::vector<std::string> queries = pair_queries();
  queries.insert(queries.end(), {"sentiment:negative 지루", "rating:10", "영화"});
  for (const std::string& query : queries) {
    INFO("query: " << query);
    Ranking want = ranking(one, query, 50);
    require_same_ranking(ranking(sharded, query, 50), want);
    require_same_ranking(ranking(compacted, query, 50), want);
  }
  // Pages of ten, one after the other, are the page of fifty.
  for (const std::string& query : {std::string("rating:10"), std::string("최고의 영화")}) {
    INFO("query: " << query);
    Ranking want = ranking(sharded, query, 50), pages;
    for (int offset = 0; offset < 50; offset += 10) {
      Ranking page = ranking(sharded, query, 10, offset);
      pages.insert(pages.end(), page.begin(), page.end());
    }
    require_same_ranking(pages, want);
  }
}
