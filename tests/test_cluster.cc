// End to end: a cluster of three xapian-tcpsrv shard servers on loopback,
// filled through its stub, answers like one local database of the same
// reviews; a server that is killed or stopped is named within the timeout
// (or left out of a result flagged partial); indexing through the cluster
// survives a server kill and a client kill -9; `index --shard K/N` and
// `cluster split` route reviews exactly as writing through the stub does.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <fstream>
#include <csignal>
#include <thread>
#include <tuple>

#include "cluster_support.h"
#include "server_support.h"

using namespace revsearch::test;
using nlohmann::json;

namespace {

std::vector<std::string> demo_corpus() { return {seed_review(), source_path("corpus/nsmc-sample.jsonl")}; }

RunResult index_into(const std::string& db, std::vector<std::string> extra) {
  std::vector<std::string> args = {"index", "--db", db};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_revsearch(args);
}

json search(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> command = {"search", "--db", db, "--json"};
  command.insert(command.end(), args.begin(), args.end());
  RunResult r = run_revsearch(command);
  INFO(r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

bool close_enough(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({std::fabs(a), std::fabs(b), 1e-300}); }

// Hits of equal rank key (sentiment when sorting by it, then score) are
// ordered by document id, which differs between layouts; such a group must
// hold the same passages (by text: the same text posted twice keeps either
// review), a group of one the same review and passage. A group cut by the
// page end is compared by scores only.
void require_same_hits(const json& local, const json& remote, bool by_sentiment) {
  const json& a = local["hits"];
  const json& b = remote["hits"];
  REQUIRE(a.size() == b.size());
  auto key = [by_sentiment](const json& hit) {
    return std::make_pair(by_sentiment ? hit.value("sentiment", 0.0) : 0.0, hit["score"].get<double>());
  };
  std::size_t start = 0;
  while (start < a.size()) {
    std::size_t end = start + 1;
    while (end < a.size() && close_enough(key(a[end]).first, key(a[start]).first) &&
           close_enough(key(a[end]).second, key(a[start]).second)) {
      ++end;
    }
    std::vector<std::string> texts_a, texts_b;
    for (std::size_t i = start; i < end; ++i) {
      INFO("rank " << i + 1 << ": " << a[i]["review_id"] << " vs " << b[i]["review_id"]);
      CHECK(close_enough(a[i]["score"].get<double>(), b[i]["score"].get<double>()));
      texts_a.push_back(a[i]["text"]);
      texts_b.push_back(b[i]["text"]);
    }
    if (end - start == 1) {
      CHECK(a[start]["review_id"] == b[start]["review_id"]);
      CHECK(a[start]["passage"] == b[start]["passage"]);
      CHECK(a[start]["snippet"] == b[start]["snippet"]);
      // Xapian's collapse count is a lower bound, and the remote backend
      // does not carry it: "+N more passages" is shown from local shards only.
      CHECK(b[start]["collapsed"] <= a[start]["collapsed"]);
      if (a[start].contains("explain")) {
        const json& pa = a[start]["explain"]["terms"];
        const json& pb = b[start]["explain"]["terms"];
        REQUIRE(pa.size() == pb.size());
        for (std::size_t t = 0; t < pa.size(); ++t) {
          CHECK(pa[t]["term"] == pb[t]["term"]);
          CHECK(pa[t]["termfreq"] == pb[t]["termfreq"]);
          CHECK(close_enough(pa[t]["weight"].get<double>(), pb[t]["weight"].get<double>()));
        }
      }
    } else if (end < a.size()) {
      std::sort(texts_a.begin(), texts_a.end());
      std::sort(texts_b.begin(), texts_b.end());
      CHECK(texts_a == texts_b);
    }
    start = end;
  }
}

// The queries every layout must answer alike: people, Korean, English,
// fields, phrases, wildcards, boolean operators, facets, sentiment sort and
// bounds, explain, all passages, paging, spelling.
const std::vector<std::vector<std::string>> kQueries = {
    {"연기"},
    // Words with many continuations, each missing from some shard: these
    // once crashed Xapian 1.4.22 (OP_MAX over shards).
    {"배우 연기"},
    {"연기 감동"},
    {"스토리 연출"},
    {"영화 최고"},
    {"재밌*"},
    {"initials:ㅎㅅㅎ"},
    {"soundtrack"},
    {"lacklustre chemistry"},
    {"\"soundtrack #1\""},
    {"actor:\"Han So-hee\""},
    {"han so hee"},
    {"title:soundtrack"},
    {"rating:9..10 재미"},
    {"sentiment:지루"},
    {"영화 NOT 최고"},
    {"lang:en music"},
    {"--sort", "sentiment", "연기"},
    {"--sort", "-sentiment", "최고"},
    {"--sentiment-min", "0.5", "영화"},
    {"--sentiment-max", "-0.3", "영화"},
    {"--explain", "연기"},
    {"--explain", "soundtrack chemistry"},
    {"--all-passages", "--limit", "20", "soundtrack"},
    {"--offset", "5", "영화"},
    {"--limit", "50", "감동"},
    {"--facets", "lang,sentiment,actor,rating,kind", "영화"},
    {"--facets", "actor,character,title,sentiment", "soundtrack"},
    {"--include-boilerplate", "--facets", "kind,lang", "kind:boilerplate"},
    {"chemistri"},
    {"연긔"},
};

void require_same_answers(const std::string& local_db, const std::string& other_db) {
  for (const std::vector<std::string>& query : kQueries) {
    std::string shown;
    for (const std::string& w : query) shown += w + " ";
    INFO("query: " << shown);
    json local = search(local_db, query);
    json remote = search(other_db, query);
    require_same_hits(local, remote, std::find(query.begin(), query.end(), "--sort") != query.end());
    CHECK(local["facets"] == remote["facets"]);
    CHECK(local["suggestions"] == remote["suggestions"]);
    CHECK(remote["partial"] == false);
  }
}

long passages_of(const std::string& db) {
  RunResult r = run_revsearch({"check", "--db", db});
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto at = r.out.rfind("ok (");
  REQUIRE(at != std::string::npos);
  return std::stol(r.out.substr(at + 4));
}

// Passages per shard from `cluster status --json`.
std::vector<long> shard_passages(const std::string& db) {
  RunResult r = run_revsearch({"cluster", "status", "--json", "--db", db});
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  std::vector<long> out;
  json status = json::parse(r.out);
  for (const json& shard : status["shards"]) out.push_back(shard["passages"]);
  return out;
}

}  // namespace

TEST_CASE("cluster: three xapian-tcpsrv shards filled through the stub answer like one local database", "[cluster]") {
  TempDir dir;
  Cluster cluster(dir.path().string());
  RunResult first = index_into(cluster.stub, demo_corpus());
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(first.out.find("3 shards, 3 remote") != std::string::npos);
  REQUIRE(index_into(dir / "local", demo_corpus()).status == 0);
  CHECK(summary_value(first.out, "passages indexed") == passages_of(dir / "local"));

  // Re-indexing is idempotent: nothing new.
  RunResult again = index_into(cluster.stub, demo_corpus());
  CHECK(again.status == 0);
  CHECK(summary_value(again.out, "reviews indexed") == 0);

  // Every shard holds a share; together exactly the local database.
  std::vector<long> shares = shard_passages(cluster.stub);
  REQUIRE(shares.size() == 3);
  for (long n : shares) CHECK(n > 300);
  CHECK(shares[0] + shares[1] + shares[2] == passages_of(dir / "local"));
  RunResult check = run_revsearch({"cluster", "check", "--db", cluster.stub});
  INFO(check.out << check.err);
  CHECK(check.status == 0);
  CHECK(run_revsearch({"check", "--db", cluster.stub}).status == 0);

  require_same_answers(dir / "local", cluster.stub);

  // Person views (entities) read through the stub too.
  RunResult local_entities = run_revsearch({"entities", "--db", dir / "local", "--json"});
  RunResult remote_entities = run_revsearch({"entities", "--db", cluster.stub, "--json"});
  REQUIRE(remote_entities.status == 0);
  CHECK(json::parse(local_entities.out) == json::parse(remote_entities.out));
}

TEST_CASE("cluster: a killed or stopped shard server is named within --timeout, or left out of a flagged result",
          "[cluster]") {
  TempDir dir;
  Cluster cluster(dir.path().string());
  REQUIRE(index_into(cluster.stub, demo_corpus()).status == 0);
  const std::string killed = cluster.servers[1]->location();
  cluster.servers[1]->kill_now();

  RunResult strict = run_revsearch({"search", "--db", cluster.stub, "--timeout", "2", "영화"});
  CHECK(strict.status == 1);
  CHECK(strict.out.empty());
  CHECK(strict.err.find("shard " + killed) != std::string::npos);

  RunResult partial = run_revsearch({"search", "--db", cluster.stub, "--allow-partial", "--json", "영화"});
  INFO(partial.err);
  REQUIRE(partial.status == 0);
  json result = json::parse(partial.out);
  CHECK(result["partial"] == true);
  REQUIRE(result["missing_shards"].size() == 1);
  CHECK(result["missing_shards"][0]["shard"] == killed);
  CHECK(!result["hits"].empty());
  RunResult text = run_revsearch({"search", "--db", cluster.stub, "--allow-partial", "영화"});
  CHECK(text.out.find("Partial results: shard " + killed + " is missing") != std::string::npos);

  RunResult status = run_revsearch({"cluster", "status", "--db", cluster.stub, "--timeout", "2"});
  CHECK(status.status == 1);
  CHECK(status.out.find(killed + ": DOWN") != std::string::npos);
  CHECK(run_revsearch({"check", "--db", cluster.stub, "--timeout", "2"}).status == 1);

  // Restarted, it answers again with everything.
  cluster.servers[1]->restart();
  json whole = search(cluster.stub, {"영화"});
  CHECK(whole["partial"] == false);

  // A stopped (hung) server: an error naming it after the timeout, not a hang.
  const std::string stopped = cluster.servers[2]->location();
  cluster.servers[2]->pause();
  auto started = std::chrono::steady_clock::now();
  RunResult slow = run_revsearch({"search", "--db", cluster.stub, "--timeout", "1", "영화"});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(slow.status == 1);
  CHECK(slow.err.find("shard " + stopped) != std::string::npos);
  CHECK(seconds < 30);  // a hang would be caught by ctest's timeout; this names the bound
  RunResult slow_partial =
      run_revsearch({"search", "--db", cluster.stub, "--timeout", "1", "--allow-partial", "--json", "영화"});
  REQUIRE(slow_partial.status == 0);
  CHECK(json::parse(slow_partial.out)["missing_shards"][0]["shard"] == stopped);
  cluster.servers[2]->resume();
}

TEST_CASE("cluster: indexing survives a shard server kill and a client kill -9, the re-run gives exact counts",
          "[cluster]") {
  TempDir dir;
  const std::string input = dir / "nsmc.jsonl";
  // Smaller in the sanitized build (about 3x slower): still 6 commits.
  write_nsmc_slice(input, kSanitizedBuild ? 12000 : 30000);
  // The reference: the same reviews in a local 3-shard layout (same routing).
  REQUIRE(index_into(dir / "reference", {"--shards", "3", input}).status == 0);
  std::vector<long> expected = shard_passages(dir / "reference");

  Cluster cluster(dir / "cluster");
  const std::vector<std::string> args = {"index", "--db", cluster.stub, "--commit-every", "2000", input};
  // A client killed -9 part way.
  {
    Child client(args);
    for (int i = 0; i < 600 && client.err_so_far().find("reviews read") == std::string::npos && !client.exited(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    client.kill_now(SIGKILL);
    client.wait();
  }
  // A shard server killed part way through the next run: an error naming it.
  {
    Child client(args);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const std::string killed = cluster.servers[2]->location();
    cluster.servers[2]->kill_now();
    ChildResult r = client.wait();
    INFO(r.err);
    if (r.status != 0) {  // (unless the run finished first)
      CHECK(r.status == 1);
      CHECK(r.err.find("shard " + killed) != std::string::npos);
    }
    cluster.servers[2]->restart();
  }
  RunResult rerun = run_revsearch(args);
  INFO(rerun.err);
  REQUIRE(rerun.status == 0);
  CHECK(shard_passages(cluster.stub) == expected);
  RunResult again = run_revsearch(args);
  CHECK(summary_value(again.out, "reviews indexed") == 0);
  CHECK(shard_passages(cluster.stub) == expected);
}

// Servers commit on their own every XAPIAN_FLUSH_THRESHOLD changes, long
// before the client's first commit (default: every 20,000 passages). A
// client stopped in between, by SIGKILL or SIGTERM, leaves shards that are
// searched and resumed like a local database.
TEST_CASE("cluster: a client stopped between the servers' own flushes and its first commit resumes exactly",
          "[cluster]") {
  TempDir dir;
  const std::string input = dir / "nsmc.jsonl";
  write_nsmc_slice(input, kSanitizedBuild ? 4000 : 8000);
  REQUIRE(index_into(dir / "reference", {"--shards", "2", input}).status == 0);
  const std::vector<long> expected = shard_passages(dir / "reference");
  const json want = search(dir / "reference", {"--limit", "10000", "배우 연기"});

  Cluster cluster(dir / "cluster", 2, {"XAPIAN_FLUSH_THRESHOLD=400"});
  const std::vector<std::string> args = {"index", "--db", cluster.stub, input};
  auto committed = [&] {
    try {
      return Xapian::Database(cluster.stub).get_doccount();
    } catch (const Xapian::Error&) {
      return Xapian::doccount{0};
    }
  };
  for (int stop : {SIGKILL, SIGTERM}) {
    const Xapian::doccount before = committed();
    Child client(args);
    // Until a server's own flush shows more passages through the stub.
    bool flushed = false;
    for (int i = 0; i < 2000 && !flushed && !client.exited(); ++i) {
      flushed = committed() > before;
      if (!flushed) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    client.kill_now(stop);
    ChildResult r = client.wait();
    INFO("stop " << stop << ": status " << r.status << ", stderr: " << r.err);
    if (stop == SIGTERM && r.status != 0) CHECK(r.status == 143);
    // Searchable as it is (no "older revsearch" refusal), and resumable.
    search(cluster.stub, {"영화"});
  }
  RunResult rerun = run_revsearch(args);
  INFO(rerun.err);
  REQUIRE(rerun.status == 0);
  CHECK(shard_passages(cluster.stub) == expected);
  json got = search(cluster.stub, {"--limit", "10000", "배우 연기"});
  auto hits = [](const json& result) {
    std::vector<std::tuple<std::string, long, double>> out;
    for (const json& hit : result["hits"]) {
      out.emplace_back(hit["review_id"], hit["passage"], std::round(hit["score"].get<double>() * 1e6));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(hits(got) == hits(want));
}

// Equal scores come in review id, then passage order: a local database and
// three xapian-tcpsrv shards of the same reviews give the same first 50
// hits in the same order, for the two-word Korean queries and for queries
// with many equal scores.
TEST_CASE("cluster: remote shards rank exactly like one local database, ties included", "[cluster]") {
  TempDir dir;
  const std::string input = dir / "nsmc.jsonl";
  write_nsmc_slice(input, kSanitizedBuild ? 3000 : 6000);
  RunResult local = index_into(dir / "local", {input});
  REQUIRE((local.status == 0 || local.status == 3));
  Cluster cluster(dir / "cluster");
  RunResult remote = index_into(cluster.stub, {input});
  REQUIRE((remote.status == 0 || remote.status == 3));
  std::vector<std::string> queries;
  std::ifstream pairs(shared_data("queries/korean-pairs.tsv"));
  for (std::string line; std::getline(pairs, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line.substr(0, line.find('\t')));
  }
  REQUIRE(queries.size() >= 16);
  queries.insert(queries.end(), {"sentiment:negative 지루", "rating:10"});
  for (const std::string& query : queries) {
    INFO("query: " << query);
    json a = search(dir / "local", {"--limit", "50", query});
    json b = search(cluster.stub, {"--limit", "50", query});
    REQUIRE(a["hits"].size() == b["hits"].size());
    for (std::size_t i = 0; i < a["hits"].size(); ++i) {
      INFO("hit " << i + 1);
      CHECK(a["hits"][i]["review_id"] == b["hits"][i]["review_id"]);
      CHECK(a["hits"][i]["passage"] == b["hits"][i]["passage"]);
      CHECK(close_enough(a["hits"][i]["score"].get<double>(), b["hits"][i]["score"].get<double>()));
    }
  }
}

// A user's synonyms, stored after indexing: every search sees them at once,
// in one database, through a running server and through remote shards,
// and no longer once removed; a bad file changes nothing.
TEST_CASE("cluster: synonyms added to an indexed database apply at once, locally, through serve and remote shards",
          "[cluster][variants]") {
  TempDir dir;
  write_file(dir / "reviews.jsonl",
             "{\"id\":\"s1\",\"text\":\"떡밥 회수가 전혀 안된다\"}\n"
             "{\"id\":\"s2\",\"text\":\"복선이 치밀하게 깔려 있다\"}\n"
             "{\"id\":\"s3\",\"text\":\"그냥 평범한 영화\"}\n");
  write_file(dir / "synonyms.txt", "# ours\n떡밥, 복선\n");
  write_file(dir / "bad.txt", "떡밥, 복선\n반전 => 트위스트 => 충격\n");
  auto found = [](const json& result) {
    std::set<std::string> ids;
    for (const json& hit : result["hits"]) ids.insert(hit["review_id"].get<std::string>());
    return ids;
  };
  const std::set<std::string> both = {"s1", "s2"}, one = {"s1"};

  const std::string local = dir / "local";
  REQUIRE(index_into(local, {dir / "reviews.jsonl"}).status == 0);
  ServerProcess server(local);
  auto served = [&] { return json::parse(http_get(server.port(), "/search?q=" + url_encode("떡밥")).body); };
  // A running server sees another writer's commit within a second.
  auto served_soon = [&](const std::set<std::string>& want) {
    for (int i = 0; i < 40 && found(served()) != want; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return found(served());
  };
  CHECK(found(search(local, {"떡밥"})) == one);
  CHECK(found(served()) == one);
  RunResult stored = run_revsearch({"synonyms", "--db", local, dir / "synonyms.txt"});
  INFO(stored.err);
  REQUIRE(stored.status == 0);
  CHECK(found(search(local, {"떡밥"})) == both);
  CHECK(served_soon(both) == both);  // the running server, without a restart
  RunResult bad = run_revsearch({"synonyms", "--db", local, dir / "bad.txt"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("bad.txt:2: more than one '=>'") != std::string::npos);
  CHECK(found(search(local, {"떡밥"})) == both);  // the previous table stays
  CHECK(run_revsearch({"synonyms", "--db", local, "--list"}).out.find("떡밥, 복선") != std::string::npos);
  REQUIRE(run_revsearch({"synonyms", "--db", local, "--clear"}).status == 0);
  CHECK(found(search(local, {"떡밥"})) == one);
  CHECK(served_soon(one) == one);

  Cluster cluster(dir / "cluster", 2);
  REQUIRE(index_into(cluster.stub, {dir / "reviews.jsonl"}).status == 0);
  CHECK(found(search(cluster.stub, {"떡밥"})) == one);
  REQUIRE(run_revsearch({"synonyms", "--db", cluster.stub, dir / "synonyms.txt"}).status == 0);
  CHECK(found(search(cluster.stub, {"떡밥"})) == both);
  REQUIRE(run_revsearch({"synonyms", "--db", cluster.stub, "--clear"}).status == 0);
  CHECK(found(search(cluster.stub, {"떡밥"})) == one);
}

TEST_CASE("cluster: index --shard K/N on each machine and cluster split route reviews like the stub", "[cluster]") {
  TempDir dir;
  REQUIRE(index_into(dir / "local", demo_corpus()).status == 0);
  REQUIRE(index_into(dir / "sharded", {"--shards", "3", seed_review(), source_path("corpus/nsmc-sample.jsonl")}).status == 0);
  std::vector<long> expected = shard_passages(dir / "sharded");

  // Each "machine" indexes its own shard from the same input.
  // (Served by xapian-tcpsrv as on the machines: a stub of local folders
  // meets a crash of Xapian 1.4.22's OP_MAX over a local multi-database.)
  std::vector<std::string> stub_args = {"cluster", "stub", "--out", dir / "machines.stub"};
  std::vector<std::unique_ptr<ShardServer>> servers;
  for (int k = 0; k < 3; ++k) {
    std::string folder = dir / ("machine-" + std::to_string(k));
    std::vector<std::string> args = {"--shard", std::to_string(k) + "/3"};
    for (const std::string& input : demo_corpus()) args.push_back(input);
    RunResult r = index_into(folder, args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(summary_value(r.out, "reviews for other shards") > 1000);
    RunResult again = index_into(folder, args);  // idempotent
    CHECK(summary_value(again.out, "reviews indexed") == 0);
    servers.push_back(std::make_unique<ShardServer>(folder));
    stub_args.push_back(servers.back()->location());
  }
  REQUIRE(run_revsearch(stub_args).status == 0);
  CHECK(shard_passages(dir / "machines.stub") == expected);
  require_same_answers(dir / "local", dir / "machines.stub");
  CHECK(run_revsearch({"index", "--db", dir / "x", "--shard", "3/3", seed_review()}).status == 2);

  // A local database split for moving to machines.
  RunResult split = run_revsearch({"cluster", "split", "--db", dir / "local", "--out", dir / "split", "--shards", "3"});
  INFO(split.err);
  REQUIRE(split.status == 0);
  CHECK(shard_passages(dir / "split") == expected);
  std::vector<std::string> split_stub = {"cluster", "stub", "--out", dir / "split.stub"};
  for (int k = 0; k < 3; ++k) {
    servers.push_back(std::make_unique<ShardServer>(dir / ("split/shard-" + std::to_string(k))));
    split_stub.push_back(servers.back()->location());
  }
  REQUIRE(run_revsearch(split_stub).status == 0);
  require_same_answers(dir / "local", dir / "split.stub");

  // Shards indexed for their machines keep word positions, so xapian-tcpsrv
  // matches phrases exactly; a split local database has none, which a
  // phrase search over it says.
  auto says_positions_missing = [](const json& result) {
    for (const auto& notice : result["notices"]) {
      if (notice.get<std::string>().find("without --positions") != std::string::npos) return true;
    }
    return false;
  };
  CHECK_FALSE(says_positions_missing(search(dir / "machines.stub", {"\"soundtrack #1\""})));
  CHECK(says_positions_missing(search(dir / "split.stub", {"\"soundtrack #1\""})));
  CHECK_FALSE(says_positions_missing(search(dir / "split.stub", {"soundtrack"})));
}

TEST_CASE("cluster: revsearch serve over the stub answers like search --json", "[cluster]") {
  TempDir dir;
  Cluster cluster(dir.path().string());
  REQUIRE(index_into(cluster.stub, demo_corpus()).status == 0);
  ServerProcess server(cluster.stub);
  for (const char* query : {"연기", "soundtrack"}) {
    INFO(query);
    HttpReply reply = http_get(server.port(), "/search?q=" + url_encode(query) + "&facets=lang,actor,sentiment");
    REQUIRE(reply.status == 200);
    json cli = search(cluster.stub, {"--facets", "lang,actor,sentiment", query});
    json served = reply.json();
    CHECK(served["hits"] == cli["hits"]);
    CHECK(served["facets"] == cli["facets"]);
  }
  HttpReply entities = http_get(server.port(), "/entities");
  CHECK(entities.status == 200);
}
