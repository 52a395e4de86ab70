// Unit tests for revsearch/entities: romanisation keys, the embedded
// gazetteer, and mention recognition in English, Korean and mixed text.
#include <catch2/catch.hpp>

#include <fstream>

#include "revsearch/entities/catalog.h"
#include "revsearch/entities/names.h"
#include "revsearch/entities/recognizer.h"
#include "revsearch/errors.h"
#include "support.h"

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
  // Found by fuzzing (actor:'eee…eseet, 50 e's): a vowel run that cannot
  // be split took exponential time. Words past 40 letters are no name, and
  // each position is tried once.
  CHECK(split_syllables(std::string(50, 'e') + "seet").empty());
  CHECK(split_syllables(std::string(36, 'e') + "seet").empty());
  CHECK(split_syllables("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee").size() == 20);
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
  CHECK(people(text) == std::vector<std::string>{"actor han-so-hui Han So-Hee", "actor han-so-hui So Hee",
                                                "crew gim-hui-won Kim Hee-Won", "crew gim-hui-won Hee Won",
                                                "actor choe-u-sik Choi Woo Shik"});
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
  // Film people in either script and spelling; anyone else has no key.
  CHECK(resolve_name("Tom Hanks").key == "tom-hanks");
  CHECK(resolve_name("톰 행크스").key == "tom-hanks");
  CHECK(resolve_name("브루스윌리스").key == resolve_name("bruce willis").key);
  CHECK(resolve_name("성룡").key == "jackie-chan");
  CHECK(resolve_name("Ahn Sung-ki").key == resolve_name("안성기").key);
  CHECK(resolve_name("Ahn Sung-ki").known);
  CHECK(resolve_name("Zelda Quimby").key.empty());
}

TEST_CASE("entities: film people in both scripts, with or without spaces and particles", "[entities]") {
  auto [text, expected] = GENERATE(table<std::string, std::vector<std::string>>({
      {"브루스 윌리스 연기 최고", {"actor bruce-willis 브루스 윌리스"}},
      {"브루스윌리스의 다이하드", {"actor bruce-willis 브루스윌리스"}},
      {"성룡이 최고다", {"actor jackie-chan 성룡"}},
      {"이소룡 짱", {"actor bruce-lee 이소룡"}},
      {"역시 소피마르소다", {"actor sophie-marceau 소피마르소"}},
      {"Bruce Willis was great", {"actor bruce-willis Bruce Willis"}},
      // English reviews may be all lower case; the surname alone counts
      // once the review named the person in full, in either script.
      {"bruce willis is great . willis rocks", {"actor bruce-willis bruce willis", "actor bruce-willis willis"}},
      {"브루스 윌리스 나오고 윌리스가 멋짐", {"actor bruce-willis 브루스 윌리스", "actor bruce-willis 윌리스"}},
      {"Ahn Sung-ki and 안성기", {"actor an-seong-gi Ahn Sung-ki", "actor an-seong-gi 안성기"}},
      // Directors: people with no cast credit, or named as director.
      {"스티븐 스필버그 감독의 영화", {"crew steven-spielberg 스티븐 스필버그"}},
      // Where text has capitals, a name in lower case is not one; nor is a
      // two-syllable name inside a longer word, nor a surname never named in full.
      {"The bruce willis fan club. Willis.", {}},
      {"공리주의 영화. 윌리스가 누구?", {}},
  }));
  INFO(text);
  CHECK(people(text) == expected);
}

TEST_CASE("entities: the people table knows both names and roles", "[entities]") {
  const Gazetteer& g = Gazetteer::builtin();
  const Person* willis = g.by_latin("bruce willis");
  REQUIRE(willis);
  CHECK(willis == g.by_hangul("브루스윌리스"));
  CHECK(willis->actor);
  CHECK(willis->display_like("브루스") == "브루스 윌리스");
  CHECK(willis->display_like("Bruce") == "Bruce Willis");
  const Person* spielberg = g.by_key("steven-spielberg");
  REQUIRE(spielberg);
  CHECK_FALSE(spielberg->actor);
  CHECK(g.by_hangul("배우") == nullptr);
  // A hand-made table, unsorted: lookups still work.
  std::string table = "P\tz-key\tZed\t제드\tactor\nP\ta-key\tAy\t에이\tcrew\nH\t에이\t1\nH\t제드\t0\nL\tzed\t0\n";
  Gazetteer small(table);
  REQUIRE(small.by_hangul("제드"));
  CHECK(small.by_hangul("제드")->key == "z-key");
  CHECK(small.by_hangul("에이")->key == "a-key");
  CHECK(small.by_latin("zed")->latin == "Zed");
}

TEST_CASE("entities: the film catalogue loads, keeps good lines, and round-trips", "[entities]") {
  revsearch::test::TempDir dir;
  auto write = [&](const std::string& name, const std::string& text) { std::ofstream(dir / name) << text; };
  write("movies.tsv",
        "movie\ttitle\ttitle_eng\tyear\tgrade\n"
        "10001\t시네마 천국\tCinema Paradiso , 1988\t2013\t전체 관람가\n"
        "10002\t빽 투 더 퓨쳐\tBack To The Future , 1985\t2015\t12세 관람가\n"
        "broken line without tabs\n");
  write("people.tsv", "people\tkorean\toriginal\n1\t브루스 윌리스\tBruce Willis\n2\t조디 포스터\tJodie Foster\n");
  write("castings.csv", "movie,people,order,leading\n10002,1,1,1\n10002,2,2,0\n99999,1,1,1\n10001,7,1,1\n");
  write("genres.csv", "movie,genre\n10001,드라마\n10002,SF\n10002,코미디\n");
  std::vector<CatalogProblem> problems;
  Catalog catalog = Catalog::load(dir.path().string(), problems);
  CHECK(catalog.size() == 2);
  REQUIRE(problems.size() == 3);  // the broken movie line, an unknown movie, an unknown person
  CHECK(problems[0].line == 4);
  CHECK(problems[0].file.find("movies.tsv") != std::string::npos);
  CHECK(catalog.titled("Cinema Paradiso") == std::vector<std::string>{"10001"});
  CHECK(catalog.titled("시네마천국") == std::vector<std::string>{"10001"});
  CHECK(catalog.film("10001")->year == 1988);  // from the English title, not the re-release
  CHECK(catalog.with_cast("bruce-willis") == std::vector<std::string>{"10002"});
  CHECK(catalog.in_genre("SF") == std::vector<std::string>{"10002"});
  CHECK(catalog.made_in(1980, 1986) == std::vector<std::string>{"10002"});
  REQUIRE(catalog.person_named("조디포스터"));
  CHECK(catalog.person_named("Jodie Foster")->key == "jodie-foster");
  Catalog again = Catalog::decode(catalog.encode());
  CHECK(again.encode() == catalog.encode());
  CHECK(again.film("10002")->leading == std::vector<std::string>{"bruce-willis"});
  CHECK_THROWS_AS(Catalog::load(dir / "missing", problems), revsearch::InputError);
}
