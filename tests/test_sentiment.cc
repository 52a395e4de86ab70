// Sentiment scoring: tables of sentences with the expected sign, rules
// compared pairwise, Korean keys, and targeted sentiment on the seed review.
#include <catch2/catch.hpp>

#include <cmath>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/sentiment/model.h"
#include "revsearch/sentiment/sentiment.h"
#include "revsearch/sentiment/targeted.h"
#include "support.h"

using namespace revsearch;
using revsearch::sentiment::Label;

namespace {

analysis::Analyzer& analyzer() {
  static analysis::Analyzer instance;
  return instance;
}

sentiment::Scorer& scorer() {
  static sentiment::Scorer instance(analyzer());
  return instance;
}

using sentiment::Method;

// The rules alone (lexicon, negation, hedges, contrast): what the opinions
// about people are made of.
double score(const std::string& text, const std::string& lang = "") {
  return scorer().score(text, lang, Method::kRules).score;
}

struct Case {
  const char* text;
  int sign;  // +1 positive, -1 negative, 0 neutral
};

void check_signs(const std::vector<Case>& cases, const std::string& lang, Method method = Method::kRules) {
  for (const Case& c : cases) {
    double s = scorer().score(c.text, lang, method).score;
    INFO(c.text << " -> " << s);
    if (c.sign > 0) CHECK(s >= 0.05);
    if (c.sign < 0) CHECK(s <= -0.05);
    if (c.sign == 0) CHECK(std::fabs(s) < 0.05);
  }
}

}  // namespace

TEST_CASE("sentiment: English negation, hedges, contrast, idioms", "[sentiment]") {
  check_signs({
                  {"The acting was good.", +1},
                  {"The acting was not good.", -1},
                  {"The acting wasn't good.", -1},
                  {"There was certainly nothing wrong per say with their dynamic.", +1},
                  {"Their potential was certainly not unwatchable.", +1},
                  {"Her performance could often feel somewhat lacklustre.", -1},
                  {"Soo Hee's performance could feel somewhat lacking at the best of times.", -1},
                  {"It rarely felt coherently natural.", -1},
                  {"The start was inconsistent, but the chemistry was decent enough.", +1},
                  {"The chemistry was decent, but the plot was dull.", -1},
                  {"Although the cast is great, the plot is dull and tedious.", -1},
                  {"The plot is dull. However the cast is wonderful.", +1},
                  {"A masterpiece!", +1},
                  {"It is a horror thriller about revenge.", 0},   // genres are not feelings
                  {"Sun Woo meets Joy in the park.", 0},           // nor are names
                  {"It is hard to deny that the series exists.", 0},
              },
              "en");
}

TEST_CASE("sentiment: English rules strengthen and weaken as VADER's do", "[sentiment]") {
  CHECK(score("very good", "en") > score("good", "en"));
  CHECK(score("somewhat good", "en") < score("good", "en"));
  CHECK(score("somewhat lacklustre", "en") > score("lacklustre", "en"));  // a hedge weakens a negative too
  CHECK(score("it was GOOD", "en") > score("it was good", "en"));
  CHECK(score("good!!!", "en") > score("good", "en"));
  CHECK(score("decent enough", "en") < score("decent", "en"));
  // Contrast: the clause after "but" outweighs the one before.
  CHECK(score("good but bad", "en") < 0);
  CHECK(score("bad but good", "en") > 0);
}

TEST_CASE("sentiment: Korean endings, negation, intensifiers and chat markers", "[sentiment]") {
  check_signs({
                  {"정말 재밌어요", +1},
                  {"재밌었다", +1},
                  {"재밌네요", +1},
                  {"최고의 영화", +1},
                  {"감동적이었어요", +1},
                  {"재미없다", -1},
                  {"지루했어요", -1},
                  {"별로네요", -1},
                  {"시간 아깝다", -1},
                  {"안 좋아요", -1},
                  {"안 재밌다", -1},
                  {"감동 없다", -1},
                  {"나쁘지 않았다", +1},
                  {"지루하지 않았다", +1},
                  {"ㅡㅡ", -1},
                  {"연기가 최악이었다 ㅡㅡ", -1},
              },
              "ko");
  // Negation flips, intensifiers strengthen.
  CHECK(score("좋다", "ko") > 0);
  CHECK(score("안 좋다", "ko") < score("좋다", "ko"));
  CHECK(score("너무 지루하다", "ko") < score("지루하다", "ko"));
  // Language detection picks the Korean scorer on its own.
  CHECK(scorer().score("정말 재밌어요").lang == "ko");
  CHECK(scorer().score("a good film").lang == "en");
}

