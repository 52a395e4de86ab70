// The stored record of a passage: what goes in comes out, nothing empty is
// stored, and anything else (damage, an older JSON record) is refused.
#include <catch2/catch.hpp>

#include "revsearch/passage_record.h"

using revsearch::PassageRecord;

TEST_CASE("passage record: round trip", "[record]") {
  PassageRecord r;
  r.passage = 7;
  r.text = "Han So-Hee 한소희가 예뻐요 #1";
  r.title = "Soundtrack #1";
  r.lang = "en";
  r.boilerplate = true;
  r.source_file = revsearch::source_key("corpus/soundtrack-1.txt");
  r.source_line = 123456789012ull;
  r.date = "22.03.23";
  r.movie_id = "10001";
  r.sentiment_label = "mixed";
  r.actors = {"Han So-Hee", "Park Hyung-Sik"};
  r.characters = {"Eun Soo"};
  r.titles = {"Soundtrack #1"};
  r.opinions = {{"han-so-hui", "negative", 0, 10, -0.5}, {"given:so-hui", "positive", 11, 20, 0.25}};
  std::optional<PassageRecord> back = PassageRecord::decode(r.encode());
  REQUIRE(back);
  CHECK(back->opinions == r.opinions);
  CHECK(back->passage == 7);
  CHECK(back->text == r.text);
  CHECK(back->title == r.title);
  CHECK(back->lang == "en");
  CHECK(back->boilerplate);
  CHECK(back->source_file == r.source_file);
  CHECK(back->source_line == r.source_line);
  CHECK(back->date == r.date);
  CHECK(back->movie_id == r.movie_id);
  CHECK(back->sentiment_label == "mixed");
  CHECK(back->actors == r.actors);
  CHECK(back->characters == r.characters);
  CHECK(back->titles == r.titles);
}

TEST_CASE("passage record: a short review costs little more than its text", "[record]") {
  PassageRecord r;
  r.passage = 1;
  r.text = "재밌어요";
  r.lang = "ko";
  r.sentiment_label = "positive";
  r.source_file = revsearch::source_key("nsmc.jsonl.gz");
  r.source_line = 712404;
  std::string bytes = r.encode();
  CHECK(bytes.size() <= r.text.size() + 20);
  std::optional<PassageRecord> back = PassageRecord::decode(bytes);
  REQUIRE(back);
  CHECK(back->text == "재밌어요");
  CHECK(back->title.empty());
  CHECK(back->actors.empty());
  CHECK(!back->boilerplate);
}

TEST_CASE("passage record: compact text and ratings come back exactly", "[record]") {
  // Text in BOCU-1: any Unicode (Hangul, jamo, CJK, emoji, controls) comes
  // back byte for byte, and Hangul takes two bytes a syllable, not three.
  const std::string hangul = "난니 모레티 감독 영화는 다 찾아봤는데..가장 별로인 영화다..";
  for (const std::string& text :
       {hangul, std::string("ㅋㅋㅋ ᄒᄒ 韓國 \xF0\x9F\x98\x80\xF0\x9F\x8E\xAC 최고!\t\"quoted\"\n"), std::string("plain ASCII, 1 byte")}) {
    PassageRecord r;
    r.passage = 1;
    r.text = text;
    std::optional<PassageRecord> back = PassageRecord::decode(r.encode());
    REQUIRE(back);
    CHECK(back->text == text);
  }
  PassageRecord korean;
  korean.passage = 1;
  korean.text = hangul;
  CHECK(korean.encode().size() + 12 < hangul.size());  // 26 syllables: 26 bytes saved
  // Not valid UTF-8 (never from the readers, which check it): stored as is.
  PassageRecord bad;
  bad.passage = 1;
  bad.text = "caf\xE9 \xED\xA0\x80";
  std::optional<PassageRecord> back_bad = PassageRecord::decode(bad.encode());
  REQUIRE(back_bad);
  CHECK(back_bad->text == bad.text);
  // Ratings: tenths when exact (one byte), any other double as it is.
  for (double rating : {0.0, 1.0, 4.5, 7.3, 10.0, 0.123456789, 1e9, -2.0}) {
    PassageRecord r;
    r.passage = 1;
    r.rating = rating;
    r.sentiment = -0.7716930705602312;
    std::optional<PassageRecord> back = PassageRecord::decode(r.encode());
    REQUIRE(back);
    CHECK(back->rating == rating);
    CHECK(back->sentiment == -0.7716930705602312);
  }
  PassageRecord ten;
  ten.passage = 1;
  ten.rating = 10.0;
  PassageRecord odd = ten;
  odd.rating = 0.123456789;
  CHECK(ten.encode().size() + 6 <= odd.encode().size());  // 1 byte instead of 8 (the mask may grow by 1)
}

TEST_CASE("passage record: damage and older formats are refused", "[record]") {
  PassageRecord r;
  r.passage = 2;
  r.text = "lacklustre";
  r.actors = {"Han So-Hee"};
  std::string bytes = r.encode();
  CHECK(!PassageRecord::decode(""));
  CHECK(!PassageRecord::decode(R"({"review_id":"a","passage":1,"text":"x"})"));  // format 1 was JSON
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK(!PassageRecord::decode(bytes.substr(0, cut)));
  }
  CHECK(!PassageRecord::decode(bytes + "x"));
  std::string huge_length = bytes.substr(0, 3) + "\xff\xff\xff\xff\x0f";
  CHECK(!PassageRecord::decode(huge_length));
}

TEST_CASE("source keys name a file by its path", "[record]") {
  CHECK(revsearch::source_key("a.jsonl") != revsearch::source_key("b.jsonl"));
  CHECK(revsearch::source_key("") != 0);
  CHECK(revsearch::source_metadata_key(0x1234abcd) == "revsearch.source:1234abcd");
}

TEST_CASE("passage record: an opinion must lie inside the text", "[record]") {
  PassageRecord r;
  r.passage = 1;
  r.text = "short";
  r.opinions = {{"han-so-hui", "negative", 2, 40, -0.9}};  // a span past the text: damage
  CHECK_FALSE(PassageRecord::decode(r.encode()));
  r.opinions = {{"han-so-hui", "negative", 0, 5, -0.9}};
  auto back = PassageRecord::decode(r.encode());
  REQUIRE(back);
  CHECK(back->opinions[0].score == Approx(-0.9));
}
