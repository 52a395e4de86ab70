// Film words written more than one way, end to end: a search for one form
// finds the others, says so, counts them as one word, and leaves out the
// words that only share their letters.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "e2e_support.h"

using namespace revsearch::test;
using nlohmann::json;

namespace {

constexpr const char* kReviews =
    "{\"id\":\"v1\",\"text\":\"CG가 정말 화려하다\"}\n"
    "{\"id\":\"v2\",\"text\":\"씨지가 어색해서 아쉽다\"}\n"
    "{\"id\":\"v3\",\"text\":\"컴퓨터 그래픽 기술이 놀랍다\"}\n"
    "{\"id\":\"v4\",\"text\":\"채널 씨지비에서 봤다\"}\n"
    "{\"id\":\"v5\",\"text\":\"애니 중에 최고\"}\n"
    "{\"id\":\"v6\",\"text\":\"디즈니 애니메이션 명작\"}\n"
    "{\"id\":\"v7\",\"text\":\"애니멀 플래닛 같은 다큐\"}\n"
    "{\"id\":\"v8\",\"text\":\"The ending was perfect\"}\n"
    "{\"id\":\"v9\",\"text\":\"엔딩이 여운이 남는다\"}\n"
    "{\"id\":\"v10\",\"text\":\"엔딩씬 음악이 좋다\"}\n"
    "{\"id\":\"v11\",\"text\":\"CG 씨지 컴퓨터그래픽 다 좋다 연기도 좋다\"}\n"
    "{\"id\":\"v12\",\"text\":\"씨지 연기 둘 다 좋다\"}\n";

std::set<std::string> ids(const json& result) {
  std::set<std::string> out;
  for (const json& hit : result["hits"]) out.insert(hit["review_id"].get<std::string>());
  return out;
}

const std::string& variants_database() {
  static TempDir dir;
  static std::string db = [] {
    write_file(dir / "variants.jsonl", kReviews);
    return shared_database("variants", {dir / "variants.jsonl"});
  }();
  return db;
}

}  // namespace

TEST_CASE("e2e variants: one form finds the others and says so; a word that shares the letters is not found",
          "[e2e][variants]") {
  const std::string& db = variants_database();
  json cg = revsearch::test::search_json(db, std::vector<std::string>{"씨지"});
  CHECK(ids(cg) == std::set<std::string>{"v1", "v2", "v3", "v11", "v12"});  // not 씨지비 (CGV)
  bool noticed = false;
  for (const json& n : cg["notices"]) noticed = noticed || n.get<std::string>().find("also searched as cg") != std::string::npos;
  CHECK(noticed);
  CHECK(ids(revsearch::test::search_json(db, std::vector<std::string>{"CG"})) ==
        std::set<std::string>{"v1", "v2", "v3", "v11", "v12"});
  CHECK(ids(revsearch::test::search_json(db, std::vector<std::string>{"애니"})) == std::set<std::string>{"v5", "v6"});
  CHECK(ids(revsearch::test::search_json(db, std::vector<std::string>{"ending"})) ==
        std::set<std::string>{"v8", "v9", "v10"});  // 엔딩씬 begins with 엔딩
}

TEST_CASE("e2e variants: a word's variants count as that word, once", "[e2e][variants]") {
  const std::string& db = variants_database();
  // v11 writes CG three ways, v12 once: the same words found, so the
  // second word decides, and three spellings weigh no more than one.
  json result = revsearch::test::search_json(db, std::vector<std::string>{"--explain", "씨지 연기"});
  REQUIRE(result["hits"].size() >= 2);
  double found = 0;
  for (const json& part : result["hits"][0]["explain"]["terms"]) {
    if (part["field"] == "words found") found = part["weight"].get<double>();
    if (part.value("word", "") == "씨지") CHECK(part.contains("matched"));
  }
  CHECK(found == 2000.0);
  std::set<std::string> top2 = {result["hits"][0]["review_id"].get<std::string>(),
                                result["hits"][1]["review_id"].get<std::string>()};
  CHECK(top2 == std::set<std::string>{"v11", "v12"});
}
