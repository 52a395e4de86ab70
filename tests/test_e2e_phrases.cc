// End to end: phrases and NEAR on a database without positions (checked
// against the stored text) find the same passages, ranked with the same
// scores, as on one indexed with --positions (Xapian's own operators).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "e2e_support.h"
#include "revsearch/schema.h"

using namespace revsearch::test;

namespace {

// Text that tokenises in unusual ways: compounds, possessives, #1, case,
// full-width letters, repeated words, a title.
constexpr const char* kTricky =
    "{\"id\":\"t1\",\"title\":\"Soundtrack #1\",\"lang\":\"en\",\"text\":\"ZE:A's Park Hyung-Sik sang; "
    "very very good, VERY good. The K-drama was a k drama. \\uff33\\uff54\\uff41\\uff52 Wars, star wars!\"}\n"
    "{\"id\":\"t2\",\"lang\":\"en\",\"text\":\"zea mays a ze plant. good very. the the the end. Soundtrack #1 is "
    "not bad, not bad at all; bad movie, a bad bad movie.\"}\n"
    "{\"id\":\"t3\",\"lang\":\"ko\",\"text\":\"최고의 영화 최고의 배우. 영화 최고의 순간. 너무 재밌다 너무너무 재밌다\"}\n";

// Word pairs and NEAR pairs taken from the sample's own reviews, so most
// find something and many find words that are near but not adjacent.
// One line in `every`.
std::vector<std::string> queries_from(const std::string& jsonl, int every) {
  std::vector<std::string> out;
  std::ifstream in(jsonl);
  std::string line;
  for (int n = 0; std::getline(in, line); ++n) {
    if (n % every != 0) continue;
    std::istringstream words(nlohmann::json::parse(line).value("text", ""));
    std::vector<std::string> w;
    for (std::string word; words >> word;) {
      // A word, not an operator or punctuation alone (^^): ASCII letters or
      // digits, or a Hangul syllable (UTF-8 lead bytes EA..ED).
      bool wordy = std::any_of(word.begin(), word.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return std::isalnum(b) || (b >= 0xEA && b <= 0xED);
      });
      if (wordy && word.find_first_of("\"()-+:*") == std::string::npos && word != "AND" && word != "OR" &&
          word != "NOT" && word != "NEAR") {
        w.push_back(word);
      }
    }
    if (w.size() < 3) continue;
    out.push_back("\"" + w[0] + " " + w[1] + "\"");
    out.push_back(w[1] + " NEAR/2 " + w[w.size() - 1]);
  }
  return out;
}

}  // namespace

TEST_CASE("e2e: phrases without positions match as with them", "[e2e]") {
  TempDir dir;
  write_file(dir / "tricky.jsonl", kTricky);
  const std::vector<std::string> inputs = {seed_review(), source_path("corpus/nsmc-sample.jsonl"),
                                           dir / "tricky.jsonl"};
  for (std::string db : {"plain", "positional"}) {
    std::vector<std::string> args = {"index", "--db", dir / db};
    if (db == "positional") args.push_back("--positions");
    args.insert(args.end(), inputs.begin(), inputs.end());
    RunResult r = run_revsearch(args);
    INFO(r.err);
    REQUIRE((r.status == 0 || r.status == 3));  // NSMC has a few empty reviews
  }
  CHECK_FALSE(Xapian::Database(dir / "plain").has_positions());
  CHECK(Xapian::Database(dir / "positional").has_positions());
  CHECK(Xapian::Database(dir / "positional").get_metadata(std::string(revsearch::schema::kPositionsKey)) == "1");

  std::vector<std::string> queries = {
      "\"very good\"", "\"very very good\"", "\"good very\"", "\"the the\"", "\"star wars\"",
      "\"soundtrack #1\"", "title:\"soundtrack #1\"", "ze:a", "k-drama", "\"k drama\"", "\"ze a\"",
      "\"park hyung-sik\"", "\"not bad\" OR great", "bad -\"not bad\"", "bad NEAR/1 movie", "bad NEAR/1 bad",
      "\"bad movie\" NEAR/3 \"not bad\"", "\"최고의 영화\"", "\"영화 최고의\"", "\"너무 재밌다\"", "최고의 NEAR/1 배우",
      "(\"최고의 영화\" OR \"너무 재밌다\") AND 영화", "+\"최고의 영화\" 배우", "actor:\"Zelda Quimby\""};
  // Each query runs six searches: fewer under the sanitizers' slower runs.
  std::vector<std::string> sampled = queries_from(source_path("corpus/nsmc-sample.jsonl"), kSanitizedBuild ? 499 : 199);
  REQUIRE(sampled.size() > (kSanitizedBuild ? 6u : 20u));
  queries.insert(queries.end(), sampled.begin(), sampled.end());

  std::size_t with_hits = 0;
  for (const std::string& q : queries) {
    INFO(q);
    for (std::vector<std::string> view : {std::vector<std::string>{"--limit", "30"},
                                          {"--limit", "5", "--offset", "3", "--all-passages"},
                                          {"--limit", "3", "--facets", "lang", "rating"}}) {
      view.push_back(q);
      nlohmann::json plain = search_json(dir / "plain", view);
      nlohmann::json positional = search_json(dir / "positional", view);
      REQUIRE(plain["hits"].size() == positional["hits"].size());
      for (std::size_t i = 0; i < plain["hits"].size(); ++i) {
        CHECK(plain["hits"][i]["review_id"] == positional["hits"][i]["review_id"]);
        CHECK(plain["hits"][i]["passage"] == positional["hits"][i]["passage"]);
        CHECK(plain["hits"][i]["score"].get<double>() == Approx(positional["hits"][i]["score"].get<double>()));
      }
      CHECK(plain["facets"] == positional["facets"]);  // every match counted
      with_hits += !plain["hits"].empty();
    }
  }
  CHECK(with_hits > queries.size());  // most queries find something

  // The choice is the database's: positions are not added to one without.
  RunResult again = run_revsearch({"index", "--db", dir / "plain", "--positions", seed_review()});
  CHECK(again.status == 2);
  CHECK(again.err.find("without --positions") != std::string::npos);
}
