// Language identification on real lines from the seed review and NSMC.
#include <catch2/catch.hpp>

#include "revsearch/analysis/language.h"

using revsearch::analysis::detect_language;

TEST_CASE("detect_language table", "[language]") {
  struct Case {
    const char* text;
    const char* code;
  };
  const Case cases[] = {
      {"Considerați utilă această recenzie?", "ro"},
      {"Han So-Hee has admittedly triggered mixed-responses amongst viewers and critics alike.", "en"},
      {"디렉터스컷으로봐서 거의 3시간짜리인데 참 흡인력있다", "ko"},
      {"E.T가 빡치면 이렇게 된다라는 걸 보여 주려고 했나보다", "ko"},
      {"Cette critique vous a-t-elle été utile ?", "fr"},
      {"War diese Rezension für Sie hilfreich?", "de"},
      {"12345 !!!", "und"},
      {"언제나 최고. the best", "ko"},
      {"용문사 흑표  https://www.youtube.com/watch?v=YzNvkaSGNzI", "ko"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(detect_language(c.text).code == c.code);
  }
}
