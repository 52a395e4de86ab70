// Query parser: query text -> Xapian query description, and every error
// message, in tables.
#include <catch2/catch.hpp>

#include "revsearch/errors.h"
#include "revsearch/query/query_parser.h"
#include "revsearch/query/review_evidence.h"

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
      // Several words: each one found adds the words-found bonus.
      {"lacklustre performance", "Query(((PostingSource(Xapian::FixedWeightPostingSource(wt=1000)) AND Zlacklustr) OR (PostingSource(Xapian::FixedWeightPostingSource(wt=1000)) AND Zperform)))"},
      {"\"Han So-Hee\"", "Query((han PHRASE 3 so PHRASE 3 hee))"},
      {"K-drama", "Query(((k PHRASE 2 drama) OR (Zkdrama AND_NOT (k PHRASE 2 drama))))"},  // the parts as written rank first
      // soundtrack is in the variant table (OST): its other forms are alternatives.
      {"Soundtrack#1", "Query(((PostingSource(Xapian::FixedWeightPostingSource(wt=1000)) AND (soundtrack OR (0.9000000000000000222 * ost AND_NOT soundtrack) OR (0.9000000000000000222 * Z오에스티 AND_NOT (soundtrack OR 0.9000000000000000222 * ost)) OR (0.9000000000000000222 * Z사운드트랙 AND_NOT (soundtrack OR 0.9000000000000000222 * ost OR 0.9000000000000000222 * Z오에스티)))) OR (PostingSource(Xapian::FixedWeightPostingSource(wt=1000)) AND Z#1)))"},
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
      {"review:nsmc-1 좋은", "Query(((좋은 OR (0.9000000000000000222 * Z좋다 AND_NOT 좋은) OR (0.5 * XKB좋은 AND_NOT (좋은 OR 0.9000000000000000222 * Z좋다)) OR (0.80000000000000004441 * WILDCARD OR 좋은 AND_NOT (좋은 OR 0.9000000000000000222 * Z좋다 OR 0.5 * XKB좋은))) FILTER (XRnsmc-1 OR Qnsmc-1#1)))"},
      // Korean (issue 4): the form as typed, its stem, then Hangul bigrams and
      // the words beginning with it, each only where none before it matches
      // (a word counts once, word_weights.h).
      {"친구에서", "Query((친구에서 OR (0.9000000000000000222 * Z친구 AND_NOT 친구에서) OR (0.5 * (XKB친구 AND XKB구에 AND XKB에서) AND_NOT (친구에서 OR 0.9000000000000000222 * Z친구)) OR (0.5 * XKB친구 AND_NOT (친구에서 OR 0.9000000000000000222 * Z친구 OR 0.5 * (XKB친구 AND XKB구에 AND XKB에서))) OR (0.80000000000000004441 * WILDCARD OR 친구에서 AND_NOT (친구에서 OR 0.9000000000000000222 * Z친구 OR 0.5 * (XKB친구 AND XKB구에 AND XKB에서) OR 0.5 * XKB친구))))"},
      {"예뻐", "Query((예뻐 OR (0.9000000000000000222 * Z예쁘다 AND_NOT 예뻐) OR (0.9000000000000000222 * Z이쁘다 AND_NOT (예뻐 OR 0.9000000000000000222 * Z예쁘다)) OR (0.5 * XKB예뻐 AND_NOT (예뻐 OR 0.9000000000000000222 * Z예쁘다 OR 0.9000000000000000222 * Z이쁘다)) OR (0.5 * XKB예쁘 AND_NOT (예뻐 OR 0.9000000000000000222 * Z예쁘다 OR 0.9000000000000000222 * Z이쁘다 OR 0.5 * XKB예뻐)) OR (0.80000000000000004441 * WILDCARD OR 예뻐 AND_NOT (예뻐 OR 0.9000000000000000222 * Z예쁘다 OR 0.9000000000000000222 * Z이쁘다 OR 0.5 * XKB예뻐 OR 0.5 * XKB예쁘))))"},
      {"추천", "Query((Z추천 OR (0.9000000000000000222 * Z추천하다 AND_NOT Z추천) OR (0.5 * XKB추천 AND_NOT (Z추천 OR 0.9000000000000000222 * Z추천하다)) OR (0.80000000000000004441 * WILDCARD OR 추천 AND_NOT (Z추천 OR 0.9000000000000000222 * Z추천하다 OR 0.5 * XKB추천))))"},
      // A bare 하다 root also searches its predicate (발랄한 is indexed as 발랄하다).
      {"발랄", "Query((Z발랄 OR (0.9000000000000000222 * Z발랄하다 AND_NOT Z발랄) OR (0.5 * XKB발랄 AND_NOT (Z발랄 OR 0.9000000000000000222 * Z발랄하다)) OR (0.80000000000000004441 * WILDCARD OR 발랄 AND_NOT (Z발랄 OR 0.9000000000000000222 * Z발랄하다 OR 0.5 * XKB발랄))))"},
      {"한소희", "Query((Z한소희 OR (0.5 * (XKB한소 AND XKB소희) AND_NOT Z한소희) OR (0.80000000000000004441 * WILDCARD OR 한소희 AND_NOT (Z한소희 OR 0.5 * (XKB한소 AND XKB소희)))))"},
      {"별", "Query(Z별)"},
      {"title:친구에서", "Query((T친구에서 OR ZS친구))"},
      {"initials:ㅎㅅㅎ", "Query(XKCᄒᄉᄒ)"},
      {"initials:ᄒᄉᄒ", "Query(XKCᄒᄉᄒ)"},
      {"ZE:A", "Query(((ze PHRASE 2 a) OR (Zzea AND_NOT (ze PHRASE 2 a))))"},
      {"“curly phrase”", "Query((curly PHRASE 2 phrase))"},
  };
  revsearch::query::ParseOptions no_boost;
  no_boost.title_boost = 0;
  no_boost.actor_boost = 0;
  for (const Case& c : cases) {
    INFO("query: " << c.query);
    CHECK(parse_query(c.query, analyzer, no_boost).query.get_description() == c.description);
  }
}

