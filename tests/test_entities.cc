// Unit tests for revsearch/entities: romanisation keys, the embedded
// gazetteer, and mention recognition in English, Korean and mixed text.
#include <catch2/catch.hpp>

#include "revsearch/entities/names.h"
#include "revsearch/entities/recognizer.h"

using namespace revsearch::entities;

namespace {

std::string key_of(std::string_view name) { return join_key(name_syllables(name)); }

// "kind key surface" for each person mention, in order.
std::vector<std::string> people(std::string_view text, std::string_view title = {}) {
  std::vector<std::string> out;
  for (const Mention& m : find_mentions(text, title)) {
    if (m.kind == EntityKind::kTitle) continue;
    out.push_back(std::string(kind_name(m.kind)) + " " + m.key + " " + std::string(text.substr(m.begin, m.end - m.begin)));
  }
  return out;
}

}  // namespace

TEST_CASE("entities: romanisation variants and Hangul share one key", "[entities]") {
  auto [expected, variants] = GENERATE(table<std::string, std::vector<std::string>>({
      {"han-so-hui", {"Han So-Hee", "han sohee", "Han So Hui", "HAN SO-HI", "한소희"}},
      {"bak-hyeong-sik", {"Park Hyung-sik", "Pak Hyeong Shik", "Bak Hyung Sik", "park hyungsik", "박형식"}},
      {"i-eun-su", {"Lee Eun Soo", "Yi Eun Su", "Rhee Eunsoo", "이은수"}},
      {"gim-ju-heon", {"Kim Joo Heon", "Gim Ju-heon", "김주헌"}},
      {"choe-min-sik", {"Choi Min-sik", "Choe Min Shik", "최민식"}},
      {"jeong-u-seong", {"Jung Woo-sung", "Jeong U Seong", "Chung Woo Sung", "정우성"}},
      {"yun-seo-a", {"Yoon Seo Ah", "Yun Seo-a", "윤서아"}},
  }));
  for (const std::string& v : variants) {
    INFO(v);
    CHECK(key_of(v) == expected);
  }
}

TEST_CASE("entities: English words are not romanised Korean", "[entities]") {
  for (std::string_view w : {"Composer", "Disney", "Nevertheless", "Monday", "Standing", "Thankfully"}) {
    INFO(w);
    CHECK(split_syllables(w).empty());
  }
  CHECK(split_syllables("sohee") == std::vector<std::string>{"so", "hee"});
  CHECK(split_syllables("hyungsik") == std::vector<std::string>{"hyung", "sik"});
  CHECK(split_syllables("hana") == std::vector<std::string>{"ha", "na"});
  CHECK(split_syllables("inguk") == std::vector<std::string>{"in", "guk"});
  CHECK(split_syllables("jeongmin") == std::vector<std::string>{"jeong", "min"});
}

TEST_CASE("entities: the embedded gazetteer holds the drama casts", "[entities]") {
  const Gazetteer& g = Gazetteer::builtin();
  CHECK(g.size() > 1000);
  CHECK(g.is_actor("박형식"));
  CHECK(g.is_actor("한소희"));
  CHECK_FALSE(g.is_actor("배우"));
  CHECK(g.display("han-so-hui") == "Han So-hee");
}

TEST_CASE("entities: full names, given names after them, and crew", "[entities]") {
  std::string text =
      "So Hee's early work was unknown. Han So-Hee-'s acting was bold and So Hee's timing improved. "
      "Director Kim Hee-Won kept Hee Won's style, and Choi Woo Shik was a surprise.";
  CHECK(people(text) == std::vector<std::string>{
                            "actor han-so-hui Han So-Hee", "actor han-so-hui So Hee", "actor choe-u-sik Choi Woo Shik"});
}

TEST_CASE("entities: the cast pattern links a character to its actor", "[entities]") {
  ReviewContext context("Soundtrack #1; A Discordant Love Story");
  Recognizer recognizer;
  auto first = recognizer.find_mentions(
      "Lee Eun Soo ( Han So-Hee- \u2018 My Name\u2019, ) is a lyricist. Eun Soo struggles.", context);
  REQUIRE(first.size() == 4);
  CHECK(first[0].kind == EntityKind::kCharacter);
  CHECK(first[0].key == "i-eun-su");
  CHECK(first[0].actor_key == "han-so-hui");
  CHECK(first[1].kind == EntityKind::kActor);
  CHECK(first[2].kind == EntityKind::kTitle);
  CHECK(first[2].key == "myname");
  CHECK(first[3].given_name_only);
  CHECK(first[3].kind == EntityKind::kCharacter);
  // Context carries to the next passage of the same review.
  auto second = recognizer.find_mentions("Later Eun Soo and So Hee shine.", context);
  REQUIRE(second.size() == 2);
  CHECK(second[0].key == "i-eun-su");
  CHECK(second[1].key == "han-so-hui");
  CHECK(context.own_title_keys() == std::vector<std::string>{"soundtrack#1"});
}

TEST_CASE("entities: quoted titles are normalised; names inside them are not people", "[entities]") {
  CHECK(title_key("Soundtrack #1") == title_key("Soundtrack#1"));
  CHECK(title_key(" soundtrack  #1") == "soundtrack#1");
  auto mentions = find_mentions("Kim Joo Heon (\u2018 Do Do Sol Sol La La Sol\u2019 and \u2018It\u2019s Okay\u2019).");
  REQUIRE(mentions.size() == 3);
  CHECK(mentions[0].key == "gim-ju-heon");
  CHECK(mentions[1].name == "Do Do Sol Sol La La Sol");
  CHECK(mentions[2].name == "It\u2019s Okay");
}

TEST_CASE("entities: Korean and mixed Korean/English text", "[entities]") {
  std::string text = "한소희 연기 최고. Han So-hee was great, 소희가 웃을 때 좋았다. 박형식이 나오는 장면도.";
  CHECK(people(text) == std::vector<std::string>{"actor han-so-hui 한소희", "actor han-so-hui Han So-hee",
                                                 "actor han-so-hui 소희", "actor bak-hyeong-sik 박형식"});
  // Offsets are byte offsets into the passage.
  for (const Mention& m : find_mentions(text)) CHECK(m.end <= text.size());
  // A common word that happens to start like a name is not one.
  CHECK(people("이영화 진짜 재밌다 이정도면 최고").empty());
  // Crew marked by 감독 is not an actor.
  CHECK(people("봉준호 감독 작품").empty());
}

TEST_CASE("entities: bad input yields no mentions and no crash", "[entities]") {
  CHECK(find_mentions("").empty());
  CHECK(find_mentions(std::string("Han So\xff-Hee")).empty());
  CHECK(find_mentions("\u2018 unclosed title and Han").empty());
}

TEST_CASE("entities: query names resolve to full or given-name keys", "[entities]") {
  CHECK(resolve_name("Han So-hee").key == "han-so-hui");
  CHECK_FALSE(resolve_name("한소희").given_only);
  CHECK(resolve_name("han sohee").key == "han-so-hui");
  NameQuery given = resolve_name("Hyung Sik");
  CHECK(given.given_only);
  CHECK(given.key == "hyeong-sik");
  CHECK(resolve_name("Tom Hanks").key.empty());
}
