// Passage splitting: paragraphs, sentence-boundary cuts, duplicates,
// language tags and boilerplate marks.
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <set>

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

// Issue 18: passages a reader would quote. Each row: input text -> the
// passages, in order (target 12 words per window, 1,500-byte limit).
TEST_CASE("passage splitting: paragraphs where the text has them, sentence windows where not", "[passages]") {
  revsearch::analysis::Analyzer analyzer;
  PassageSplitter splitter(analyzer, 1500, 12);
  struct Row {
    const char* what;
    std::string text;
    std::vector<std::string> passages;
  };
  std::vector<Row> rows = {
      {"blank lines separate paragraphs", "First paragraph, first line.\nStill the first.\n\n\nSecond paragraph.\n",
       {"First paragraph, first line.\nStill the first.", "Second paragraph."}},
      {"a paragraph a line (several sentences each) stays as it is",
       "One here. Two here. Three.\nFour here. Five here.\nSix here. Seven.",
       {"One here. Two here. Three.", "Four here. Five here.", "Six here. Seven."}},
      {"indented lines start paragraphs",
       "  The first paragraph starts here\nand goes on here.\n  The second starts\nand ends here.",
       {"The first paragraph starts here and goes on here.", "The second starts and ends here."}},
      {"<br><br> and <p> are paragraph breaks",
       "Great film.<br><br>Bad ending.<P>The music was fine.</p><p class=\"x\">Last words.",
       {"Great film.", "Bad ending.", "The music was fine.", "Last words."}},
      {"a sentence a line: whole lines grouped into windows of about the target",
       "it is one .\nit is two .\nit is three .\nit is four .\nit is five .\nit is six .\n",
       {"it is one .\nit is two .\nit is three .", "it is four .\nit is five .\nit is six ."}},
      {"hard-wrapped lines are joined into one paragraph",
       "The film opens on a quiet street where nothing seems to\nhappen for a long while. Then the music starts and the\n"
       "camera finally moves towards the house at the end of the\nroad.",
       {"The film opens on a quiet street where nothing seems to happen for a long while. Then the music starts and "
        "the camera finally moves towards the house at the end of the road."}},
      {"a short tail joins the window before it",
       "one two three four five six seven eight nine .\nten two three four five six seven eight nine .\n"
       "eleven two three four five six seven eight nine .\nthe end .\n",
       {"one two three four five six seven eight nine .", "ten two three four five six seven eight nine .",
        "eleven two three four five six seven eight nine .\nthe end ."}},
      {"a site line among sentence lines stays on its own",
       "it is one .\nit is two .\nwas this review helpful ?\nit is three .\n",
       {"it is one .\nit is two .", "was this review helpful ?", "it is three ."}},
      {"one line, one passage", "Just one short line.", {"Just one short line."}},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    Review review;
    review.id = "r";
    review.text = row.text;
    std::vector<std::string> got;
    for (const Passage& p : splitter.split(review).passages) got.push_back(p.text);
    CHECK(got == row.passages);
  }
}

TEST_CASE("one long block is cut into windows of whole sentences near the target size", "[passages]") {
  revsearch::analysis::Analyzer analyzer;
  PassageSplitter splitter(analyzer, 400, 30);
  Review review;
  review.id = "block";
  for (int i = 0; i < 30; ++i) review.text += "Sentence " + std::to_string(i) + " has exactly six words. ";
  SplitReview split = splitter.split(review);
  REQUIRE(split.passages.size() == 6);  // 180 words / 30
  for (const Passage& p : split.passages) {
    CHECK(p.text.rfind("Sentence ", 0) == 0);
    CHECK(p.text.back() == '.');
    CHECK(p.text.size() <= 400);
  }
}

TEST_CASE("a polarity review (a sentence a line) becomes a few windows, no line cut", "[passages]") {
  std::string path = revsearch::test::shared_data("english/polarity-v2.0-movie-reviews.zip");
  std::string command = "unzip -p '" + path + "' movie_reviews/neg/cv000_29416.txt 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string text;
  char buf[4096];
  while (pipe && std::fgets(buf, sizeof buf, pipe.get())) text += buf;
  if (text.empty()) {
    WARN("../shared/data or unzip missing: skipped");
    return;
  }
  revsearch::analysis::Analyzer analyzer;
  PassageSplitter splitter(analyzer);
  Review review;
  review.id = "neg/cv000_29416";
  review.text = text;
  SplitReview split = splitter.split(review);
  CHECK(split.passages.size() >= 4);
  CHECK(split.passages.size() <= 12);
  auto trimmed = [](std::string line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    return line;
  };
  std::set<std::string> lines;
  for (const std::string& line : revsearch::test::lines_of(text)) lines.insert(trimmed(line));
  for (const Passage& p : split.passages) {
    for (const std::string& line : revsearch::test::lines_of(p.text)) CHECK(lines.count(trimmed(line)) == 1);
  }
}
