// The Korean inflection system as tables of (surface form -> stem): one
// section per part of analysis/korean_inflection.cc, then unspaced runs
// (-> the stems of their words) and the forms that must NOT reach a stem.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "korean_morph.h"
#include "revsearch/analysis/analyzer.h"

using revsearch::analysis::Analyzer;
using revsearch::analysis::Token;

namespace {

struct Case {
  const char* surface;
  const char* stem;
};

// The stem terms a single surface word is indexed under ("뻔하다 스토리").
std::string stems_of(Analyzer& analyzer, const char* surface) {
  std::vector<Token> tokens = analyzer.analyze(surface);
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.search_form();
    for (const std::string& s : t.run_stems) out += ' ' + s;
  }
  return out;
}

void check_table(const std::vector<Case>& cases) {
  Analyzer analyzer;
  for (const Case& c : cases) {
    INFO("surface: " << c.surface);
    CHECK(stems_of(analyzer, c.surface) == c.stem);
  }
}

}  // namespace

TEST_CASE("Korean inflection: particles, copula and light verbs after nouns", "[analysis][korean][inflection]") {
  check_table({
      {"영화를", "영화"}, {"영화에서는", "영화"}, {"배우들의", "배우"}, {"스토리지만", "스토리"},
      {"영화였지만", "영화"}, {"영화라도", "영화"},
      // A noun + 하다/되다/스럽다 is a predicate; all its forms meet there.
      {"유치하다", "유치하다"}, {"유치한", "유치하다"}, {"유치하지만", "유치하다"}, {"유치함은", "유치하다"},
      {"억지스러운", "억지스럽다"}, {"억지스럽지만", "억지스럽다"},
  });
}

TEST_CASE("Korean inflection: connective, concessive and other endings", "[analysis][korean][inflection]") {
  check_table({
      {"어색하지만", "어색하다"}, {"어색한데", "어색하다"}, {"뻔한데", "뻔하다"}, {"먹는데", "먹다"},
      {"좋으니까", "좋다"}, {"보니까", "보다"}, {"좋으면", "좋다"}, {"보면", "보다"},
      {"어색해도", "어색하다"}, {"뻔해도", "뻔하다"}, {"먹어도", "먹다"}, {"봐도", "보다"},
      {"재밌었는데", "재밌다"}, {"봤지만", "보다"}, {"좋겠지만", "좋다"},
      {"신선하구나", "신선하다"}, {"지루할까", "지루하다"}, {"슬펐지만", "슬프다"},
  });
}

TEST_CASE("Korean inflection: nominalisers followed by particles", "[analysis][korean][inflection]") {
  check_table({
      {"답답함과", "답답하다"}, {"어색함이", "어색하다"}, {"어색함을", "어색하다"}, {"신선함이", "신선하다"},
      {"좋음을", "좋다"}, {"설렘", "설레다"}, {"설렘을", "설레다"},
      // A lexicalised noun stays a noun.
      {"그림을", "그림"}, {"사람이", "사람"},
  });
}

TEST_CASE("Korean inflection: irregular stems and contractions", "[analysis][korean][inflection]") {
  check_table({
      {"아름다운", "아름답다"}, {"아름다워", "아름답다"}, {"아름다웠던", "아름답다"}, {"귀여워서", "귀엽다"},
      {"무거운", "무겁다"}, {"아까워", "아깝다"},  // ㅂ
      {"몰라", "모르다"}, {"몰랐는데", "모르다"},  // 르
      {"깨달았다", "깨닫다"}, {"깨달은", "깨닫다"},  // ㄷ
      {"나아서", "낫다"},                          // ㅅ
      {"빨간", "빨갛다"}, {"이래서", "이렇다"},      // ㅎ
      {"예뻐", "예쁘다"}, {"했다", "하다"}, {"됐는데", "되다"},  // contractions
      {"설레여서", "설레다"},                      // a common misspelling, as the standard stem
      {"아깝지않은", "아깝다"}, {"촌스럽지않고", "촌스럽다"},  // auxiliary -지 않다 written on
  });
}

TEST_CASE("Korean unspaced runs: the words are found from the start", "[analysis][korean][segmentation]") {
  check_table({
      {"뻔한스토리지만", "뻔하다 스토리"},
      {"답답한아빠연기가", "답답하다 아빠 연기"},
      {"몇가지어색한것들이", "몇가지 어색하다 것"},
      {"아름다운영화", "아름답다 영화"},
      {"너무아름다운", "아름답다 너무"},  // 너무: an adverb the lexicon does not hold
      {"정말재밌다", "재밌다 정말"},
      // Of two splits into as many words, the one of common words.
      {"안아깝다", "아깝다 안"}, {"유치한영화", "유치하다 영화"}, {"시간이아깝다", "시간 아깝다"},
  });
}

TEST_CASE("Korean precision: look-alikes never reach the predicate", "[analysis][korean][segmentation]") {
  Analyzer analyzer;
  // 뻔뻔하다 (shameless) and -ㄹ 뻔하다 (almost did) are not 뻔하다.
  for (const char* surface : {"뻔뻔한", "뻔뻔하게", "될뻔한", "죽을뻔한", "울뻔했다", "볼뻔한", "할뻔", "일을당할뻔하다가"}) {
    INFO("surface: " << surface);
    std::string stems = stems_of(analyzer, surface);
    CHECK(stems.find("뻔하다") != 0);
    CHECK(stems.find(" 뻔하다") == std::string::npos);
  }
  // A stem is never guessed for a word the lexicon does not know: it stays
  // searchable as written (and by bigrams).
  CHECK(stems_of(analyzer, "한소희가") == "한소희");
  std::vector<Token> tokens = analyzer.analyze("블라블라블라");
  REQUIRE(tokens.size() == 1);
  CHECK_FALSE(tokens[0].known);
}

TEST_CASE("Korean rules are named for `analyze`", "[analysis][korean][inflection]") {
  const auto& lexicon = revsearch::analysis::KoreanLexicon::builtin();
  using revsearch::analysis::describe_rule;
  using revsearch::analysis::korean_analyze;
  CHECK(describe_rule(korean_analyze("어색하지만", lexicon)) == "predicate stem + -지만 (concessive: although)");
  CHECK(describe_rule(korean_analyze("아름다워", lexicon)) ==
        "predicate stem, ending inside the last syllable, ㅂ irregular");
  CHECK(describe_rule(korean_analyze("영화를", lexicon)) == "noun + -를 (object)");
  CHECK(describe_rule(korean_analyze("답답함과", lexicon)).find("nominalised + and") != std::string::npos);
}