TEST_CASE("sentiment: chat markers are one lexicon key at any length", "[sentiment]") {
  auto keys = [](const char* text) { return sentiment::korean_keys(analyzer().analyze(text)); };
  CHECK(keys("ㅋㅋㅋㅋㅋㅋ") == keys("ㅋㅋ"));
  CHECK(keys("ㅠㅠㅠ") == keys("ㅠㅠ"));
  CHECK(keys("ㅋㅋ") != keys("ㅠㅠ"));
  CHECK(score("ㅋㅋㅋㅋㅋㅋ", "ko") == Approx(score("ㅋㅋ", "ko")));
}

TEST_CASE("sentiment: the learned models read plain reviews right", "[sentiment][model]") {
  check_signs({
                  {"The acting was good.", +1},
                  {"The acting was not good.", -1},
                  {"Her performance could often feel somewhat lacklustre.", -1},
                  {"A masterpiece!", +1},
                  {"Although the cast is great, the plot is dull and tedious.", -1},
                  {"The plot is dull. However the cast is wonderful.", +1},
                  {"A waste of time: boring, predictable and badly acted.", -1},
                  {"One of the best films of the year, moving and funny.", +1},
              },
              "en", Method::kModel);
  check_signs({
                  {"정말 재밌어요", +1},
                  {"최고의 영화", +1},
                  {"감동적이었어요", +1},
                  {"재미없다", -1},
                  {"지루했어요", -1},
                  {"시간 아깝다", -1},
                  {"연기가 최악이었다 ㅡㅡ", -1},
                  {"!!!", 0},  // no evidence: the prior alone does not make it positive
              },
              "ko", Method::kModel);
}

TEST_CASE("sentiment: the model names the words and pairs that moved the score", "[sentiment][model]") {
  sentiment::Sentiment s = scorer().score("Her performance could often feel somewhat lacklustre.", "en");
  CHECK(s.label == Label::kNegative);
  double lacklustre = 0, sum = 0;
  bool pair = false;
  for (const auto& w : s.words) {
    if (w.word == "lacklustre") lacklustre += w.weight;
    pair = pair || (w.term.empty() && w.word.find(' ') != std::string::npos);
    sum += w.weight;
  }
  CHECK(lacklustre < 0);  // the lexicon's share and the model's own weight
  CHECK(pair);            // adjacent pairs are features of their own, with no search term
  // The rules' words stay, for the opinions about people.
  REQUIRE(s.lexicon_words.size() == 1);
  CHECK(s.lexicon_words[0].word == "lacklustre");
  // Score = tanh((bias + contributions) / 2).
  CHECK(s.score == Approx(std::tanh((sentiment::english_model().bias + sum) / 2)).margin(1e-9));
}

TEST_CASE("sentiment: the rules' praise and blame are shared among their words", "[sentiment][model]") {
  // Praise and blame in one text: each lexicon word gets its share of the
  // rules score and of its own side's sum, and the shares add up to the margin.
  sentiment::Sentiment s = scorer().score("A charming cast, but a stilted and lacklustre ending.", "en");
  double sum = 0, charming = 0, stilted = 0;
  for (const auto& w : s.words) {
    sum += w.weight;
    if (w.word == "charming") charming += w.weight;
    if (w.word == "stilted") stilted += w.weight;
  }
  CHECK(charming > 0);
  CHECK(stilted < 0);
  CHECK(s.score < 0);  // the criticism after "but" is the point
  CHECK(s.score == Approx(std::tanh((sentiment::english_model().bias + sum) / 2)).margin(1e-9));
}

TEST_CASE("sentiment: model files parse; the embedded ones are trained", "[sentiment][model]") {
  sentiment::LinearModel m = sentiment::parse_model({"# comment", "@bias\t0.5", "@lexicon\t2", "@praise\t0.25",
                                                     "@blame\t-0.75", "good\t1.25",
                                                     "!good\t-1", "bad film\t-0.5", "broken line", "x\tnan?"});
  CHECK(m.bias == 0.5);
  CHECK(m.lexicon == 2);
  CHECK(m.praise == 0.25);
  CHECK(m.blame == -0.75);
  CHECK(m.weights.size() == 3);
  CHECK(m.weight("bad film") == -0.5);
  CHECK(m.weight("missing") == 0);
  CHECK(sentiment::english_model().weights.size() > 10000);
  CHECK(sentiment::english_model().lexicon > 0);
  CHECK(sentiment::english_model().praise > 0);
  CHECK(sentiment::english_model().blame < 0);
  CHECK(sentiment::korean_model().praise == 0);  // Korean: words and pairs only
  CHECK(sentiment::korean_model().weights.size() > 10000);
  CHECK(sentiment::english_model().weight("!good") < 0);
}

