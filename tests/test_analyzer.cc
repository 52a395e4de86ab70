// Analyzer: input text -> tokens in describe() form ("text>stem[pos]",
// '+' joined compound, '~' stop word).
#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/utf8.h"
#include "support.h"

using revsearch::analysis::Analyzer;
using revsearch::analysis::describe;

TEST_CASE("analyzer table: English, Korean, mixed and dirty text", "[analysis]") {
  Analyzer analyzer;
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"lacklustre", "lacklustre>lacklustr[0]"},
      {"Performances", "performances>perform[0]"},
      {"The  WORLD", "~the[0] world[1]"},
      {"writer’s block", "writer[0] block[1]"},
      {"Hyung-Sik’s", "hyung[0] sik[1] +hyungsik[0]"},
      {"K-drama", "k[0] drama[1] +kdrama[0]"},
      {"ZE:A", "ze[0] ~a[1] +zea[0]"},
      {"Soundtrack#1", "soundtrack[0] #1[1]"},
      {"‘ Soundtrack #1’", "soundtrack[0] #1[1]"},
      {"ＦＵＬＬ width", "full[0] width[1]"},
      {"친구에서 연인이", "친구에서>친구[0] 연인이>연인[1]"},
      {"별보다 평가", "별보다>별[0] 평가[1]"},
      {"", ""},
      {"!!! ... ???", ""},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(describe(analyzer.analyze(c.input)) == c.expected);
  }
}

TEST_CASE("Soundtrack#1 and Soundtrack #1 analyse to the same terms", "[analysis]") {
  Analyzer analyzer;
  auto terms = [&](const char* text) {
    std::vector<std::string> out;
    for (const auto& t : analyzer.analyze(text)) out.push_back(t.search_form());
    return out;
  };
  CHECK(terms("Soundtrack#1") == terms("Soundtrack #1"));
  CHECK(terms("‘ Soundtrack #1’") == terms("soundtrack #1"));
}

TEST_CASE("token offsets point at the original text", "[analysis]") {
  Analyzer analyzer;
  std::string text = "Han So-Hee’s “이젠 친구에서” performance";
  for (const auto& token : analyzer.analyze(text)) {
    std::string surface = text.substr(token.begin, token.end - token.begin);
    INFO(token.text << " from '" << surface << "'");
    CHECK(revsearch::utf8::is_valid(surface));
    CHECK(!surface.empty());
  }
}

TEST_CASE("fold collapses case, width, quotes and spaces", "[analysis]") {
  Analyzer analyzer;
  CHECK(analyzer.fold("  Han   So-Hee’s\tＳＯＵＮＤ ") == "han so-hee's sound");
}

TEST_CASE("thousands of random and real lines never crash and give valid UTF-8 terms", "[analysis][robustness]") {
  Analyzer analyzer;
  std::mt19937 rng(12345);
  std::vector<std::string> lines = revsearch::test::lines_of(revsearch::test::read_file(revsearch::test::seed_review()));
  std::ifstream nsmc(revsearch::test::source_path("corpus/nsmc-sample.jsonl"));
  for (std::string line; std::getline(nsmc, line) && lines.size() < 3000;) lines.push_back(line);
  // Random code points from the scripts reviews mix, plus controls.
  const char32_t ranges[][2] = {{0x20, 0x7E}, {0xAC00, 0xD7A3}, {0x3130, 0x318F}, {0x2000, 0x206F},
                                {0xFF00, 0xFFEF}, {0x1F300, 0x1F6FF}, {0x0300, 0x036F}, {0x1, 0x1F}};
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) {
      const auto& r = ranges[rng() % std::size(ranges)];
      revsearch::utf8::append(s, r[0] + static_cast<char32_t>(rng() % (r[1] - r[0] + 1)));
    }
    lines.push_back(s);
  }
  std::size_t tokens = 0;
  for (const std::string& line : lines) {
    for (const auto& token : analyzer.analyze(line)) {
      ++tokens;
      REQUIRE(revsearch::utf8::is_valid(token.text));
      REQUIRE(revsearch::utf8::is_valid(token.search_form()));
      REQUIRE(!token.text.empty());
      REQUIRE(token.end <= line.size());
    }
  }
  CHECK(tokens > 10000);
}

TEST_CASE("analyzer: words() gives analyze()'s words and positions, without stems", "[analysis]") {
  revsearch::analysis::Analyzer analyzer;
  for (std::string text : {"ZE:A's Park Hyung-Sik in the K-drama, Soundtrack#1 — very very good!",
                           "뻔한스토리지만 배우들 연기는 최고의 영화 ㅋㅋㅋ", "Ｓｔａｒ Wars' fans' café, 10/10 #1"}) {
    INFO(text);
    auto full = analyzer.analyze(text);
    auto plain = analyzer.words(text);
    REQUIRE(plain.size() == full.size());
    for (std::size_t i = 0; i < full.size(); ++i) {
      CHECK(plain[i].text == full[i].text);
      CHECK(plain[i].position == full[i].position);
      CHECK(plain[i].compound == full[i].compound);
      CHECK(plain[i].stem.empty());
    }
  }
}
