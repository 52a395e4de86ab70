// The fast word breaker (plain runs found without ICU) against ICU alone:
// the same tokens on real reviews, the seed review, tricky words and random
// strings (issue 4, analyser throughput).
#include <catch2/catch.hpp>

#include <unicode/brkiter.h>
#include <zlib.h>

#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "filters.h"
#include "revsearch/utf8.h"
#include "support.h"

namespace {

using revsearch::analysis::Token;

std::string spans(const std::string& text, const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) out += text.substr(t.begin, t.end - t.begin) + "|";
  return out;
}

class Breakers {
 public:
  Breakers() {
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    REQUIRE(U_SUCCESS(status));
  }
  // Number of texts where the two paths disagree (each one reported).
  std::size_t mismatches(const std::vector<std::string>& texts) {
    std::size_t bad = 0;
    for (const std::string& text : texts) {
      std::string fast = spans(text, revsearch::analysis::break_words(*breaker_, text));
      std::string icu = spans(text, revsearch::analysis::break_words_icu(*breaker_, text));
      if (fast != icu) {
        ++bad;
        UNSCOPED_INFO("text: " << text << "\n fast: " << fast << "\n  icu: " << icu);
      }
    }
    return bad;
  }

 private:
  std::unique_ptr<icu::BreakIterator> breaker_;
};

std::vector<std::string> nsmc_lines(std::size_t max) {
  std::vector<std::string> lines;
  gzFile in = gzopen(revsearch::test::shared_data("nsmc/nsmc-reviews.jsonl.gz").c_str(), "rb");
  if (!in) return lines;
  char buffer[1 << 16];
  while (lines.size() < max && gzgets(in, buffer, sizeof buffer)) {
    std::string line = buffer;  // the JSON line itself: review text plus quotes, colons, digits
    if (revsearch::utf8::is_valid(line)) lines.push_back(line);
  }
  gzclose(in);
  return lines;
}

std::vector<std::string> english_sentences(std::size_t max) {
  std::vector<std::string> lines;
  std::string command =
      "unzip -p '" + revsearch::test::shared_data("english/polarity-v2.0-movie-reviews.zip") + "' '*.txt' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return lines;
  char line[1 << 16];
  while (lines.size() < max && std::fgets(line, sizeof line, pipe.get())) {
    if (revsearch::utf8::is_valid(line)) lines.emplace_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("fast word breaking equals ICU on tricky words", "[analysis][breaking]") {
  Breakers breakers;
  const std::vector<std::string> texts = {
      "ZE:A", "K-drama", "rom-coms", "#1", "Soundtrack#1", "‘ Soundtrack #1’", "could've", "Hyung-Sik's",
      "Hyung-Sik’s", "#1st", "#a12", "#12a", "#1편", "1편", "3.5", "3,000원", "a.b", "a.é", "é.a", "a._b",
      "a_b", "__", "U.S.A.", "e.g.,", "good...bad", "좋다...정말", "좋다.정말", "재밌다ㅋㅋㅋ", "ㅠㅠ", "10점!!",
      "ＳＯＵＮＤ", "café", "naïve", "co\u0301te", " \u0301a", "a \u0301", "\u00ADsoft", "a\u200Db",
      "😀😀", "👍🏽 좋아요", "🇰🇷🇰🇷", "中文和日本語のテキスト", "ภาษาไทย", "\"quoted\"", "'single'", "it's'",
      "#3.5", "#3,000", "#1'2", "a1.5", "1a.b", "a.1", "1.a", "A:B:C", "don't.", "won't've", "o'", "'o",
      "l'été", "3;4", "a;b", "a,b", "3\"4", "a\"b", "x.y@z.com", "ㅋ'ㅋ", "가'나", "a'가", "ab'c'", "1,2,3a",
      "12:30", "1.2.3", "a1.b2", "x'y'z", "\r\n\r\n", "\t\v\f", "a:", ":a", "'", "", "...", "ㄱㄴ.ㄷ"};
  CHECK(breakers.mismatches(texts) == 0);
}

TEST_CASE("fast word breaking equals ICU on real reviews", "[analysis][breaking]") {
  Breakers breakers;
  std::vector<std::string> texts = revsearch::test::lines_of(revsearch::test::read_file(revsearch::test::seed_review()));
  REQUIRE(texts.size() > 5);
  texts.push_back(revsearch::test::read_file(revsearch::test::seed_review()));
  std::ifstream sample(revsearch::test::source_path("corpus/nsmc-sample.jsonl"));
  for (std::string line; std::getline(sample, line);) texts.push_back(line);
  std::vector<std::string> nsmc = nsmc_lines(20000);
  std::vector<std::string> english = english_sentences(20000);
  if (nsmc.empty() || english.empty()) WARN("../shared/data missing: NSMC / polarity part skipped");
  texts.insert(texts.end(), nsmc.begin(), nsmc.end());
  texts.insert(texts.end(), english.begin(), english.end());
  CHECK(breakers.mismatches(texts) == 0);
}

TEST_CASE("fast word breaking equals ICU on random text", "[analysis][breaking]") {
  Breakers breakers;
  std::mt19937 rng(2026);
  // Scripts reviews mix, the ASCII punctuation the fast path classifies,
  // combining marks, joiners, emoji and controls.
  const char32_t ranges[][2] = {{0x20, 0x7E}, {0x20, 0x7E}, {0x30, 0x39}, {0x61, 0x7A}, {0xAC00, 0xD7A3},
                                {0x3130, 0x318F}, {0x1100, 0x11FF}, {0x2000, 0x206F}, {0xFF00, 0xFFEF},
                                {0x1F300, 0x1F6FF}, {0x0300, 0x036F}, {0x1, 0x1F}, {0xC0, 0x17F}, {0x4E00, 0x4E40}};
  std::vector<std::string> texts;
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) {
      const auto& r = ranges[rng() % std::size(ranges)];
      revsearch::utf8::append(s, r[0] + static_cast<char32_t>(rng() % (r[1] - r[0] + 1)));
    }
    texts.push_back(s);
  }
  CHECK(breakers.mismatches(texts) == 0);
}