TEST_CASE("sentiment: the weight table keeps the first weight of a hash and grows", "[sentiment][model]") {
  sentiment::WeightTable table;
  CHECK(table.find(7) == nullptr);  // empty
  table.emplace(7, 1.5);
  table.emplace(7, -2.0);  // the first stays, as with std::unordered_map::emplace
  REQUIRE(table.find(7) != nullptr);
  CHECK(*table.find(7) == 1.5);
  // Hashes that collide in the low bits, and 0, across several growths.
  for (std::uint64_t i = 0; i < 1000; ++i) table.emplace(i << 32, static_cast<double>(i));
  CHECK(table.size() == 1001);
  for (std::uint64_t i = 0; i < 1000; ++i) {
    REQUIRE(table.find(i << 32) != nullptr);
    CHECK(*table.find(i << 32) == static_cast<double>(i));
  }
  CHECK(*table.find(7) == 1.5);
  CHECK(table.find(1000ull << 32) == nullptr);
  CHECK(table.find(8) == nullptr);
}

TEST_CASE("sentiment: labels, contributing words and bad input", "[sentiment]") {
  sentiment::Sentiment s = scorer().score("Her performance could often feel somewhat lacklustre.", "en", Method::kRules);
  REQUIRE(s.words.size() == 1);
  CHECK(s.words[0].word == "lacklustre");
  CHECK(s.label == Label::kNegative);
  CHECK(sentiment::label_name(s.label) == "negative");
  CHECK(scorer().score("the table is in the room", "en", Method::kRules).label == Label::kNeutral);
  CHECK(scorer().score("wonderful, brilliant acting; awful, horrible plot", "en").label ==
        Label::kMixed);
  CHECK(scorer().score("", "").label == Label::kNeutral);
  CHECK(scorer().score("!!!!!!????", "en").score == 0);
}

