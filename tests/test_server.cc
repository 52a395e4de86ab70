// Issue 15: `revsearch serve` over real HTTP, the real binary on an
// ephemeral loopback port: the JSON API equals the CLI's --json, bad
// requests get the right status and a JSON error (never a crash), reviews
// posted with the admin token are found by the next search, stalled
// clients are cut off without blocking searches.
#include <sys/stat.h>

#include "e2e_support.h"
#include "server_support.h"

namespace revsearch::test {
namespace {

const std::string& demo_db() { return shared_database("serve-demo", {source_path("corpus")}); }

// Runs `search --json` with CLI options and GET /search with the same
// options as parameters; the two JSON documents must be equal.
struct SameAsCli {
  std::string q;
  std::vector<std::pair<std::string, std::string>> params;  // HTTP name, value ("" for a flag)
};

std::string cli_option(const std::string& name) {
  std::string out = "--" + name;
  for (char& c : out) c = c == '_' ? '-' : c;
  return out;
}

TEST_CASE("serve: GET /search returns exactly what search --json prints", "[serve]") {
  ServerProcess server(demo_db(), {"--threads", "2"});
  const std::vector<SameAsCli> cases = {
      {R"(actor:"Han So-hee")", {}},
      {R"(actor:"Han So-hee" sentiment:negative)", {{"limit", "3"}}},
      {"최고의 영화", {}},
      {"친구에서", {{"facets", "actor,title,sentiment,lang,rating"}}},
      {"soundtrack", {{"facets", "actor,character,title"}, {"all_passages", ""}}},
      {"영화", {{"limit", "5"}, {"offset", "5"}}},
      {"영화", {{"limit", "5"}, {"offset", "10"}, {"sort", "-sentiment"}}},
      {"재미", {{"sentiment_min", "0.5"}, {"sentiment_max", "1"}, {"sort", "sentiment"}}},
      {"lacklustre", {{"explain", ""}}},
      {"재미잇다", {}},  // did you mean
      {"zzqqxx", {}},    // no hits
  };
  for (const SameAsCli& c : cases) {
    std::vector<std::string> args;
    std::string target = "/search?q=" + url_encode(c.q);
    for (const auto& [name, value] : c.params) {
      if (name == "sort") {
        args.push_back("--sort=" + value);
      } else {
        args.push_back(cli_option(name));
        if (!value.empty()) args.push_back(value);
      }
      target += "&" + name + (value.empty() ? "" : "=" + url_encode(value));
    }
    args.push_back(c.q);
    INFO(target);
    nlohmann::json cli = search_json(demo_db(), args);
    HttpReply reply = http_get(server.port(), target);
    REQUIRE(reply.status == 200);
    CHECK(reply.headers.find("Content-Type: application/json") != std::string::npos);
    CHECK(reply.json() == cli);
  }
  // The cases are not vacuous: hits, facets and a suggestion occur.
  CHECK(http_get(server.port(), "/search?q=" + url_encode(R"(actor:"Han So-hee")")).json()["hits"].size() > 0);
  CHECK(http_get(server.port(), "/search?q=" + url_encode("재미잇다")).json()["suggestions"].size() == 1);
}

TEST_CASE("serve: the other routes answer JSON like their commands", "[serve]") {
  ServerProcess server(demo_db(), {"--threads", "1"});
  auto cli = [](std::vector<std::string> args) {
    RunResult r = run_revsearch(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out);
  };
  CHECK(http_get(server.port(), "/stats").json() == cli({"stats", "--db", demo_db(), "--json"}));
  CHECK(http_get(server.port(), "/entities?kind=actor,character&limit=5").json() ==
        cli({"entities", "--db", demo_db(), "--kind", "actor,character", "--limit", "5", "--json"}));
  CHECK(http_get(server.port(), "/analyze?text=" + url_encode("친구에서 Soundtrack#1")).json() ==
        cli({"analyze", "--json", "친구에서 Soundtrack#1"}));
  CHECK(http_get(server.port(), "/sentiment?text=" + url_encode("진짜 최고의 영화") + "&lang=ko").json() ==
        cli({"sentiment", "--json", "--lang", "ko", "진짜 최고의 영화"}));
  CHECK(http_get(server.port(), "/health").json()["status"] == "ok");
  HttpReply page = http_get(server.port(), "/?q=" + url_encode(R"(actor:"Han So-hee")"));
  CHECK(page.status == 200);
  CHECK(page.headers.find("text/html; charset=utf-8") != std::string::npos);
  CHECK(page.body.find("revsearch") != std::string::npos);
}

TEST_CASE("serve: bad requests get their status and a JSON error, logged once each", "[serve]") {
  ServerProcess server(demo_db(), {"--threads", "2", "--max-body-bytes", "1000"});
  struct Bad {
    std::string method, target, body;
    int status;
    std::string error;  // part of the message
  };
  const std::string big_query(100 * 1024, 'a');
  const std::vector<Bad> cases = {
      {"GET", "/search?q=%FF%FEabc", "", 400, "not valid UTF-8"},
      {"GET", "/search?q=ok&colour=red", "", 400, "unknown parameter 'colour'"},
      {"GET", "/search?q=" + big_query, "", 414, ""},
      {"GET", "/search?q=a&limit=0", "", 400, "'limit'"},
      {"GET", "/search?q=a&limit=10001", "", 400, "'limit'"},
      {"GET", "/search?q=a&limit=ten", "", 400, "'limit'"},
      {"GET", "/search?q=a&offset=-1", "", 400, "'offset'"},
      {"GET", "/search?q=a&sentiment_min=2", "", 400, "'sentiment_min'"},
      {"GET", "/search?q=a&sort=rating", "", 400, "'sort'"},
      {"GET", "/search?q=a&facets=colour", "", 400, "unknown facet"},
      {"GET", "/search?q=a&limit=1&limit=2", "", 400, "given twice"},
      {"GET", "/search", "", 400, "missing parameter 'q'"},
      {"GET", "/search?q=" + url_encode("(lacklustre"), "", 400, "query syntax error at column 1"},
      {"GET", "/search?q=" + url_encode("rating:10..7"), "", 400, "is empty"},
      {"GET", "/search?q=" + url_encode("title:\"\""), "", 400, ""},
      {"GET", "/analyze?text=%C0%80", "", 400, "not valid UTF-8"},
      {"GET", "/sentiment?text=good&lang=fr", "", 400, "'lang'"},
      {"GET", "/entities?kind=producer", "", 400, "'kind'"},
      {"GET", "/entities?script=cyrillic", "", 400, "'script'"},
      {"GET", "/nowhere", "", 404, "no such route"},
      {"GET", "/%FF%FE", "", 404, "no such route"},
      {"POST", "/search?q=a", "x", 405, "not allowed"},
      {"DELETE", "/reviews", "", 405, "not allowed"},
      {"POST", "/reviews", R"({"id":"x","text":"y"})", 401, "admin-token-file"},
      {"POST", "/reviews", std::string(5000, 'x'), 413, ""},
  };
  for (const Bad& b : cases) {
    INFO(b.method << " " << b.target.substr(0, 100));
    HttpReply reply = http(server.port(), b.method, b.target, b.body);
    CHECK(reply.status == b.status);
    CHECK(reply.headers.find("Content-Type: application/json") != std::string::npos);
    nlohmann::json error = nlohmann::json::parse(reply.body, nullptr, false);
    REQUIRE(error.is_object());
    REQUIRE(error.contains("error"));
    CHECK(error.contains("column"));
    CHECK(error["error"].get<std::string>().find(b.error) != std::string::npos);
  }
  CHECK(http_get(server.port(), "/search?q=" + url_encode("(lacklustre")).json()["column"] == 1);
  CHECK(http(server.port(), "POST", "/search?q=a", "x").headers.find("Allow: GET, HEAD") != std::string::npos);
  // Garbage instead of HTTP: refused, and the server carries on.
  {
    Connection c(server.port());
    c.send_all(std::string("\x00\xff garbage\r\n\r\n", 14));
    CHECK(parse_reply(c.read_all()).status == 400);
  }
  CHECK(http_get(server.port(), "/health").status == 200);
  // One stderr line per refused request, naming it.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::string err = server.err();
  std::size_t refused = 0;
  for (const std::string& line : lines_of(err)) refused += line.find("refused ") != std::string::npos;
  CHECK(refused == cases.size() + 2 + 1);
  CHECK(err.find("refused 400 GET /search?q=ok&colour=red") != std::string::npos);
  CHECK(err.find("refused 404 GET /nowhere") != std::string::npos);
  ChildResult end = server.stop();
  CHECK(end.status == 0);
  CHECK(end.signal == 0);
}

TEST_CASE("serve: POST /reviews with the admin token adds searchable reviews", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  REQUIRE(run_revsearch({"index", "--db", db, seed_review()}).status == 0);
  std::string token_file = dir / "token";
  write_file(token_file, "s3cret-token-0123456789\n");
  chmod(token_file.c_str(), 0600);
  ServerProcess server(db, {"--threads", "2", "--admin-token-file", token_file});

  std::string jsonl = R"({"id":"posted-1","title":"Quixotic Voyage","text":"A zorblatt of a film: the quixotic ending is wonderful.","rating":9})"
                      "\n{broken json\n"
                      R"({"id":"posted-2","lang":"ko","text":"조르블랏 영화 정말 최고예요"})"
                      "\n";
  CHECK(http_get(server.port(), "/search?q=zorblatt").json()["hits"].empty());
  CHECK(http(server.port(), "POST", "/reviews", jsonl).status == 401);
  CHECK(http(server.port(), "POST", "/reviews", jsonl, "Authorization: Bearer wrong-token-0123456789\r\n").status == 401);
  CHECK(http(server.port(), "POST", "/reviews", jsonl, "Authorization: Bearer s3cret-token-012345678\r\n").status == 401);

  HttpReply posted = http(server.port(), "POST", "/reviews", jsonl, "Authorization: Bearer s3cret-token-0123456789\r\n");
  INFO(posted.body << server.err());
  REQUIRE(posted.status == 200);
  nlohmann::json summary = posted.json();
  CHECK(summary["reviews_indexed"] == 2);
  CHECK(summary["records_skipped"] == 1);
  CHECK(summary["skip_reasons"].contains("invalid JSON"));
  // The skipped line is reported on stderr like `index` reports it.
  CHECK(server.err().find(":2: skipped: invalid JSON") != std::string::npos);

  // Found by the very next search, through every worker.
  for (int i = 0; i < 4; ++i) {
    nlohmann::json hits = http_get(server.port(), "/search?q=zorblatt").json()["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["review_id"] == "posted-1");
    CHECK(hits[0]["title"] == "Quixotic Voyage");
  }
  CHECK(http_get(server.port(), "/search?q=" + url_encode("조르블랏")).json()["hits"].size() == 1);
  // The CLI sees the same database.
  CHECK(search_json(db, {"zorblatt"})["hits"].size() == 1);
}

TEST_CASE("serve: searches keep answering while reviews are posted", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  REQUIRE(run_revsearch({"index", "--db", db, seed_review()}).status == 0);
  std::string token_file = dir / "token";
  write_file(token_file, "another-token-abcdefghijkl");
  chmod(token_file.c_str(), 0600);
  ServerProcess server(db, {"--threads", "2", "--admin-token-file", token_file});
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    jsonl += R"({"id":"bulk-)" + std::to_string(i) + R"(","text":"bulk review number )" + std::to_string(i) +
             R"( about the soundtrack, a plinkety tune"})" "\n";
  }
  std::atomic<bool> done{false};
  std::thread writer([&] {
    HttpReply r = http(server.port(), "POST", "/reviews", jsonl, "Authorization: Bearer another-token-abcdefghijkl\r\n");
    CHECK(r.status == 200);
    done = true;
  });
  int answered = 0, failed = 0;
  while (!done) {
    HttpReply r = http_get(server.port(), "/search?q=soundtrack&limit=3");
    (r.status == 200 ? answered : failed)++;
  }
  writer.join();
  CHECK(failed == 0);
  CHECK(answered > 0);
  CHECK(http_get(server.port(), "/stats").json()["reviews"] == 3001);
}

