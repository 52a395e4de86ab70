// Query parser: query text -> Xapian query description, and every error
// message, in tables.
#include <catch2/catch.hpp>

#include "revsearch/errors.h"
#include "revsearch/query/query_parser.h"

using revsearch::query::parse_query;

TEST_CASE("query parser table", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  struct Case {
    const char* query;
    const char* description;
  };
  const Case cases[] = {
      {"lacklustre", "Query(Zlacklustr)"},
      {"the lacklustre", "Query(Zlacklustr)"},
      {"the", "Query(the)"},
      {"lacklustre performance", "Query((Zlacklustr OR Zperform))"},
      {"\"Han So-Hee\"", "Query((han PHRASE 3 so PHRASE 3 hee))"},
      {"K-drama", "Query(Zkdrama)"},
      {"Soundtrack#1", "Query((Zsoundtrack OR Z#1))"},
      {"+lacklustre performance", "Query((Zlacklustr AND_MAYBE Zperform))"},
      {"lacklustre -chemistry", "Query((Zlacklustr AND_NOT Zchemistri))"},
      {"lacklustre AND chemistry", "Query((Zlacklustr AND Zchemistri))"},
      {"lacklustre OR chemistry", "Query((Zlacklustr OR Zchemistri))"},
      {"lacklustre NOT chemistry", "Query((Zlacklustr AND_NOT Zchemistri))"},
      {"(plot OR lacklustre) AND chemistry", "Query(((Zplot OR Zlacklustr) AND Zchemistri))"},
      {"(the OR a) lacklustre", "Query(Zlacklustr)"},
      {"title:soundtrack", "Query((Tsoundtrack OR ZSsoundtrack))"},  // issue 5: title entity or title words
      {"title:\"Soundtrack #1\"", "Query((Tsoundtrack#1 OR (Ssoundtrack PHRASE 2 S#1)))"},
      {"title:Soundtrack#1", "Query((Tsoundtrack#1 OR (Ssoundtrack PHRASE 2 S#1)))"},
      {"actor:한소희", "Query((Ahan-so-hui OR 0.25 * XAChan-so-hui))"},
      {"actor:\"Hyung Sik\"", "Query((XAGhyeong-sik OR 0.25 * XACGhyeong-sik))"},
      {"character:\"Eun Soo\"", "Query(XCGeun-su)"},
      {"lacklustre lang:EN", "Query((Zlacklustr FILTER Len))"},
      {"lang:ko", "Query(0 * Lko)"},
      {"review:nsmc-1 좋은", "Query((Z좋은 FILTER XRnsmc-1))"},
      {"친구에서", "Query(Z친구)"},
      {"ZE:A", "Query(Zzea)"},
      {"“curly phrase”", "Query((curly PHRASE 2 phrase))"},
  };
  for (const Case& c : cases) {
    INFO("query: " << c.query);
    CHECK(parse_query(c.query, analyzer).query.get_description() == c.description);
  }
}

TEST_CASE("query syntax errors point at the problem", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  struct Case {
    const char* query;
    const char* message;
  };
  const Case cases[] = {
      {"", "empty query"},
      {"   ", "empty query"},
      {"\"unclosed phrase", "query syntax error at column 1: missing closing quote for the phrase starting here"},
      {"(lacklustre", "query syntax error at column 1: missing ')' for this '('"},
      {"lacklustre)", "query syntax error at column 11: unexpected ')' with no matching '('"},
      {"AND lacklustre", "query syntax error at column 1: 'AND' needs a term before it"},
      {"lacklustre OR", "query syntax error at column 12: 'OR' needs a term after it"},
      {"title:", "query syntax error at column 1: field 'title:' needs a value"},
      {"!!!", "query has no searchable words: '!!!'"},
      {"bad \xFF", "query is not valid UTF-8 (byte 5)"},
  };
  for (const Case& c : cases) {
    INFO("query: " << c.query);
    try {
      parse_query(c.query, analyzer);
      FAIL("no error for " << c.query);
    } catch (const revsearch::UsageError& e) {
      CHECK(std::string(e.what()) == c.message);
    }
  }
}

TEST_CASE("highlight terms come from body words and phrases only", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  auto parsed = parse_query("lacklustre \"her performance\" title:soundtrack -chemistry", analyzer);
  CHECK(parsed.highlight_stems.count("lacklustr"));
  CHECK(parsed.highlight_exact.count("performance"));
  CHECK_FALSE(parsed.highlight_exact.count("soundtrack"));
  CHECK_FALSE(parsed.highlight_exact.count("chemistry"));
}
