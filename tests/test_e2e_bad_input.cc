// End to end: every kind of bad input gives one clear stderr line naming
// file and line, is skipped and counted, and the good records around it are
// indexed. Exit status 3 says something was skipped.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "support.h"

using namespace revsearch::test;

namespace {

std::string good(const std::string& id) {
  return "{\"id\": \"" + id + "\", \"text\": \"good review " + id + " about the lacklustre plot\"}\n";
}

}  // namespace

TEST_CASE("e2e: bad input is reported by file and line, good records kept", "[e2e][bad-input]") {
  TempDir dir;
  write_file(dir / "in/utf8.jsonl", good("u1") + "{\"id\": \"u2\", \"text\": \"bad \xC3\x28 byte\"}\n" + good("u3"));
  write_file(dir / "in/broken.jsonl", good("j1") + "{\"id\": \"j2\", \"text\": \n" + good("j3"));
  write_file(dir / "in/rows.csv", "id,text\nc1,good row one\nc2,too,many,columns\nc3,good row three\n");
  write_file(dir / "in/binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  write_file(dir / "in/empty.jsonl", "");
  std::string huge = good("h1") + "{\"id\": \"h2\", \"text\": \"" + std::string(50u << 20, 'x') + "\"}\n" + good("h3");
  write_file(dir / "in/huge.jsonl", huge);
  huge.clear();
  huge.shrink_to_fit();

  RunResult r = run_revsearch({"index", "--db", dir / "db", dir / "in"});
  INFO("stderr:\n" << r.err);
  CHECK(r.status == 3);
  CHECK(summary_value(r.out, "records skipped") == 6);
  CHECK(summary_value(r.out, "reviews indexed") == 8);

  std::vector<std::string> err = lines_of(r.err);
  auto has_line = [&](const std::string& where, const std::string& what) {
    return std::any_of(err.begin(), err.end(), [&](const std::string& line) {
      return line.find(where) != std::string::npos && line.find(what) != std::string::npos;
    });
  };
  CHECK(has_line("utf8.jsonl:2:", "invalid UTF-8"));
  CHECK(has_line("broken.jsonl:2:", "invalid JSON"));
  CHECK(has_line("rows.csv:3:", "wrong column count"));
  CHECK(has_line("binary.txt:", "binary file"));
  CHECK(has_line("empty.jsonl:", "empty file"));
  CHECK(has_line("huge.jsonl:2:", "record too large"));
  CHECK(err.size() == 6);

  auto hits = nlohmann::json::parse(
      run_revsearch({"search", "--db", dir / "db", "--json", "--limit", "20", "lacklustre"}).out)["hits"];
  std::set<std::string> ids;
  for (const auto& hit : hits) ids.insert(hit["review_id"].get<std::string>());
  CHECK(ids == std::set<std::string>{"u1", "u3", "j1", "j3", "h1", "h3"});
}

TEST_CASE("e2e: a .txt review with invalid UTF-8 is skipped with its line", "[e2e][bad-input]") {
  TempDir dir;
  write_file(dir / "in/a.txt", "Fine first line.\nSecond line \xFF broken.\n");
  write_file(dir / "in/b.txt", "A fine review.\n");
  RunResult r = run_revsearch({"index", "--db", dir / "db", dir / "in"});
  CHECK(r.status == 3);
  CHECK(r.err.find("a.txt:2: skipped: invalid UTF-8") != std::string::npos);
  CHECK(summary_value(r.out, "reviews indexed") == 1);
}

TEST_CASE("e2e: usage errors exit 2 with a message", "[e2e][bad-input]") {
  TempDir dir;
  RunResult missing = run_revsearch({"index", "--db", dir / "db", dir / "no-such-path"});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("no-such-path: no such file or directory") != std::string::npos);

  RunResult field = run_revsearch({"index", "--db", dir / "db", "--field", "bogus", seed_review()});
  CHECK(field.status == 2);
  CHECK(field.err.find("expected FIELD=NAME") != std::string::npos);

  RunResult unknown_field = run_revsearch({"index", "--db", dir / "db", "--field", "colour=x", seed_review()});
  CHECK(unknown_field.status == 2);
  CHECK(unknown_field.err.find("unknown field") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "db"));  // refused before anything was created

  RunResult unknown = run_revsearch({"index", "--nope", "--db", dir / "db", seed_review()});
  CHECK(unknown.status == 2);
}