namespace {

// The seed review's paragraph containing `needle`.
std::string seed_paragraph(const std::string& needle) {
  for (const std::string& line : test::lines_of(test::read_file(test::seed_review()))) {
    if (line.find(needle) != std::string::npos) return line;
  }
  FAIL("no seed paragraph contains " << needle);
  return "";
}

// Hand-given mentions: every occurrence of each spelling.
std::vector<sentiment::Mention> mentions_of(const std::string& text,
                                            const std::vector<std::pair<std::string, std::string>>& names) {
  std::vector<sentiment::Mention> out;
  for (const auto& [spelling, entity] : names) {
    for (std::size_t at = text.find(spelling); at != std::string::npos; at = text.find(spelling, at + 1)) {
      out.push_back({at, at + spelling.size(), entity});
    }
  }
  return out;
}

const sentiment::EntitySentiment* find_entity(const std::vector<sentiment::EntitySentiment>& all,
                                              const std::string& entity) {
  for (const auto& e : all) {
    if (e.entity == entity) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("targeted: Han So-hee's lacklustre performance is negative about her", "[sentiment][targeted]") {
  std::string text = seed_paragraph("somewhat lacklustre");
  auto result = sentiment::targeted_sentiment(
      scorer(), text, mentions_of(text, {{"Han So-Hee’s", "han-so-hee"}, {"So Hee’s", "han-so-hee"},
                                         {"Soo Hee’s", "han-so-hee"}}));
  const auto* her = find_entity(result, "han-so-hee");
  REQUIRE(her);
  CHECK(her->label == Label::kNegative);
  bool lacklustre = false, lacking = false;
  for (const auto& w : her->words) {
    lacklustre = lacklustre || w.word == "lacklustre";  // reached through "her performance"
    lacking = lacking || w.word == "lacking";           // "Soo Hee's performance ... lacking"
  }
  CHECK(lacklustre);
  CHECK(lacking);
}

TEST_CASE("targeted: 'the actress' refers back; My Name being widely praised is positive", "[sentiment][targeted]") {
  std::string text = seed_paragraph("widely praised");
  auto result = sentiment::targeted_sentiment(scorer(), text, mentions_of(text, {{"Han So-Hee", "han-so-hee"}}));
  const auto* her = find_entity(result, "han-so-hee");
  REQUIRE(her);
  CHECK(her->label == Label::kPositive);
  bool praised = false;
  for (const auto& w : her->words) praised = praised || w.word == "praised";
  CHECK(praised);
}

TEST_CASE("targeted: two actors in one sentence get their own clauses", "[sentiment][targeted]") {
  std::string text = "Han So-Hee was wonderful, but Park Hyung-Sik was dull. His lines felt stilted.";
  auto result = sentiment::targeted_sentiment(
      scorer(), text, mentions_of(text, {{"Han So-Hee", "han-so-hee"}, {"Park Hyung-Sik", "park-hyung-sik"}}), "en");
  REQUIRE(result.size() == 2);
  CHECK(result[0].entity == "han-so-hee");
  CHECK(result[0].label == Label::kPositive);
  CHECK(result[1].entity == "park-hyung-sik");
  CHECK(result[1].label == Label::kNegative);
  CHECK(result[1].words.size() == 2);  // dull, and stilted through "His"
}

TEST_CASE("targeted: no mentions, bad spans and unrelated sentences", "[sentiment][targeted]") {
  std::string text = "The soundtrack was awful. Han So-Hee appears in it.";
  CHECK(sentiment::targeted_sentiment(scorer(), text, {}).empty());
  auto bad = sentiment::targeted_sentiment(scorer(), text, {{40, 10, "x"}, {0, 9999, "y"}, {0, 3, ""}});
  CHECK(bad.empty());
  auto result = sentiment::targeted_sentiment(scorer(), text, mentions_of(text, {{"Han So-Hee", "han-so-hee"}}));
  REQUIRE(result.size() == 1);
  CHECK(result[0].label == Label::kNeutral);  // "awful" is about the soundtrack
}

namespace {

std::vector<sentiment::Opinion> opinions_in(const std::string& text, const std::vector<sentiment::Mention>& mentions) {
  std::vector<analysis::Token> tokens = analyzer().analyze(text);
  return sentiment::opinions(text, tokens, scorer().score_tokens(text, tokens, "en"), mentions);
}

// "entity label: sentence start" for each opinion, in order.
std::vector<std::string> summary(const std::string& text, const std::vector<sentiment::Opinion>& opinions) {
  std::vector<std::string> out;
  for (const auto& o : opinions) {
    out.push_back(o.entity + " " + std::string(sentiment::label_name(o.label)) + ": " +
                  text.substr(o.begin, std::min<std::size_t>(12, o.end - o.begin)));
  }
  return out;
}

}  // namespace

TEST_CASE("opinions: praise and criticism of one actor in one passage are two opinions", "[sentiment][targeted]") {
  std::string text = seed_paragraph("easygoing charm");
  auto result = opinions_in(text, mentions_of(text, {{"Park Hyung-Sik", "park-hyung-sik"},
                                                     {"Hyung-Sik", "park-hyung-sik"},
                                                     {"Han So-Hee", "han-so-hee"}}));
  // Sentence by sentence: "Hyung-Sik has certainly gained ... easygoing
  // charm." and "However despite Hyung-Sik's talents ... stilted".
  CHECK(summary(text, result) == std::vector<std::string>{"park-hyung-sik positive: Hyung-Sik ha",
                                                          "park-hyung-sik negative: However desp"});
  for (const auto& o : result) {
    CHECK(text.substr(o.begin, o.end - o.begin).find('.') >= o.end - o.begin - 2);  // one sentence each
  }
}

TEST_CASE("opinions: a turn inside a sentence splits it; 'their' after two names is both", "[sentiment][targeted]") {
  std::string text = seed_paragraph("somewhat lacking");
  auto her = opinions_in(text, mentions_of(text, {{"Han So-Hee’s", "han-so-hee"}, {"So Hee’s", "han-so-hee"},
                                                  {"Soo Hee’s", "han-so-hee"}}));
  CHECK(summary(text, her) == std::vector<std::string>{"han-so-hee negative: Nevertheless",
                                                       "han-so-hee positive: So Hee’s p",
                                                       "han-so-hee negative: but it is pe"});
  std::string pair = "There was nothing wrong with Hyung Sik and Soo Hee's dynamic. "
                     "However their potential rarely felt natural.";
  auto both = opinions_in(pair, mentions_of(pair, {{"Hyung Sik", "park-hyung-sik"}, {"Soo Hee's", "han-so-hee"}}));
  CHECK(summary(pair, both) == std::vector<std::string>{"han-so-hee positive: There was no",
                                                        "park-hyung-sik positive: There was no",
                                                        "han-so-hee negative: However thei",
                                                        "park-hyung-sik negative: However thei"});
}

TEST_CASE("opinions: a name in a cast credit is not what a later 'her' means", "[sentiment][targeted]") {
  std::string text = "Lee Eun Soo ( Han So-Hee ) is a lyricist. She loves her wonderful dream job.";
  std::vector<sentiment::Mention> mentions = mentions_of(text, {{"Han So-Hee", "han-so-hee"}});
  for (auto m : mentions_of(text, {{"Lee Eun Soo", "character:eun-soo"}})) {
    m.performer = false;
    mentions.push_back(m);
  }
  auto result = opinions_in(text, mentions);
  CHECK(summary(text, result) == std::vector<std::string>{"character:eun-soo positive: She loves he"});
}