TEST_CASE("serve: stalled clients are cut off without holding a search worker", "[serve]") {
  ServerProcess server(demo_db(), {"--threads", "1", "--timeout", "1", "--connections", "8"});
  std::vector<std::unique_ptr<Connection>> stalled;
  for (int i = 0; i < 4; ++i) {
    stalled.push_back(std::make_unique<Connection>(server.port(), 10));
    stalled.back()->send_all("GET /search?q=soundtrack HTTP/1.1\r\nHost: 127.0.0.1\r\n");  // never finished
  }
  auto started = std::chrono::steady_clock::now();
  HttpReply reply = http_get(server.port(), "/search?q=soundtrack");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(reply.status == 200);
  CHECK(seconds < 0.9);  // not behind the stalled clients' timeout
  // Each stalled connection is closed by the server after about the timeout.
  started = std::chrono::steady_clock::now();
  for (auto& c : stalled) c->read_all();
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(seconds < 5);
  CHECK(http_get(server.port(), "/health").status == 200);
}

TEST_CASE("serve: a burst of connections is not dropped (listen backlog)", "[serve]") {
  ServerProcess server(demo_db(), {"--threads", "1"});
  // cpp-httplib listens with a backlog of 5; the server widens it. `ss`
  // shows a listening socket's backlog as Send-Q.
  std::string command = "ss -ltnH 'sport = :" + std::to_string(server.port()) + "' 2>/dev/null";
  std::string listing;
  if (FILE* ss = popen(command.c_str(), "r")) {
    char buf[512];
    while (fgets(buf, sizeof buf, ss)) listing += buf;
    pclose(ss);
  }
  if (listing.empty()) {
    WARN("ss (iproute2) unavailable: backlog not checked");
  } else {
    std::istringstream fields(listing);
    std::string state, recv_q, send_q;
    fields >> state >> recv_q >> send_q;
    INFO(listing);
    CHECK(std::stoi(send_q) >= 128);
  }
  // 64 connections at once all get their answer.
  std::vector<std::unique_ptr<Connection>> burst;
  for (int i = 0; i < 64; ++i) {
    burst.push_back(std::make_unique<Connection>(server.port(), 20));
    burst.back()->send_all("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  }
  auto started = std::chrono::steady_clock::now();
  int ok = 0;
  for (auto& c : burst) ok += parse_reply(c->read_all()).status == 200;
  CHECK(ok == 64);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < 5);
}

TEST_CASE("serve: a missing database or a short token is an error at start", "[serve]") {
  TempDir dir;
  RunResult r = run_revsearch({"serve", "--db", dir / "none", "--port", "0"});
  CHECK(r.status == 1);
  CHECK(r.err.find("no database") != std::string::npos);
  write_file(dir / "token", "short\n");
  r = run_revsearch({"serve", "--db", demo_db(), "--port", "0", "--admin-token-file", dir / "token"});
  CHECK(r.status == 2);
  CHECK(r.err.find("at least 16 characters") != std::string::npos);
}

}  // namespace
}  // namespace revsearch::test
