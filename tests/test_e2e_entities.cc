// End to end (issue 5): actor:, character:, title: and facets on the seed
// review, with the exact passages expected for each query (by first words).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "e2e_support.h"

using namespace revsearch::test;

namespace {

const std::string& seed_db() { return shared_database("seed", {seed_review()}); }

// Every matching passage, not one per review: the tests list exact passage sets.
nlohmann::json search(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"--limit", "100", "--all-passages"};
  args.insert(args.end(), extra.begin(), extra.end());
  return search_json(seed_db(), args);
}

std::string first_words(const std::string& text, int n = 8) {
  std::istringstream in(text);
  std::string word, out;
  for (int i = 0; i < n && in >> word; ++i) out += (out.empty() ? "" : " ") + word;
  return out;
}

// The seed's passages, by their first eight words.
const std::string P2 = "The narrative of \u2018 Soundtrack#1\u2019 focuses upon two";
const std::string P3 = "Thankfully Eun Soo has found comfort and support";
const std::string P6 = "Nevertheless it is hard to deny that despite";  // "... the lighthearted angst"
const std::string P7 = "Then of course there\u2019s the discussion surrounding casting";
const std::string P8 = "Nevertheless it is hard to deny that despite";  // "... Han So-Hee’s talents"
const std::string P9 = "Costarring alongside actress Han So-Hee was ZE:A\u2019s Park";
const std::string P10 = "Then of course there\u2019s the discussion surrounding Hyung-Sik";
const std::string P12 = "Of course, it naturally enforced the narrative to";
const std::string P13 = "Although there were supporting characters within the series";
const std::string P14 = "On the other hand while a restricted time";
const std::string P16 = "Slick editing and glossy gradients helped to animate";

std::multiset<std::string> passages(const nlohmann::json& hits, std::size_t from = 0, std::size_t to = 1000) {
  std::multiset<std::string> out;
  for (std::size_t i = from; i < std::min(to, hits.size()); ++i) out.insert(first_words(hits[i]["text"]));
  return out;
}

}  // namespace

TEST_CASE("e2e entities: Han So-hee in every spelling, direct mentions first", "[e2e][entities]") {
  const std::multiset<std::string> direct = {P2, P6, P7, P8, P9, P10, P12};
  const std::multiset<std::string> via_character = {P3, P14, P16};  // Eun Soo only
  for (std::string q : {"actor:\"Han So-hee\"", "actor:한소희", "actor:\"han sohee\""}) {
    INFO(q);
    auto hits = search({q})["hits"];
    REQUIRE(hits.size() == direct.size() + via_character.size());
    CHECK(passages(hits, 0, direct.size()) == direct);
    CHECK(passages(hits, direct.size()) == via_character);
    for (std::size_t i = 0; i < direct.size(); ++i) {
      auto actors = hits[i]["actors"];
      CHECK(std::find(actors.begin(), actors.end(), "Han So-hee") != actors.end());
    }
    for (std::size_t i = direct.size(); i < hits.size(); ++i) {
      auto characters = hits[i]["characters"];
      CHECK(std::find(characters.begin(), characters.end(), "Lee Eun Soo") != characters.end());
    }
  }
}

TEST_CASE("e2e entities: Park Hyung-sik by full name, Hangul and given name", "[e2e][entities]") {
  const std::multiset<std::string> direct = {P3, P9, P10};
  const std::multiset<std::string> via_character = {P6, P12, P13, P14, P16};  // Sun Woo only
  for (std::string q : {"actor:\"Park Hyung-sik\"", "actor:박형식", "actor:\"Hyung Sik\""}) {
    INFO(q);
    auto hits = search({q})["hits"];
    REQUIRE(hits.size() == direct.size() + via_character.size());
    CHECK(passages(hits, 0, direct.size()) == direct);
    CHECK(passages(hits, direct.size()) == via_character);
  }
}

TEST_CASE("e2e entities: characters are not actors", "[e2e][entities]") {
  CHECK(passages(search({"character:\"Eun Soo\""})["hits"]) == std::multiset<std::string>{P2, P3, P7, P14, P16});
  CHECK(passages(search({"character:\"Lee Eun Soo\""})["hits"]) ==
        std::multiset<std::string>{P2, P3, P7, P14, P16});
  CHECK(passages(search({"character:\"Sun Woo\""})["hits"]) ==
        std::multiset<std::string>{P3, P6, P9, P12, P13, P14, P16});
  // A character's name is no actor.
  CHECK(search({"actor:\"Eun Soo\""})["hits"].empty());
  // A full name nobody lists is matched as written, and said to be unknown:
  // the hits write "Han Sun Woo", and none names him as an actor.
  auto unknown = search({"actor:\"Han Sun Woo\""});
  REQUIRE(unknown["notices"].size() == 1);
  CHECK(unknown["notices"][0].get<std::string>().find("not a known person") != std::string::npos);
  for (const auto& hit : unknown["hits"]) {
    CHECK(hit["text"].get<std::string>().find("Han Sun Woo") != std::string::npos);
    CHECK(hit["actors"].dump().find("Han Sun Woo") == std::string::npos);
  }
}

