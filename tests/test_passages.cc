// Passage splitting: paragraphs, sentence-boundary cuts, duplicates,
// language tags and boilerplate marks.
#include <catch2/catch.hpp>

#include "revsearch/indexer/passages.h"
#include "revsearch/indexer/readers.h"
#include "support.h"

using namespace revsearch::indexer;

TEST_CASE("the seed review: repeated body collapsed, Romanian boilerplate tagged", "[passages]") {
  struct One : RecordSink {
    Review r;
    void review(Review&& review) override { r = std::move(review); }
    void skip(Skip&&) override {}
  } sink;
  read_file(revsearch::test::seed_review(), "seed", "seed", {}, sink);
  revsearch::analysis::Analyzer analyzer;
  PassageSplitter splitter(analyzer);
  SplitReview split = splitter.split(sink.r);
  CHECK(split.duplicates == 18);
  REQUIRE(split.passages.size() == 20);
  CHECK(split.main_languages == std::vector<std::string>{"en"});
  const Passage& last = split.passages.back();
  CHECK(last.text == "Considerați utilă această recenzie?");
  CHECK(last.lang == "ro");
  CHECK(last.boilerplate);
  for (std::size_t i = 0; i + 1 < split.passages.size(); ++i) {
    CHECK(split.passages[i].number == i + 1);
    CHECK_FALSE(split.passages[i].boilerplate);
    CHECK(split.passages[i].lang == "en");
  }
}

TEST_CASE("long paragraphs are cut at sentence boundaries", "[passages]") {
  revsearch::analysis::Analyzer analyzer;
  PassageSplitter splitter(analyzer, 200);
  Review review;
  review.id = "long";
  for (int i = 0; i < 20; ++i) review.text += "This is sentence number " + std::to_string(i) + " of a long paragraph. ";
  review.text += "\n" + std::string(900, 'z');  // one "word" with no boundary at all
  SplitReview split = splitter.split(review);
  REQUIRE(split.passages.size() > 5);
  for (const Passage& p : split.passages) {
    CHECK(p.text.size() <= 200);
    CHECK(!p.text.empty());
  }
  CHECK(split.passages.front().text.rfind("This is sentence number 0", 0) == 0);
  CHECK(split.passages.front().text.back() == '.');
}

TEST_CASE("a one-passage review is never boilerplate", "[passages]") {
  revsearch::analysis::Analyzer analyzer;
  PassageSplitter splitter(analyzer);
  Review review;
  review.id = "short";
  review.lang = "ko";
  review.text = "good movie";
  SplitReview split = splitter.split(review);
  REQUIRE(split.passages.size() == 1);
  CHECK_FALSE(split.passages[0].boilerplate);
}
