// The variant table (analysis/variants.h): the synonyms format, its errors,
// and the built-in film vocabulary.
#include <catch2/catch.hpp>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/variants.h"

using revsearch::analysis::VariantsError;
using revsearch::analysis::VariantTable;

TEST_CASE("variants: equivalent forms and one-way rules, in the synonyms format", "[analysis]") {
  VariantTable t = VariantTable::parse(
      "# comment\n"
      "CG, 씨지 , 컴퓨터  그래픽   # a trailing comment\n"
      "\n"
      "떡밥 => 복선\n"
      "애니멀\n");
  CHECK(t.groups() == 3);
  CHECK(t.others("cg") == std::vector<std::string>{"씨지", "컴퓨터 그래픽"});
  CHECK(t.others("CG") == std::vector<std::string>{"씨지", "컴퓨터 그래픽"});  // case folded
  CHECK(t.others("씨지") == std::vector<std::string>{"cg", "컴퓨터 그래픽"});
  CHECK(t.others("떡밥") == std::vector<std::string>{"복선"});
  CHECK(t.others("복선").empty());  // one way
  CHECK(t.contains("복선"));
  CHECK(t.contains("애니멀"));
  CHECK(t.others("애니멀").empty());
  CHECK_FALSE(t.contains("영화"));
  CHECK(t.words_beginning_with("애니") == std::vector<std::string>{"애니멀"});
}

TEST_CASE("variants: a bad line is named, with why", "[analysis]") {
  auto error_of = [](const std::string& text) -> std::string {
    try {
      VariantTable::parse(text);
    } catch (const VariantsError& e) {
      return e.what();
    }
    return "";
  };
  CHECK(error_of("a, b\na => b => c\n") == "line 2: more than one '=>'");
  CHECK(error_of("a =>\n") == "line 1: '=>' needs forms on both sides");
  CHECK(error_of("a,, b\n") == "line 1: an empty form (two commas, or a comma at an end)");
  CHECK(error_of("ok\n\xff\xfe\n") == "line 2: not valid UTF-8 (byte 1)");
  CHECK(error_of(std::string(5000, 'x') + "\n") == "line 1: longer than 4096 bytes");
}

TEST_CASE("variants: the built-in film vocabulary", "[analysis]") {
  const VariantTable& t = VariantTable::builtin();
  CHECK(t.groups() >= 20);
  auto has = [&](const char* form, const char* other) {
    const auto& others = t.others(form);
    return std::find(others.begin(), others.end(), other) != others.end();
  };
  CHECK(has("씨지", "cg"));
  CHECK(has("ending", "엔딩"));
  CHECK(has("애니", "애니메이션"));
  CHECK(has("속편", "시퀄"));
  CHECK(has("반전", "twist"));
  CHECK(has("해피엔딩", "해피 엔딩"));
  CHECK(t.others("애니멀").empty());  // another word
  // Its Hangul words are nouns to the analyser: 씨지가 is 씨지 + 가, and
  // 애니멀 is not 애니 + 멀.
  revsearch::analysis::Analyzer analyzer;
  CHECK(analyzer.analyze("씨지가").at(0).search_form() == "씨지");
  CHECK(analyzer.analyze("애니멀은").at(0).search_form() == "애니멀");
}
