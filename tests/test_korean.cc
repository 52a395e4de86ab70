// Korean analysis (issue 4): stems, bigrams and 초성 in tables; the lexicon
// and its generator.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdlib>
#include <random>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/korean.h"
#include "revsearch/schema.h"
#include "revsearch/utf8.h"
#include "support.h"

using revsearch::analysis::Analyzer;
using revsearch::analysis::describe;

TEST_CASE("Korean table: particles, endings, irregulars, chat text", "[analysis][korean]") {
  Analyzer analyzer;
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      // The seed review's Hangul song titles.
      {"“이젠 친구에서 연인이 되고 싶어”", "이젠>이제[0] 친구에서>친구[1] 연인이>연인[2] 되고>되다[3] 싶어>싶다[4]"},
      {"우린 어떠한 별보다 빛날 거야", "우린>우리[0] 어떠한[1] 별보다>별[2] 빛날>빛나다[3] 거야>거[4]"},
      {"너만 예뻐", "너만>너[0] 예뻐>예쁘다[1]"},
      // 예뻐 / 예쁘다 / 예쁜 and the 빛나다 family share their stem.
      {"예쁘다 예쁜 예뻤다", "예쁘다[0] 예쁜>예쁘다[1] 예뻤다>예쁘다[2]"},
      {"빛나다 빛나는 빛났던", "빛나다[0] 빛나는>빛나다[1] 빛났던>빛나다[2]"},
      // Contractions and irregular verbs.
      {"했다 봤는데 갔다", "했다>하다[0] 봤는데>보다[1] 갔다>가다[2]"},
      {"아름다운 귀여워 몰라", "아름다운>아름답다[0] 귀여워>귀엽다[1] 몰라>모르다[2]"},
      // Noun + 하다 is a predicate of its own; the copula keeps the noun;
      // suffixes stay when the rest is not a known word.
      {"추천한다 추천합니다 영화다", "추천한다>추천하다[0] 추천합니다>추천하다[1] 영화다>영화[2]"},
      {"수준 수준이 평가 바다", "수준[0] 수준이>수준[1] 평가[2] 바다[3]"},
      {"한소희가", "한소희가>한소희[0]"},
      // Chat text: NFKC makes compatibility jamo conjoining; repeats collapse.
      {"재밌었어요!! ㅋㅋㅋㅋ ㅠㅠ", "재밌었어요>재밌다[0] ᄏᄏᄏᄏ>ᄏᄏ[1] ᅲᅲ[2]"},
      {"재밌었어요ㅋㅋ", "재밌었어요>재밌다[0] ᄏᄏ[1]"},  // ICU splits them
      // NSMC lines, mixed with English and numbers.
      {"이영화는 말이 필요없다", "이영화는>이영화[0] 말이>말[1] 필요없다[2]"},
      {"Soundtrack #1 너무 좋아요", "soundtrack[0] #1[1] 너무[2] 좋아요>좋다[3]"},
      {"ＫＢＳ 드라마 K-drama", "kbs[0] 드라마[1] k[2] drama[3] +kdrama[2]"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(describe(analyzer.analyze(c.input)) == c.expected);
  }
}

TEST_CASE("Korean pipelines: --lang en leaves Hangul alone, ko leaves Latin unstemmed", "[analysis][korean]") {
  Analyzer english(revsearch::analysis::Pipeline::kEnglish);
  Analyzer korean(revsearch::analysis::Pipeline::kKorean);
  CHECK(describe(english.analyze("친구에서 performances")) == "친구에서[0] performances>perform[1]");
  CHECK(describe(korean.analyze("친구에서 performances the")) == "친구에서>친구[0] performances[1] the[2]");
}

TEST_CASE("Hangul bigrams and 초성 keys", "[analysis][korean]") {
  Analyzer analyzer;
  using V = std::vector<std::string>;
  CHECK(revsearch::analysis::hangul_bigrams("추천한다") == V{"추천", "천한", "한다"});
  CHECK(revsearch::analysis::hangul_bigrams("별") == V{});
  CHECK(revsearch::analysis::hangul_bigrams("3시간") == V{"시간"});
  auto tokens = analyzer.analyze("너무재밓었다그래서보는것을추천한다 한소희가 예뻐");
  REQUIRE(tokens.size() == 3);
  auto bigrams = revsearch::analysis::token_bigrams(tokens[0]);
  CHECK(std::count(bigrams.begin(), bigrams.end(), "추천") == 1);
  CHECK(revsearch::analysis::token_initials(tokens[1]) == "ᄒᄉᄒ");  // of the stem 한소희
  CHECK(revsearch::analysis::token_initials(tokens[2]) == "ᄋᄈ");   // of the stem root 예쁘
  CHECK(revsearch::analysis::bigram_root(tokens[2]) == "예쁘");
  CHECK(revsearch::analysis::initials_query("ㅎㅅㅎ") == "ᄒᄉᄒ");
  CHECK(revsearch::analysis::initials_query("ᄒᄉᄒ") == "ᄒᄉᄒ");
  CHECK(revsearch::analysis::initials_query("ㅎ ㅅ ㅎ") == "ᄒᄉᄒ");
  CHECK(revsearch::analysis::initials_query("한소희").empty());
  CHECK(revsearch::analysis::initials_query("ㅠㅠ").empty());
  CHECK(revsearch::analysis::initials_query("ㄳ").empty());
  // English words get none of these.
  for (const auto& t : analyzer.analyze("Han So-Hee")) {
    CHECK(revsearch::analysis::token_bigrams(t).empty());
    CHECK(revsearch::analysis::token_initials(t).empty());
  }
}

