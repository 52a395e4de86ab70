// Snippets: highlighted matches, window choice, markup.
#include <catch2/catch.hpp>

#include "revsearch/query/snippet.h"
#include "revsearch/utf8.h"

using revsearch::query::make_snippet;

TEST_CASE("snippet highlights stems and exact words", "[snippet]") {
  revsearch::analysis::Analyzer analyzer;
  auto s = make_snippet("Her performances felt lacklustre & <raw>.", analyzer, {{"lacklustre"}, {"perform"}, {}, {}});
  CHECK(s.render("[", "]") == "Her [performances] felt [lacklustre] & <raw>.");
  CHECK(s.render("<b>", "</b>", true) == "Her <b>performances</b> felt <b>lacklustre</b> &amp; &lt;raw&gt;.");
  REQUIRE(s.matches.size() == 2);
  CHECK(s.matches[0] == std::make_pair(std::size_t{4}, std::size_t{16}));
}

TEST_CASE("snippet window goes to the matches in long text", "[snippet]") {
  revsearch::analysis::Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 100; ++i) text += "filler words here. ";
  text += "The chemistry was decent enough.";
  for (int i = 0; i < 100; ++i) text += " more filler.";
  auto s = make_snippet(text, analyzer, {{}, {"chemistri", "decent"}, {}, {}}, 120);
  std::string out = s.render("[", "]");
  CHECK(out.find("[chemistry]") != std::string::npos);
  CHECK(out.find("[decent]") != std::string::npos);
  CHECK(out.rfind("…", 0) == 0);
  CHECK(out.size() < 200);
}

TEST_CASE("compound parts highlight as one range", "[snippet]") {
  revsearch::analysis::Analyzer analyzer;
  auto s = make_snippet("Han So-Hee’s role", analyzer, {{}, {"sohe", "sohee"}, {}, {}});
  CHECK(s.render("[", "]") == "Han [So-Hee’s] role");
}

TEST_CASE("wildcard prefixes highlight every word they expand to", "[snippet]") {
  revsearch::analysis::Analyzer analyzer;
  auto s = make_snippet("Soundtrack and soundtracks, not sound.", analyzer, {{}, {}, {"soundtr"}, {}});
  CHECK(s.render("[", "]") == "[Soundtrack] and [soundtracks], not sound.");
}

TEST_CASE("snippets highlight the people asked for in the passage's own spelling", "[snippet][entities]") {
  revsearch::analysis::Analyzer analyzer;
  const std::string text = "Costarring alongside actress Han So-Hee was ZE:A\u2019s Park Hyung-Sik as main male lead.";
  // actor:박형식 resolves to the key park-hyeong-sik: no query word is in the text.
  auto hangul = revsearch::query::parse_query("actor:박형식", analyzer);
  auto s = make_snippet(text, analyzer, hangul.highlights);
  CHECK(s.render("[", "]") == "Costarring alongside actress Han So-Hee was ZE:A\u2019s [Park Hyung-Sik] as main male lead.");
  // Without the key nothing is highlighted.
  auto none = make_snippet(text, analyzer, {{}, {}, {}, {}});
  CHECK(none.matches.empty());
}

TEST_CASE("a snippet window in text without spaces starts at a character", "[snippet][korean]") {
  revsearch::analysis::Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 50; ++i) text += "filler words here. ";
  // No space within the lead before the match: the start falls inside the
  // Hangul run before '.', which must not be cut inside a character.
  text += "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허.뻔한데";
  for (int i = 0; i < 50; ++i) text += " more filler.";
  auto s = make_snippet(text, analyzer, {{}, {"뻔하다"}, {}, {}}, 120);
  std::string out = s.render("[", "]");
  CHECK(out.find("[뻔한데]") != std::string::npos);
  CHECK(revsearch::utf8::is_valid(out));
}