TEST_CASE("e2e entities: title spellings give identical results", "[e2e][entities]") {
  auto spaced = search({"title:\"soundtrack #1\""})["hits"];
  auto joined = search({"title:\"Soundtrack#1\""})["hits"];
  auto bare = search({"title:Soundtrack#1"})["hits"];
  CHECK(spaced.size() == 19);  // every review passage (own title), boilerplate excluded
  CHECK(passages(spaced) == passages(joined));
  CHECK(passages(spaced) == passages(bare));
  CHECK(passages(search({"title:\"My Name\""})["hits"]) == std::multiset<std::string>{P2, P7});
  CHECK(search({"title:Vincenzo"})["hits"].size() == 2);
}

TEST_CASE("e2e entities: facets and the entities listing", "[e2e][entities]") {
  auto result = search({"--facets", "actor,title", "actor:\"Han So-hee\""});
  auto actors = result["facets"]["actor"];
  REQUIRE(actors.size() >= 2);
  CHECK(actors[0]["value"] == "Han So-hee");
  CHECK(actors[0]["count"] == 7);
  CHECK(actors[1]["value"] == "Park Hyung-sik");
  CHECK(result["facets"]["title"][0]["value"] == "Soundtrack #1");
  CHECK(result["facets"]["title"][0]["count"] == 10);

  RunResult r = run_revsearch({"entities", "--db", seed_db(), "--json"});
  REQUIRE(r.status == 0);
  auto listing = nlohmann::json::parse(r.out);
  CHECK(listing["actor"][0]["name"] == "Han So-hee");
  CHECK(listing["actor"][0]["passages"] == 7);
  bool linked = false;
  for (const auto& c : listing["character"]) {
    if (c["key"] == "i-eun-su") linked = c["played_by"][0]["actor"] == "Han So-hee";
  }
  CHECK(linked);
  CHECK(run_revsearch({"search", "--db", seed_db(), "--facets", "producer", "x"}).status == 2);
  // A name nobody lists is no syntax error: matched as written, with a note.
  RunResult unknown = run_revsearch({"search", "--db", seed_db(), "actor:\"Zelda Quimby\""});
  CHECK(unknown.status == 0);
  CHECK(unknown.out.find("'Zelda Quimby' is not a known person") != std::string::npos);
}

TEST_CASE("e2e entities: one actor across English and Korean reviews", "[e2e][entities]") {
  TempDir dir;
  std::string db = dir / "db";
  REQUIRE(run_revsearch({"index", "--db", db, seed_review(), source_path("corpus/nsmc-sample.jsonl")}).status == 0);
  auto reviews = [&](const std::string& q) {
    RunResult r = run_revsearch({"search", "--db", db, "--json", "--limit", "100", "--all-passages", q});
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::multiset<std::string> out;
    const nlohmann::json result = nlohmann::json::parse(r.out);  // outlives the loop
    for (const auto& hit : result["hits"]) {
      out.insert(hit["review_id"].get<std::string>() + "#" + std::to_string(hit["passage"].get<int>()));
    }
    return out;
  };
  // "Seo In Guk" in the English seed, 서인국 in two Korean reviews.
  const std::multiset<std::string> seo = {"soundtrack-1#13", "nsmc-9416382#1", "nsmc-9004483#1"};
  CHECK(reviews("actor:\"Seo In-guk\"") == seo);
  CHECK(reviews("actor:서인국") == seo);
  CHECK(reviews("actor:\"seo inguk\"") == seo);
  // Curated romanisation reaches Hangul-only reviews.
  const std::multiset<std::string> ha = {"nsmc-10274939#1", "nsmc-10175962#1"};
  CHECK(reviews("actor:\"Ha Jung-woo\"") == ha);
  CHECK(reviews("actor:하정우") == ha);
}

TEST_CASE("e2e entities: display names survive sharding", "[e2e][entities][bulk]") {
  // Names are written to shard 0's metadata; a sharded search reads them there.
  TempDir dir;
  const std::string db = dir / "sharded";
  RunResult r = run_revsearch({"index", "--db", db, "--shards", "3", seed_review()});
  REQUIRE(r.status == 0);
  auto result = search_json(db, {"--facets", "actor", "actor:\"Park Hyung-sik\""});
  auto actors = result["facets"]["actor"];
  REQUIRE(!actors.empty());
  bool found = false;
  for (const auto& actor : actors) {
    CHECK(actor["value"] != actor["key"]);  // a display name, not the bare key
    if (actor["key"] == "bak-hyeong-sik") found = actor["value"] == "Park Hyung-sik";
  }
  CHECK(found);
}
