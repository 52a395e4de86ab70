// Words typed together (query/words_together.h): which passages hold every
// word of a query within a few words of each other, in any form.
#include <catch2/catch.hpp>

#include "revsearch/query/query_parser.h"
#include "revsearch/query/words_together.h"

using revsearch::query::WordsTogether;

TEST_CASE("words together: every word, in any form, within three words of the next", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  auto together = [&](const char* query, const char* text) {
    auto words = WordsTogether::of(revsearch::query::parse_query(query, analyzer));
    REQUIRE(words);
    return words->stand_together(analyzer.analyze(text));
  };
  CHECK(together("캐스팅 아쉽다", "로렌딘 캐스팅이 아쉽다. 순수함밖에 없다."));
  CHECK(together("캐스팅 아쉽다", "아쉬운 건 캐스팅."));  // in either order
  CHECK(together("캐스팅 아쉽다", "심형래의 캐스팅무산으로 마냥 아쉬웠지만"));  // inside a word run together
  CHECK(together("최고의 영화", "내 인생 최고의 영화"));
  CHECK(together("lacklustre performance", "a lacklustre, wooden performance"));
  CHECK_FALSE(together("캐스팅 아쉽다", "캐스팅은 좋았는데 이야기가 너무 길고 지루해서 정말 아쉽다"));
  CHECK_FALSE(together("캐스팅 아쉽다", "캐스팅이 좋다"));  // a word missing
  CHECK(together("최고의 영화 음악", "최고의 영화 음악"));
  CHECK_FALSE(together("최고의 영화 음악", "최고의 영화 그리고 연기도 좋고 배우도 좋고 이야기도 좋고 음악"));
  // One word, or words that are not free text: nothing to stand together.
  CHECK_FALSE(WordsTogether::of(revsearch::query::parse_query("영화", analyzer)));
  CHECK_FALSE(WordsTogether::of(revsearch::query::parse_query("영화 lang:ko", analyzer)));
  CHECK_FALSE(WordsTogether::of(revsearch::query::parse_query("\"최고의 영화\"", analyzer)));
}