TEST_CASE("free-text words also match the title, with a lower weight", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  // Where the passage itself does not hold the word: one contribution per word.
  std::string boosted = parse_query("lacklustre", analyzer).query.get_description();
  CHECK(boosted.rfind("Query((Zlacklustr OR (0.", 0) == 0);
  CHECK(boosted.find(" * ZSlacklustr AND_NOT Zlacklustr)))") != std::string::npos);
  CHECK(parse_query("title:lacklustre", analyzer).query.get_description() == "Query((Tlacklustre OR ZSlacklustr))");
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
      // Issue 15: an empty quoted value is an error for every field.
      {"title:\"\"", "query syntax error at column 1: field 'title:' needs a value"},
      {"lang:\"\"", "query syntax error at column 1: field 'lang:' needs a value"},
      {"x kind:\"\"", "query syntax error at column 3: field 'kind:' needs a value"},
      {"sentiment:\"\"", "query syntax error at column 1: field 'sentiment:' needs a value"},
      {"initials:한소희", "query syntax error at column 1: 'initials:' takes Korean initial consonants only, e.g. initials:ㅎㅅㅎ"},
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
  CHECK(parsed.highlights.stems.count("lacklustr"));
  CHECK(parsed.highlights.exact.count("performance"));
  CHECK_FALSE(parsed.highlights.exact.count("soundtrack"));
  CHECK_FALSE(parsed.highlights.exact.count("chemistry"));
  // A bare 하다 root highlights the predicate forms it matches (발랄한).
  auto korean = parse_query("발랄 title:깔끔", analyzer);
  CHECK(korean.highlights.stems.count("발랄하다"));
  CHECK_FALSE(korean.highlights.stems.count("깔끔하다"));
}

TEST_CASE("query parser: NEAR, wildcards and ranges", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  revsearch::query::ParseOptions no_boost;
  no_boost.title_boost = 0;
  struct Case {
    const char* query;
    const char* description;
  };
  const Case cases[] = {
      {"chemistry NEAR/3 decent", "Query((chemistry NEAR 4 decent))"},
      {"chemistry NEAR decent", "Query((chemistry NEAR 11 decent))"},
      {"\"onscreen chemistry\" NEAR/2 decent", "Query((onscreen NEAR 4 chemistry NEAR 4 decent))"},
      {"soundtr*", "Query(WILDCARD OR soundtr)"},
      {"NEARLY", "Query(Znear)"},
  };
  for (const Case& c : cases) {
    INFO("query: " << c.query);
    CHECK(parse_query(c.query, analyzer, no_boost).query.get_description() == c.description);
  }
}

