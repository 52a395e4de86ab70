// End to end (issue 4): Korean searches through the real binary.
#include <catch2/catch.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace revsearch::test;

namespace {

const std::string& korean_db() {
  static TempDir dir;
  static const std::string db = [] {
    write_file(dir / "ko.jsonl",
               "{\"id\": \"k1\", \"text\": \"너무재밓었다그래서보는것을추천한다\"}\n"
               "{\"id\": \"k2\", \"text\": \"한소희가 너무 예쁘다\"}\n"
               "{\"id\": \"k3\", \"text\": \"ㅋㅋㅋㅋㅋ 웃겼어요ㅠㅠ\"}\n"
               "{\"id\": \"k4\", \"text\": \"친구에서 연인이 되는 이야기\"}\n"
               "{\"id\": \"k5\", \"text\": \"그냥 그런 영화\"}\n"
               "{\"id\": \"k6\", \"text\": \"뻔한스토리지만 배우들의 답답함과 어색함이 문제\"}\n"
               "{\"id\": \"k7\", \"text\": \"주인공이 뻔뻔한 악역이다\"}\n"
               "{\"id\": \"k8\", \"text\": \"극장에서 잠들뻔한 영화\"}\n"
               "{\"id\": \"k9\", \"text\": \"결말이 뻔해도 괜찮다\"}\n");
    std::string path = dir / "db";
    RunResult r = run_revsearch({"index", "--db", path, dir / "ko.jsonl"});
    if (r.status != 0) throw std::runtime_error("indexing failed: " + r.err);
    return path;
  }();
  return db;
}

std::vector<std::string> review_ids(const std::string& query) {
  RunResult r = run_revsearch({"search", "--db", korean_db(), "--json", query});
  INFO(query << ": " << r.err);
  REQUIRE(r.status == 0);
  std::vector<std::string> ids;
  nlohmann::json result = nlohmann::json::parse(r.out);  // the loop must not range over a temporary
  for (const auto& hit : result["hits"]) ids.push_back(hit["review_id"].get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE("e2e: Korean queries find inflected and unspaced words", "[e2e][korean]") {
  using V = std::vector<std::string>;
  CHECK(review_ids("추천") == V{"k1"});         // inside text written without spaces
  CHECK(review_ids("예뻐") == V{"k2"});         // 예쁘다
  CHECK(review_ids("친구") == V{"k4"});         // 친구에서
  CHECK(review_ids("연인과") == V{"k4"});       // 연인이
  CHECK(review_ids("ㅋㅋ") == V{"k3"});         // ㅋㅋㅋㅋㅋ
  CHECK(review_ids("initials:ㅎㅅㅎ") == V{"k2"});  // 한소희
  CHECK(review_ids("initials:ㅋㅋㅋ").empty());    // no stem has them: no hits, not a syntax error
  CHECK(review_ids("sentiment:performance 추천") == V{"k1"});  // a word without sentiment adds nothing
}

TEST_CASE("e2e: a predicate finds its nominalised, concessive and unspaced forms, nothing else", "[e2e][korean]") {
  using V = std::vector<std::string>;
  std::vector<std::string> ids = review_ids("뻔하다");  // 뻔한스토리지만, 뻔해도; not 뻔뻔한, 잠들뻔한
  std::sort(ids.begin(), ids.end());
  CHECK(ids == V{"k6", "k9"});
  CHECK(review_ids("답답하다") == V{"k6"});  // 답답함과
  CHECK(review_ids("어색하다") == V{"k6"});  // 어색함이
  CHECK(review_ids("스토리") == V{"k6"});    // the second word of 뻔한스토리지만
}

TEST_CASE("e2e: analyze --lang shows every term", "[e2e][korean]") {
  RunResult r = run_revsearch({"analyze", "--lang", "ko", "한소희가"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("terms: 한소희가 Z한소희 XKB한소 XKB소희 XKB희가\tsynonym: XKCᄒᄉᄒ") != std::string::npos);
  CHECK(run_revsearch({"analyze", "--lang", "fr", "x"}).status == 2);
  // Each term says which rule made it.
  RunResult run = run_revsearch({"analyze", "뻔한스토리지만"});
  REQUIRE(run.status == 0);
  CHECK(run.out.find("terms: 뻔한스토리지만 Z뻔하다 Z스토리") != std::string::npos);
  CHECK(run.out.find("Z스토리: word 2 of a run written without spaces (스토리지만): noun + -지만") != std::string::npos);
  RunResult json = run_revsearch({"analyze", "--json", "어색해도"});
  REQUIRE(json.status == 0);
  nlohmann::json rules = nlohmann::json::parse(json.out)["tokens"][0]["rules"];
  REQUIRE(rules.size() == 2);
  CHECK(rules[1]["term"] == "Z어색하다");
  CHECK(rules[1]["rule"] == "predicate stem + -도 (concessive: even if), contraction undone");
  RunResult bad = run_revsearch({"search", "--db", korean_db(), "initials:한"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("initials") != std::string::npos);
}
