// End to end: film people in both scripts and the film catalogue
// (index --catalog): actor: across scripts, unknown names as written,
// title:/cast:/genre:/year: through the catalogue, and catalogue errors.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include "e2e_support.h"

using namespace revsearch::test;

namespace {

// Reviews written for these tests: the same people in both scripts, films
// named only by their movie id.
const char* kReviews =
    R"({"id": "ko-1", "movie_id": "10012", "text": "브루스 윌리스 연기가 최고였다. 윌리스가 멋있다"})" "\n"
    R"({"id": "ko-2", "movie_id": "10245", "text": "브루스윌리스의 액션은 언제나 옳다"})" "\n"
    R"({"id": "ko-3", "movie_id": "10001", "text": "토토와 알프레도의 우정이 아름다운 영화"})" "\n"
    R"({"id": "ko-4", "movie_id": "10001", "text": "음악이 정말 좋았다 눈물이 났다"})" "\n"
    R"({"id": "ko-5", "text": "성룡이 나오는 영화는 다 봤다"})" "\n"
    R"({"id": "en-1", "lang": "en", "text": "bruce willis carries the film . willis is great here ."})" "\n"
    R"({"id": "en-2", "lang": "en", "text": "Jackie Chan does his own stunts again."})" "\n"
    R"({"id": "en-3", "lang": "en", "text": "Zelda Quimby wrote this strange little book."})" "\n"
    R"({"id": "ko-6", "text": "스티븐 스필버그 감독의 영화는 언제나 재미있다"})" "\n";

std::set<std::string> ids(const nlohmann::json& result) {
  std::set<std::string> out;
  for (const auto& hit : result["hits"]) out.insert(hit["review_id"].get<std::string>());
  return out;
}

struct FilmsDb {
  TempDir dir;
  std::string db = dir / "db";
  bool ready = false;
  FilmsDb() {
    if (!std::filesystem::exists(shared_data("films/movies.tsv"))) return;
    write_file(dir / "reviews.jsonl", kReviews);
    RunResult r = run_revsearch({"index", "--db", db, "--catalog", shared_data("films"), dir / "reviews.jsonl"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(r.out.find("catalogue films:      999") != std::string::npos);
    ready = true;
  }
  nlohmann::json search(const std::string& query) const { return search_json(db, {"--limit", "50", query}); }
};

const FilmsDb& films_db() {
  static FilmsDb instance;
  return instance;
}

}  // namespace

TEST_CASE("e2e films: actor: is the same person in either script and spelling", "[e2e][entities]") {
  const FilmsDb& f = films_db();
  if (!f.ready) {
    WARN("../shared/data/films missing: skipped");
    return;
  }
  auto latin = ids(f.search("actor:\"Bruce Willis\""));
  CHECK(latin == std::set<std::string>{"ko-1", "ko-2", "en-1"});
  CHECK(ids(f.search("actor:브루스윌리스")) == latin);
  CHECK(ids(f.search("actor:\"브루스 윌리스\"")) == latin);
  CHECK(ids(f.search("actor:\"Jackie Chan\"")) == std::set<std::string>{"ko-5", "en-2"});
  CHECK(ids(f.search("actor:성룡")) == ids(f.search("actor:\"jackie chan\"")));
  // The facet names people in the query's script.
  auto hangul = search_json(f.db, {"--facets", "actor", "actor:성룡"});
  CHECK(hangul["facets"]["actor"][0]["value"] == "성룡");
  auto english = search_json(f.db, {"--facets", "actor", "actor:\"Jackie Chan\""});
  CHECK(english["facets"]["actor"][0]["value"] == "Jackie Chan");
  // So does the entities listing, in the script asked for.
  for (auto [script, name] : {std::pair{"hangul", "브루스 윌리스"}, std::pair{"latin", "Bruce Willis"}}) {
    RunResult r = run_revsearch({"entities", "--db", f.db, "--kind", "actor", "--script", script, "--json"});
    REQUIRE(r.status == 0);
    bool listed = false;
    nlohmann::json listing = nlohmann::json::parse(r.out);
    for (const auto& item : listing["actor"]) {
      listed = listed || item["name"].get<std::string>() == std::string(name);
    }
    CHECK(listed);
  }
}

TEST_CASE("e2e films: directors are people with a field of their own", "[e2e][entities]") {
  const FilmsDb& f = films_db();
  if (!f.ready) return;
  CHECK(ids(f.search("director:\"Steven Spielberg\"")) == std::set<std::string>{"ko-6"});
  CHECK(ids(f.search("director:스티븐스필버그")) == std::set<std::string>{"ko-6"});
  CHECK(ids(f.search("person:\"Steven Spielberg\"")) == std::set<std::string>{"ko-6"});
  CHECK(f.search("actor:\"Steven Spielberg\"")["hits"].empty());
  CHECK(ids(f.search("person:성룡")) == std::set<std::string>{"ko-5", "en-2"});
}

TEST_CASE("e2e films: an unknown name is matched as written and said to be unknown", "[e2e][entities]") {
  const FilmsDb& f = films_db();
  if (!f.ready) return;
  auto result = f.search("actor:\"Zelda Quimby\"");
  CHECK(ids(result) == std::set<std::string>{"en-3"});
  REQUIRE(result["notices"].size() == 1);
  CHECK(result["notices"][0] == "'Zelda Quimby' is not a known person: matching the name as written");
  CHECK(f.search("actor:\"Quimby Zelda\"")["hits"].empty());  // a phrase, not two words anywhere
}

TEST_CASE("e2e films: title:, cast:, genre: and year: reach reviews through the catalogue", "[e2e][entities]") {
  const FilmsDb& f = films_db();
  if (!f.ready) return;
  // Reviews of Cinema Paradiso (10001) that never name it.
  auto english = f.search("title:\"Cinema Paradiso\"");
  CHECK(ids(english) == std::set<std::string>{"ko-3", "ko-4"});
  CHECK(ids(f.search("title:\"시네마 천국\"")) == ids(english));
  CHECK(english["hits"][0]["film"]["title"] == "시네마 천국");
  CHECK(english["hits"][0]["film"]["year"] == 1988);
  // cast: is the films he is in, not the passages that name him.
  CHECK(ids(f.search("cast:\"Bruce Willis\"")) == std::set<std::string>{"ko-1", "ko-2"});
  CHECK(ids(f.search("cast:브루스윌리스")) == std::set<std::string>{"ko-1", "ko-2"});
  CHECK(ids(f.search("cast:\"Bruce Willis\" 액션")) == std::set<std::string>{"ko-2"});
  CHECK(ids(f.search("genre:드라마 year:1988")) == std::set<std::string>{"ko-3", "ko-4"});
  CHECK(ids(f.search("year:1990")) == std::set<std::string>{"ko-2"});
  auto facets = search_json(f.db, {"--facets", "genre,year", "cast:\"Bruce Willis\""})["facets"];
  CHECK(facets["year"].size() == 2);
  CHECK(facets["genre"][0]["value"] == "액션");
  // The film facet names each film by its title, keyed by its movie id.
  auto films = search_json(f.db, {"--facets", "film", "cast:\"Bruce Willis\""})["facets"]["film"];
  REQUIRE(!films.empty());
  for (const auto& film : films) {
    CHECK(!film["key"].get<std::string>().empty());
    CHECK(film["value"] != film["key"]);
  }
  CHECK(f.search("cast:\"Zelda Quimby\"")["notices"].size() == 1);
  CHECK(run_revsearch({"search", "--db", f.db, "year:19x8"}).status == 2);
}

TEST_CASE("e2e films: a bad catalogue line is named and skipped, the rest kept", "[e2e][entities]") {
  TempDir dir;
  write_file(dir / "films/movies.tsv", "movie\ttitle\ttitle_eng\tyear\tgrade\n7\t테스트 영화\tTest Film , 2001\t2001\tx\nbad\n");
  write_file(dir / "films/people.tsv", "people\tkorean\toriginal\n");
  write_file(dir / "reviews.jsonl", R"({"id": "r1", "movie_id": "7", "text": "좋은 영화"})" "\n");
  RunResult r = run_revsearch({"index", "--db", dir / "db", "--catalog", dir / "films", dir / "reviews.jsonl"});
  CHECK(r.status == 0);
  CHECK(r.err.find("movies.tsv:3: expected 3 fields, found 1; line skipped") != std::string::npos);
  CHECK(r.out.find("catalogue films:      1 (1 catalogue lines skipped)") != std::string::npos);
  CHECK(ids(search_json(dir / "db", {"title:\"Test Film\""})) == std::set<std::string>{"r1"});
  // Without a catalogue, cast: says so and finds nothing.
  write_file(dir / "plain.jsonl", R"({"id": "p1", "text": "좋은 영화"})" "\n");
  REQUIRE(run_revsearch({"index", "--db", dir / "plain", dir / "plain.jsonl"}).status == 0);
  auto none = search_json(dir / "plain", {"cast:\"Bruce Willis\""});
  CHECK(none["hits"].empty());
  CHECK(none["notices"][0].get<std::string>().find("needs a film catalogue") != std::string::npos);
  CHECK(run_revsearch({"index", "--db", dir / "x", "--catalog", dir / "nowhere", dir / "plain.jsonl"}).status == 2);
}

TEST_CASE("e2e films: a name written with inner punctuation ranks above words that share its letters",
          "[e2e][entities]") {
  TempDir dir;
  write_file(dir / "r.jsonl",
             R"({"id": "zea-mays", "lang": "en", "text": "Zea is a genus of grasses; zea mays is the best known zea."})"
             "\n"
             R"({"id": "maize", "lang": "en", "text": "The field was planted with zea mays, which people call corn."})"
             "\n"
             R"({"id": "group", "lang": "en", "text": "Costarring alongside her was ZE:A's Park Hyung Sik, charming."})"
             "\n");
  REQUIRE(run_revsearch({"index", "--db", dir / "db", dir / "r.jsonl"}).status == 0);
  auto hits = search_json(dir / "db", {"ze:a"})["hits"];
  REQUIRE(hits.size() == 3);  // the letters still match
  CHECK(hits[0]["review_id"] == "group");
  CHECK(search_json(dir / "db", {"zea"})["hits"][0]["review_id"] != "group");
}