TEST_CASE("only a query that could match a review document needs them excluded", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  struct Case {
    const char* query;
    bool reaches;
  };
  const Case cases[] = {
      {"lacklustre performance", false},     {"\"Han So-Hee\"", false},  {"lacklustre -chemistry", false},
      {"review:nsmc-1 lacklustre", false},   {"lang:ko", false},           {"lacklustre rating:7..10", false},
      {"actor:한소희", false},                {"-chemistry", true},         {"kind:review", true},
      {"rating:7..10", true},                {"soundtr*", true},
  };
  for (const Case& c : cases) {
    INFO("query: " << c.query);
    CHECK(revsearch::query::reaches_review_documents(parse_query(c.query, analyzer).query) == c.reaches);
  }
  CHECK(revsearch::query::reaches_review_documents(Xapian::Query("XWlacklustr")));
  CHECK(revsearch::query::reaches_review_documents(Xapian::Query("Qnsmc-1#0")));
  CHECK_FALSE(revsearch::query::reaches_review_documents(Xapian::Query::MatchNothing));
}

TEST_CASE("query parser: rating ranges filter on the rating slot", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  auto range = [](double lo, double hi) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 1, Xapian::sortable_serialise(lo),
                         Xapian::sortable_serialise(hi))
        .get_description();
  };
  CHECK(parse_query("rating:7..10", analyzer).query.get_description() == range(7, 10));
  CHECK(parse_query("rating:9", analyzer).query.get_description() == range(9, 9));
  CHECK(parse_query("rating:..4", analyzer).query.get_description() ==
        Xapian::Query(Xapian::Query::OP_VALUE_LE, 1, Xapian::sortable_serialise(4)).get_description());
}

TEST_CASE("query parser: more errors", "[query]") {
  revsearch::analysis::Analyzer analyzer;
  const std::pair<const char*, const char*> cases[] = {
      {"NEAR chemistry", "query syntax error at column 1: NEAR needs a word or phrase before it"},
      {"chemistry NEAR/0 decent", "query syntax error at column 11: NEAR/n needs a distance from 1 to 1000, e.g. NEAR/3"},
      {"chemistry NEAR", "query syntax error at column 15: NEAR needs a word or phrase after it"},
      {"rating:abc", "query syntax error at column 8: 'rating:abc' is not a number or range like 7..10"},
      {"rating:10..7", "query syntax error at column 8: range '10..7' is empty (start above end)"},
      {"rating:..", "query syntax error at column 8: range '..' needs at least one end"},
      {"rating:\"7\"", "query syntax error at column 1: field 'rating:' takes a range like 7..10"},
  };
  for (const auto& [query, message] : cases) {
    INFO("query: " << query);
    try {
      parse_query(query, analyzer);
      FAIL("no error");
    } catch (const revsearch::UsageError& e) {
      CHECK(std::string(e.what()) == message);
    }
  }
}

TEST_CASE("free text that names an actor also matches the actor's entity terms", "[query][entities]") {
  revsearch::analysis::Analyzer analyzer;
  revsearch::query::ParseOptions options;
  options.title_boost = 0;
  options.actor_boost = 2;
  for (const char* query : {"Han So-Hee performance", "한소희 연기", "\"Han So-hee\" acting"}) {
    INFO(query);
    std::string description = parse_query(query, analyzer, options).query.get_description();
    CHECK(description.find("2 * (Ahan-so-hui OR 0.25 * XAChan-so-hui)") != std::string::npos);
  }
  // Not when the name is a field value, excluded, or absent.
  for (const char* query : {"title:\"Han So-Hee\" performance", "performance -\"Han So-Hee\"", "performance"}) {
    INFO(query);
    CHECK(parse_query(query, analyzer, options).query.get_description().find("Ahan-so-hui") == std::string::npos);
  }
  options.actor_boost = 0;
  CHECK(parse_query("Han So-Hee", analyzer, options).query.get_description().find("Ahan") == std::string::npos);
}