TEST_CASE("a bare 하다 root names its predicate for queries", "[analysis][korean]") {
  Analyzer analyzer;
  auto predicate_of = [&](const char* word) {
    auto tokens = analyzer.analyze(word);
    REQUIRE(tokens.size() == 1);
    return revsearch::analysis::hada_root_predicate(tokens[0]);
  };
  CHECK(predicate_of("발랄") == "발랄하다");
  // The index side agrees: 발랄한 is stored under that predicate.
  CHECK(analyzer.analyze("발랄한")[0].search_form() == "발랄하다");
  CHECK(predicate_of("추천") == "추천하다");  // a known noun: 추천하는 is indexed as 추천하다
  CHECK(predicate_of("발랄한").empty());  // already stemmed
  CHECK(predicate_of("별").empty());      // one syllable
  CHECK(predicate_of("soundtrack").empty());
}

TEST_CASE("the lexicon generator still works on the bundled NSMC sample", "[analysis][korean][generator]") {
  if (std::system("python3 --version >/dev/null 2>&1") != 0) {
    WARN("python3 not found: generator not checked");
    return;
  }
  revsearch::test::TempDir dir;
  std::string out = dir / "lexicon.tsv";
  std::string command = "python3 " + revsearch::test::shell_quote(revsearch::test::source_path("analysis/data/make_korean_lexicon.py")) +
                        " " + revsearch::test::shell_quote(revsearch::test::source_path("corpus/nsmc-sample.jsonl")) + " " +
                        revsearch::test::shell_quote(out) + " --min-count 2 2>/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  std::string tsv = revsearch::test::read_file(out);
  CHECK(tsv.find("\nN\t영화\t") != std::string::npos);
  CHECK(tsv.find("\nV\t재밌\t") != std::string::npos);
  CHECK(tsv.find("\nV\t있\t") != std::string::npos);
  for (const std::string& line : revsearch::test::lines_of(tsv)) {
    if (line.empty() || line[0] == '#') continue;
    INFO(line);
    CHECK((line.rfind("N\t", 0) == 0 || line.rfind("V\t", 0) == 0));
    CHECK(std::count(line.begin(), line.end(), '\t') == 2);
  }
}

TEST_CASE("every Korean index term of real and random lines is valid UTF-8", "[analysis][korean][robustness]") {
  Analyzer analyzer;
  std::vector<std::string> lines = revsearch::test::lines_of(revsearch::test::read_file(
      revsearch::test::source_path("corpus/nsmc-sample.jsonl")));
  // 20,000 real reviews from the full NSMC file when ../shared/data is there.
  if (gzFile in = gzopen(revsearch::test::shared_data("nsmc/nsmc-reviews.jsonl.gz").c_str(), "rb")) {
    char buffer[1 << 14];
    for (int i = 0; i < 20000 && gzgets(in, buffer, sizeof buffer); ++i) {
      std::string line(buffer);
      if (revsearch::utf8::is_valid(line)) lines.push_back(line);  // gzgets may cut a long line
    }
    gzclose(in);
  } else {
    WARN("../shared/data absent: sample lines only");
  }
  // Random Hangul syllables, compatibility and conjoining jamo, punctuation.
  std::mt19937 rng(2024);
  const char32_t ranges[][2] = {{0xAC00, 0xD7A3}, {0x3131, 0x318E}, {0x1100, 0x11FF}, {0x20, 0x40}, {0xA960, 0xA97C}};
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    for (int k = static_cast<int>(rng() % 40); k > 0; --k) {
      const auto& r = ranges[rng() % std::size(ranges)];
      revsearch::utf8::append(s, r[0] + static_cast<char32_t>(rng() % (r[1] - r[0] + 1)));
    }
    lines.push_back(s);
  }
  std::size_t terms = 0;
  for (const std::string& line : lines) {
    for (const auto& token : analyzer.analyze(line)) {
      std::vector<std::string> all = revsearch::analysis::token_bigrams(token);
      all.push_back(token.search_form());
      std::string initials = revsearch::analysis::token_initials(token);
      if (!initials.empty()) all.push_back(initials);
      for (const std::string& term : all) {
        ++terms;
        REQUIRE(revsearch::utf8::is_valid(term));
        REQUIRE(!term.empty());
        REQUIRE(term.size() <= revsearch::schema::kMaxTermBytes + 3);  // + the 다 of a predicate
      }
    }
  }
  CHECK(terms > 50000);
}
