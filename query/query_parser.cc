// A small recursive-descent parser. Grammar (operators in capitals):
//   or   := and ("OR" and)*
//   and  := not ("AND" not)*
//   not  := seq ("NOT" seq)*
//   seq  := near+          plain items OR'ed (BM25 ranks the best first),
//                          +items required, -items excluded, field filters
//   near := item ("NEAR" | "NEAR/n" item)*
//   item := [+-] [field:] (word | word* | "phrase" | "(" or ")")
#include "revsearch/query/query_parser.h"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <vector>

#include "revsearch/analysis/korean.h"
#include "revsearch/analysis/variants.h"
#include "revsearch/entities/catalog.h"
#include "revsearch/entities/recognizer.h"
#include "revsearch/errors.h"
#include "revsearch/numbers.h"
#include "revsearch/query/phrase_check.h"
#include "revsearch/schema.h"
#include "revsearch/sentiment/sentiment.h"
#include "revsearch/utf8.h"

namespace revsearch::query {
namespace {

// kActor/kCharacter/kTitleEntity (issue 5): values resolved through
// revsearch/entities to canonical keys.
// kPerson/kDirector: anyone the passage names / names as director or crew;
// kCast..kMovie: films of the catalogue, through their movie terms.
enum class FieldKind {
  kBoolean, kRange, kInitials /* issue 4 */, kSentiment /* issue 6 */,
  kActor, kCharacter, kTitleEntity /* issue 5 */,
  kPerson, kDirector, kCast, kGenre, kYear, kMovie
};

struct FieldSpec {
  FieldKind kind;
  std::string_view exact_prefix;  // the term prefix (title, sentiment: of exact words)
  std::string_view stem_prefix;   // title, sentiment: of stemmed words
  bool fold_value;                // boolean values are lower-cased unless ids
  Xapian::valueno slot = 0;       // range only
};

const std::map<std::string, FieldSpec, std::less<>>& fields() {
  static const std::map<std::string, FieldSpec, std::less<>> table = {
      {"title", {FieldKind::kTitleEntity, schema::kTitle, schema::kTitleStem, true}},
      {"lang", {FieldKind::kBoolean, schema::kLanguage, "", true}},
      {"review", {FieldKind::kBoolean, schema::kReview, "", false}},
      {"kind", {FieldKind::kBoolean, schema::kKind, "", true}},
      {"rating", {FieldKind::kRange, "", "", false, schema::kSlotRating}},
      // Korean (issue 4): opt-in 초성 search, initials:ㅎㅅㅎ finds 한소희.
      {"initials", {FieldKind::kInitials, schema::kInitials, "", false}},
      // Sentiment (issue 6): a label filters, any other word is a sentiment word.
      {"sentiment", {FieldKind::kSentiment, "", schema::kStem, true}},
      // Entities (issue 5).
      {"actor", {FieldKind::kActor, schema::kActor, "", false}},
      {"character", {FieldKind::kCharacter, schema::kCharacter, "", false}},
      {"person", {FieldKind::kPerson, schema::kActor, "", false}},
      {"director", {FieldKind::kDirector, schema::kCrew, "", false}},
      // Film catalogue (index --catalog): filters on the film a review is about.
      {"cast", {FieldKind::kCast, schema::kMovie, "", false}},
      {"genre", {FieldKind::kGenre, schema::kMovie, "", false}},
      {"year", {FieldKind::kYear, schema::kMovie, "", false}},
      {"movie", {FieldKind::kMovie, schema::kMovie, "", false}},
  };
  return table;
}

constexpr Xapian::termpos kDefaultNear = 10;


bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Opening and closing quote marks: ASCII and typographic.
std::size_t quote_length(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  if (s.compare(i, 3, "\u201C") == 0 || s.compare(i, 3, "\u201D") == 0) return 3;
  return 0;
}

// The phrase checks every match of a part of the query must pass (see
// ParsedQuery::required_phrases).
using Checks = std::vector<PhraseCheck*>;

void append(Checks& to, const Checks& from) { to.insert(to.end(), from.begin(), from.end()); }

// A parsed group of items (between operators, in parentheses).
struct Clause {
  Xapian::Query query;
  Checks required_phrases;
  std::vector<ScoredPart> parts;  // the weighted parts (see ScoredPart)
};

void append(std::vector<ScoredPart>& to, std::vector<ScoredPart>&& from) {
  for (ScoredPart& part : from) to.push_back(std::move(part));
}

// One parsed item: its query, and for words and phrases the exact
// positional terms NEAR needs.
struct Item {
  Item(Xapian::Query q = {}, std::vector<std::string> terms = {}, bool filter = false)
      : query(std::move(q)), positional(std::move(terms)), is_filter(filter) {}
  Xapian::Query query;
  Checks required_phrases;  // a phrase or NEAR group checked against stored text
  std::vector<std::string> positional;
  bool is_filter = false;
  bool required = false;  // must match, and its weight counts (opinions about a person)
  bool body = false;  // free text (words or a phrase), not a field or group
  bool group = false;  // a parenthesised clause: its parts are its own items'
  std::vector<ScoredPart> parts;  // its weighted parts: a word's tokens, or the item as one
};

class Parser {
 public:
  // `known_people`: the people a first pass found (see parse_query).
  Parser(std::string_view text, analysis::Analyzer& analyzer, const ParseOptions& options, ParsedQuery& out,
         std::vector<std::string> known_people = {})
      : text_(text), analyzer_(analyzer), options_(options), out_(out), known_people_(std::move(known_people)) {}

  // The people (targeted-sentiment entities) the query asks about.
  const std::vector<std::string>& people() const { return people_; }

  Clause parse() {
    skip_spaces();
    if (pos_ == text_.size()) throw UsageError("empty query");
    // Stop words are dropped from free text unless they are all there is.
    for (const analysis::Token& token : analyzer_.analyze(text_)) {
      drop_stopwords_ = drop_stopwords_ || !token.stopword;
    }
    Clause q = parse_or();
    skip_spaces();
    if (pos_ < text_.size()) {
      if (text_[pos_] == ')') fail(pos_, "unexpected ')' with no matching '('");
      fail(pos_, "unexpected text");
    }
    if (q.query.empty()) throw UsageError("query has no searchable words: '" + std::string(text_) + "'");
    out_.parts = std::move(q.parts);
    return q;
  }

 private:
  [[noreturn]] void fail(std::size_t at, const std::string& message) const {
    std::size_t column = utf8::length(text_.substr(0, at)) + 1;
    throw UsageError("query syntax error at column " + std::to_string(column) + ": " + message);
  }

  void skip_spaces() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }

  bool word_ends_at(std::size_t after) const {
    return after == text_.size() || is_space(text_[after]) || text_[after] == '(' || quote_length(text_, after);
  }

  // Peeks an operator word (AND, OR, NOT) at the cursor.
  std::optional<std::string_view> peek_operator() {
    skip_spaces();
    for (std::string_view op : {"AND", "OR", "NOT"}) {
      if (text_.compare(pos_, op.size(), op) == 0 && word_ends_at(pos_ + op.size())) return op;
    }
    return std::nullopt;
  }

  // "NEAR" or "NEAR/n" at the cursor: the window, advancing past it.
  std::optional<Xapian::termpos> take_near() {
    skip_spaces();
    if (text_.compare(pos_, 4, "NEAR") != 0) return std::nullopt;
    std::size_t at = pos_, end = pos_ + 4;
    Xapian::termpos distance = kDefaultNear;
    if (end < text_.size() && text_[end] == '/') {
      std::size_t digits = end + 1;
      while (end + 1 < text_.size() && std::isdigit(static_cast<unsigned char>(text_[end + 1]))) ++end;
      auto [ptr, ec] = std::from_chars(text_.data() + digits, text_.data() + end + 1, distance);
      if (ec != std::errc() || ptr == text_.data() + digits || distance == 0 || distance > 1000) {
        fail(at, "NEAR/n needs a distance from 1 to 1000, e.g. NEAR/3");
      }
      ++end;
    }
    if (!word_ends_at(end)) return std::nullopt;  // "NEARLY" is a word
    pos_ = end;
    return distance;
  }

  bool at_item_end() {
    skip_spaces();
    return pos_ == text_.size() || text_[pos_] == ')' || peek_operator();
  }

  // Phrases a match must hold: both sides' under AND, the left side's
  // under NOT, none under OR (either side may match without its phrases).
  Clause binary(Clause (Parser::*next)(), std::string_view op, Xapian::Query::op xop) {
    std::size_t start = pos_;
    Clause left = (this->*next)();
    while (peek_operator() == op) {
      std::size_t at = pos_;
      if (left.query.empty() && pos_ == start) fail(at, "'" + std::string(op) + "' needs a term before it");
      pos_ += op.size();
      if (at_item_end()) fail(at, "'" + std::string(op) + "' needs a term after it");
      if (xop == Xapian::Query::OP_AND_NOT) ++negation_depth_;  // people after NOT are not asked about
      Clause right = (this->*next)();
      if (xop == Xapian::Query::OP_AND_NOT) --negation_depth_;
      if (left.query.empty()) {
        left = xop == Xapian::Query::OP_AND_NOT ? Clause() : right;
      } else if (!right.query.empty()) {
        left.query = Xapian::Query(xop, left.query, right.query);
        if (xop == Xapian::Query::OP_OR) left.required_phrases.clear();
        if (xop == Xapian::Query::OP_AND) append(left.required_phrases, right.required_phrases);
        if (xop != Xapian::Query::OP_AND_NOT) append(left.parts, std::move(right.parts));  // NOT's side weighs nothing
      } else if (xop == Xapian::Query::OP_AND) {
        left = Clause();
      }
    }
    return left;
  }

  Clause parse_or() { return binary(&Parser::parse_and, "OR", Xapian::Query::OP_OR); }
  Clause parse_and() { return binary(&Parser::parse_not, "AND", Xapian::Query::OP_AND); }
  Clause parse_not() { return binary(&Parser::parse_seq, "NOT", Xapian::Query::OP_AND_NOT); }

  Clause parse_seq() {
    std::vector<Xapian::Query> optional, required, excluded, filters;
    Checks optional_phrases, required_phrases;  // see Clause
    if (at_item_end()) {
      if (pos_ < text_.size() && text_[pos_] == ')') fail(pos_, "unexpected ')' with no matching '('");
      if (auto op = peek_operator()) fail(pos_, "'" + std::string(*op) + "' needs a term before it");
    }
    std::vector<std::pair<std::size_t, std::size_t>> body_spans;  // free-text items, for named actors
    std::vector<Item> optional_items;
    std::vector<ScoredPart> parts;
    while (!at_item_end()) {
      char modifier = 0;
      if ((text_[pos_] == '+' || text_[pos_] == '-') && pos_ + 1 < text_.size() && !is_space(text_[pos_ + 1])) {
        modifier = text_[pos_++];
      }
      std::size_t item_start = pos_;
      Item item = parse_near(modifier == '-');
      if (item.body && modifier != '-') body_spans.emplace_back(item_start, pos_);
      if (item.query.empty()) continue;
      if (modifier == '-') {
        excluded.push_back(item.query);
      } else if (item.is_filter) {
        filters.push_back(item.query);
        append(required_phrases, item.required_phrases);
      } else if (modifier == '+' || item.required) {
        required.push_back(item.query);
        append(required_phrases, item.required_phrases);
        append(parts, std::move(item.parts));
      } else {
        append(optional_phrases, item.required_phrases);
        optional_items.push_back(std::move(item));
      }
    }
    if (!optional_items.empty()) add_named_actors(body_spans, optional_items);
    // Several words (or phrases, names) to choose from: each one found adds
    // weights::kEveryWordFound, so passages with more of them come first.
    std::size_t words = 0;
    for (const Item& item : optional_items) words += item.group ? 1 : item.parts.size();
    const bool coordinated = words >= 2;
    for (Item& item : optional_items) {
      if (coordinated && !item.group) {
        std::vector<Xapian::Query> counted;
        for (ScoredPart& part : item.parts) {
          counted.push_back(weights::counted_as_found(part.query));
          part.counted = true;
        }
        item.query = counted.size() == 1 ? counted[0] : Xapian::Query(Xapian::Query::OP_OR, counted.begin(), counted.end());
      }
      optional.push_back(item.query);
      append(parts, std::move(item.parts));
    }
    Xapian::Query q;
    if (!optional.empty()) q = Xapian::Query(Xapian::Query::OP_OR, optional.begin(), optional.end());
    // The optional items' phrases bind a match only when one item is all
    // the group asks for.
    if (optional.size() == 1 && required.empty()) append(required_phrases, optional_phrases);
    if (!required.empty()) {
      Xapian::Query must(Xapian::Query::OP_AND, required.begin(), required.end());
      q = q.empty() ? must : Xapian::Query(Xapian::Query::OP_AND_MAYBE, must, q);
    }
    if (!filters.empty()) {
      Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
      q = q.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0)
                    : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    }
    if (!excluded.empty()) {
      Xapian::Query none(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q.empty() ? Xapian::Query::MatchAll : q, none);
    }
    return {q, std::move(required_phrases), std::move(parts)};
  }

  // Field boost for people (issue 8): free text that names an actor ("Han
  // So-Hee performance", "한소희") also matches the actor's entity terms, so
  // passages that mention her in any spelling or script rank above passages
  // that merely share a word ("Han", "Hee").
  void add_named_actors(const std::vector<std::pair<std::size_t, std::size_t>>& body_spans,
                        std::vector<Item>& optional) {
    if (options_.actor_boost <= 0 || body_spans.empty()) return;
    auto in_body = [&](std::size_t begin, std::size_t end) {
      for (std::size_t p = begin; p < end; ++p) {
        if (is_space(text_[p])) continue;
        bool inside = false;
        for (auto [b, e] : body_spans) inside = inside || (b <= p && p < e);
        if (!inside) return false;
      }
      return true;
    };
    // The names in the whole query, found once however many sequences it has.
    if (!query_mentions_) query_mentions_ = entities::find_mentions(text_);
    std::vector<std::string> added;
    for (const entities::Mention& m : *query_mentions_) {
      if (m.kind != entities::EntityKind::kActor || !in_body(m.begin, m.end)) continue;
      if (std::find(added.begin(), added.end(), m.key) != added.end()) continue;
      added.push_back(m.key);
      out_.highlights.people.insert(m.key);
      note_person(schema::person_sentiment_entity(false, m.key, false));  // "Han So-Hee sentiment:negative"
      Item actor(actor_query(m.key, false, options_.actor_boost, " (named in the query)"));
      actor.parts.push_back({std::string(text_.substr(m.begin, m.end - m.begin)), "actor (named in the query)",
                             actor.query, {}, false, {}, {}, false, {}});
      optional.push_back(std::move(actor));
    }
  }

  // A phrase or NEAR group: Xapian's operator where words carry positions,
  // else the words' AND checked against the stored text (phrase_check.h).
  // `check`: the PhraseCheck made, if any.
  Xapian::Query proximity(Proximity kind, const std::vector<std::string>& terms, Xapian::termcount window,
                          PhraseCheck** check = nullptr) {
    out_.proximity = true;
    return proximity_query(kind, terms, window, options_.positions ? nullptr : &analyzer_, check);
  }

  Item parse_near(bool negated) {
    std::size_t start = pos_;
    if (take_near()) fail(start, "NEAR needs a word or phrase before it");
    Item item = parse_item(negated);
    std::optional<Xapian::termpos> distance;
    std::vector<std::string> terms = item.positional;
    while ((distance = take_near())) {
      if (item.positional.empty()) fail(start, "NEAR needs a word or phrase before it");
      skip_spaces();
      std::size_t right_at = pos_;
      if (at_item_end()) fail(right_at, "NEAR needs a word or phrase after it");
      Item right = parse_item(negated);
      if (right.positional.empty()) fail(right_at, "NEAR needs a word or phrase after it");
      terms.insert(terms.end(), right.positional.begin(), right.positional.end());
      PhraseCheck* check = nullptr;
      item.query =
          proximity(Proximity::kNear, terms, static_cast<Xapian::termcount>(*distance + terms.size() - 1), &check);
      item.required_phrases.clear();  // the group replaces its first item
      if (check) item.required_phrases.push_back(check);
      item.parts = {{std::string(text_.substr(start, pos_ - start)), "body", item.query, {}, false, {}, {}, false, {}}};
    }
    return item;
  }

  // An item with its weighted parts: a word's tokens (words() makes them),
  // else the item as one part, labelled as typed.
  Item parse_item(bool negated) {
    std::size_t start = pos_;
    Item item = parse_item_query(negated);
    if (item.parts.empty() && !item.is_filter && !item.group && !item.query.empty()) {
      std::string label(text_.substr(start, pos_ - start));
      std::size_t colon = label.find(':');
      std::string field = colon != std::string::npos && colon > 0 && !quote_length(label, 0) ? label.substr(0, colon)
                                                                                            : std::string("body");
      item.parts.push_back({std::move(label), std::move(field), item.query, {}, false, {}, {}, false, {}});
    }
    return item;
  }

  Item parse_item_query(bool negated) {
    std::size_t start = pos_;
    if (text_[pos_] == '(') {
      ++pos_;
      Clause inner = parse_or();
      skip_spaces();
      if (pos_ >= text_.size() || text_[pos_] != ')') fail(start, "missing ')' for this '('");
      ++pos_;
      Item item(inner.query);
      item.required_phrases = std::move(inner.required_phrases);
      item.parts = std::move(inner.parts);
      item.group = true;
      return item;
    }
    if (quote_length(text_, pos_)) {
      Item item = phrase("body", "", !negated);
      item.body = true;
      return item;
    }

    std::size_t end = pos_;
    while (end < text_.size() && !is_space(text_[end]) && text_[end] != '(' && text_[end] != ')' &&
           !quote_length(text_, end)) {
      ++end;
    }
    std::string_view word = text_.substr(pos_, end - pos_);
    pos_ = end;

    std::size_t colon = word.find(':');
    if (colon != std::string_view::npos && colon > 0) {
      auto field = fields().find(word.substr(0, colon));
      if (field != fields().end()) {
        std::string_view value = word.substr(colon + 1);
        const FieldSpec& spec = field->second;
        const std::string& name = field->first;
        if (spec.kind == FieldKind::kActor || spec.kind == FieldKind::kCharacter || spec.kind == FieldKind::kTitleEntity ||
            spec.kind >= FieldKind::kPerson) {
          if (value.empty() && pos_ < text_.size() && quote_length(text_, pos_)) value = phrase_text();
          if (value.empty()) fail(start, "field '" + field->first + ":' needs a value");
          if (spec.kind >= FieldKind::kCast) return film_filter(spec.kind, name, value, start + colon + 1);
          return entity(spec.kind, value, start, negated);
        }
        if (value.empty() && pos_ < text_.size() && quote_length(text_, pos_)) {
          // lang:"" is an error like title:"", never an empty result.
          if (spec.kind == FieldKind::kBoolean || spec.kind == FieldKind::kSentiment) {
            std::string_view quoted = phrase_text();
            if (quoted.empty()) fail(start, "field '" + name + ":' needs a value");
            if (spec.kind == FieldKind::kBoolean) return boolean_term(spec, quoted);
            return sentiment(quoted);
          }
          if (spec.kind == FieldKind::kRange) fail(start, "field '" + name + ":' takes a range like 7..10");
          return phrase(name, spec.exact_prefix, false);
        }
        if (value.empty()) fail(start, "field '" + name + ":' needs a value");
        if (spec.kind == FieldKind::kInitials) return {initials(value, start), {}, false};
        if (spec.kind == FieldKind::kBoolean) return boolean_term(spec, value);
        if (spec.kind == FieldKind::kSentiment) return sentiment(value);
        return range(spec, name, value, start + colon + 1);  // kRange: the kinds above all returned
      }
    }
    Item item = words(word, start, "body", "", schema::kStem, !negated);
    item.body = true;
    return item;
  }

  // The stems with these 초성 (a predicate's also without its 다: 예쁘다 is
  // ᄋᄈ), found in the vocabulary: the syllables that share an initial are
  // one run of 588 code points, so the stems beginning with them lie under
  // a few prefixes of the term list. Combined like the words that begin
  // with a typed word, so shards rank like one database.
  Xapian::Query initials(std::string_view value, std::size_t start) const {
    std::string key = analysis::initials_query(value);
    if (key.empty()) fail(start, "'initials:' takes Korean initial consonants only, e.g. initials:ㅎㅅㅎ");
    if (!options_.vocabulary) return Xapian::Query(schema::initials_key(key));  // no database: the key names what is asked
    std::size_t at = 0;
    const char32_t first_syllable = 0xAC00 + (utf8::next(key, at) - 0x1100) * 588;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    const Xapian::Database& db = *options_.vocabulary;
    for (char32_t block = first_syllable & ~char32_t{0x3F}; block < first_syllable + 588; block += 0x40) {
      std::string prefix(schema::kStem);
      utf8::append(prefix, block);
      prefix.pop_back();  // a Hangul syllable is 3 bytes; the first 2 name its block of 64
      for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        std::string term = *it;
        std::string_view stem = std::string_view(term).substr(schema::kStem.size());
        auto matches = [&key](std::string_view form) { return form.size() >= 6 && analysis::syllable_initials(form) == key; };
        bool predicate_root = stem.size() > 3 && stem.substr(stem.size() - 3) == "다";
        if (matches(stem) || (predicate_root && matches(stem.substr(0, stem.size() - 3)))) {
          found.emplace_back(it.get_termfreq(), std::move(term));
        }
      }
    }
    return rarity_scaled_group(std::move(found), std::numeric_limits<Xapian::termcount>::max());
  }

  // Entities (issue 5). actor: matches direct mentions, and passages that
  // mention a character the actor plays at a quarter of the weight, so those
  // rank below direct mentions. A given name alone ("Hyung Sik") matches
  // every person the index knows by that given name.
  Item entity(FieldKind kind, std::string_view value, std::size_t start, bool negated) {
    // Names are highlighted where the passage spells them the query's way;
    // title words live in the title, not the body.
    for (const analysis::Token& token : analyzer_.analyze(kind == FieldKind::kTitleEntity ? "" : value)) {
      out_.highlights.exact.insert(token.text);
      out_.highlights.stems.insert(token.search_form());
    }
    if (kind == FieldKind::kTitleEntity) {
      std::string key = entities::title_key(value);
      Xapian::Query words_query;
      std::vector<analysis::Token> tokens = analyzer_.analyze(value);
      std::vector<std::string> terms;
      for (const analysis::Token& token : tokens) {
        if (!token.compound) terms.push_back(schema::prefixed(schema::kTitle, token.text));
      }
      if (terms.size() == 1) {
        words_query = words(value, start, "title", schema::kTitle, schema::kTitleStem, false).query;
      } else if (terms.size() > 1) {
        // "soundtrack #1" and "Soundtrack#1" analyse to the same phrase.
        words_query = proximity(Proximity::kPhrase, terms, static_cast<Xapian::termcount>(terms.size()));
      }
      if (key.empty()) return {words_query, {}, false};
      std::string title_term = schema::prefixed(schema::kTitleEntity, key);
      out_.terms.push_back({title_term, "title", 1.0});
      Xapian::Query title(title_term);
      // The reviews of a catalogued film with this title, in either language,
      // whether or not their text names it.
      if (options_.catalog) {
        if (Xapian::Query films = movie_terms(options_.catalog->titled(value)); !films.empty()) {
          title = Xapian::Query(Xapian::Query::OP_OR, title, films);
        }
      }
      return {words_query.empty() ? title : Xapian::Query(Xapian::Query::OP_OR, title, words_query), {}, false};
    }
    entities::NameQuery name = entities::resolve_name(value);
    if (name.key.empty() && options_.catalog) {
      // A person only the catalogue knows (a user's own films table).
      if (const entities::CatalogPerson* p = options_.catalog->person_named(value)) name = {p->key, false, true};
    }
    if (name.key.empty() || !name.known) {
      // A name nobody listed: the name as written, as a phrase in the script
      // given, and a note that it is not a known person.
      out_.notices.push_back("'" + std::string(value) +
                             "' is not a known person: matching the name as written");
      std::vector<std::string> terms;
      for (const analysis::Token& token : analyzer_.analyze(value)) {
        if (token.compound) continue;
        terms.push_back(token.text);
        out_.terms.push_back({token.text, "name as written", 1.0});
      }
      Xapian::Query written;
      if (terms.size() == 1) written = Xapian::Query(terms[0]);
      if (terms.size() > 1) {
        written = proximity(Proximity::kPhrase, terms, static_cast<Xapian::termcount>(terms.size()));
      }
      if (name.key.empty()) return {written.empty() ? nothing() : written, {}, false};
      // Shaped like a Korean name: the recogniser finds such names by
      // pattern, so its key counts too.
      Xapian::Query keyed = person_query(kind, name, negated);
      return {written.empty() ? keyed : Xapian::Query(Xapian::Query::OP_OR, keyed, written), {}, false};
    }
    return {person_query(kind, name, negated), {}, false};
  }

  Xapian::Query person_query(FieldKind kind, const entities::NameQuery& name, bool negated) {
    out_.highlights.people.insert(name.key);
    if (kind == FieldKind::kDirector || kind == FieldKind::kPerson) {
      std::string crew = schema::prefixed(schema::kCrew, name.key);
      out_.terms.push_back({crew, "director or crew", 1.0});
      if (kind == FieldKind::kDirector || name.given_only) return Xapian::Query(crew);
      return Xapian::Query(Xapian::Query::OP_OR, actor_query(name.key, false, 1.0, ""), Xapian::Query(crew));
    }
    if (kind == FieldKind::kCharacter) {
      std::string term = schema::prefixed(name.given_only ? schema::kCharacterGiven : schema::kCharacter, name.key);
      out_.terms.push_back({term, "character", 1.0});
      if (!negated) note_person(schema::person_sentiment_entity(true, name.key, name.given_only));
      return Xapian::Query(term);
    }
    if (!negated) note_person(schema::person_sentiment_entity(false, name.key, name.given_only));
    return actor_query(name.key, name.given_only, 1.0, "");
  }

  // The movie terms of these films (nothing for none).
  Xapian::Query movie_terms(const std::vector<std::string>& ids) {
    std::vector<Xapian::Query> terms;
    for (const std::string& id : ids) terms.emplace_back(schema::prefixed(schema::kMovie, id));
    if (terms.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

  // cast:, genre:, year:, movie: filter on the film a review is about,
  // through the catalogue stored in the database at index time.
  Item film_filter(FieldKind kind, const std::string& field, std::string_view value, std::size_t at) {
    if (kind == FieldKind::kMovie) return {Xapian::Query(schema::prefixed(schema::kMovie, value)), {}, true};
    const entities::Catalog* catalog = options_.catalog;
    if (!catalog || catalog->empty()) {
      out_.notices.push_back(field + ": needs a film catalogue (revsearch index --catalog DIR); this database has none");
      return {nothing(), {}, true};
    }
    std::vector<std::string> ids;
    if (kind == FieldKind::kCast) {
      entities::NameQuery name = entities::resolve_name(value);
      if (!name.key.empty() && !name.given_only) ids = catalog->with_cast(name.key);
      if (ids.empty()) {
        if (const entities::CatalogPerson* p = catalog->person_named(value)) ids = catalog->with_cast(p->key);
      }
      if (ids.empty()) out_.notices.push_back("'" + std::string(value) + "' is in no cast of the catalogue");
    } else if (kind == FieldKind::kGenre) {
      ids = catalog->in_genre(value);
      if (ids.empty()) out_.notices.push_back("'" + std::string(value) + "' is no genre of the catalogue");
    } else {
      auto year = [&](std::string_view s, int otherwise) {
        if (s.empty()) return otherwise;
        std::optional<int> v = parse_number<int>(s);
        if (!v) fail(at, "'year:" + std::string(value) + "' is not a year or range like 1980..1989");
        return *v;
      };
      std::size_t dots = value.find("..");
      int lo = year(value.substr(0, dots), 0);
      int hi = dots == std::string_view::npos ? lo : year(value.substr(dots + 2), 9999);
      if (lo > hi) fail(at, "range '" + std::string(value) + "' is empty (start above end)");
      ids = catalog->made_in(lo, hi);
    }
    Xapian::Query films = movie_terms(ids);
    return {films.empty() ? nothing() : films, {}, true};
  }

  // An actor's passages: direct mentions, and at weights::kCharacter those that
  // mention a character the actor plays; `boost` scales both, `why` follows
  // their field names in --explain.
  Xapian::Query actor_query(const std::string& key, bool given_only, double boost, const std::string& why) {
    std::string direct = schema::prefixed(given_only ? schema::kActorGiven : schema::kActor, key);
    std::string via = schema::prefixed(given_only ? schema::kActorGivenViaCharacter : schema::kActorViaCharacter, key);
    out_.terms.push_back({direct, "actor" + why, boost});
    out_.terms.push_back({via, "actor via character" + why, boost * weights::kCharacter});
    Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query(direct),
                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(via), weights::kCharacter));
    return boost == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, boost);
  }

  Item boolean_term(const FieldSpec& spec, std::string_view value) {
    std::string v = spec.fold_value ? analyzer_.fold(value) : std::string(value);
    // Terms only where they say something (schema.h): a review's passages
    // are its XR or its one Q term; review text is what is not boilerplate.
    if (spec.exact_prefix == schema::kReview) return {schema::review_query(v), {}, true};
    if (spec.exact_prefix == schema::kKind && v == schema::kKindReview) {
      return {Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                            Xapian::Query(schema::prefixed(schema::kKind, schema::kKindBoilerplate))),
              {}, true};
    }
    return {Xapian::Query(schema::prefixed(spec.exact_prefix, v)), {}, true};
  }

  // rating:7..10, rating:9, rating:..4, rating:9..
  Item range(const FieldSpec& spec, const std::string& name, std::string_view value, std::size_t at) {
    auto number = [&](std::string_view s) -> std::optional<double> {
      if (s.empty()) return std::nullopt;
      std::optional<double> v = parse_number<double>(s);
      if (!v) fail(at, "'" + name + ":" + std::string(value) + "' is not a number or range like 7..10");
      return v;
    };
    std::size_t dots = value.find("..");
    std::optional<double> lo, hi;
    if (dots == std::string_view::npos) {
      lo = hi = number(value);
    } else {
      lo = number(value.substr(0, dots));
      hi = number(value.substr(dots + 2));
      if (!lo && !hi) fail(at, "range '" + std::string(value) + "' needs at least one end");
      if (lo && hi && *lo > *hi) fail(at, "range '" + std::string(value) + "' is empty (start above end)");
    }
    Xapian::Query q;
    if (lo && hi) {
      q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, spec.slot, Xapian::sortable_serialise(*lo),
                        Xapian::sortable_serialise(*hi));
    } else if (lo) {
      q = Xapian::Query(Xapian::Query::OP_VALUE_GE, spec.slot, Xapian::sortable_serialise(*lo));
    } else {
      q = Xapian::Query(Xapian::Query::OP_VALUE_LE, spec.slot, Xapian::sortable_serialise(*hi));
    }
    return {q, {}, true};
  }

  // sentiment:positive|negative|neutral|mixed filters on the passage label,
  // or, when the query asks about people (actor:/character: anywhere but
  // under NOT or '-'), on the sentiment about them (issues 5+6);
  // sentiment:WORD matches passages where WORD moved the score (issue 6).
  Item sentiment(std::string_view value) {
    std::string folded = analyzer_.fold(value);
    for (std::string_view label : {"positive", "negative", "neutral", "mixed"}) {
      if (folded != label) continue;
      if (known_people_.empty()) return {Xapian::Query(schema::prefixed(schema::kSentimentLabel, label)), {}, true};
      // actor:X sentiment:negative: the opinions about X, not the passage's
      // sentiment; a term's wdf counts them, so passages with more rank first.
      std::vector<Xapian::Query> about;
      for (const std::string& person : known_people_) {
        std::string term = schema::entity_sentiment_term(person, label);
        out_.terms.push_back({term, "opinion", 1.0});
        about.emplace_back(term);
      }
      out_.opinions.label = std::string(label);
      Item item(Xapian::Query(Xapian::Query::OP_OR, about.begin(), about.end()));
      item.required = true;
      return item;
    }
    // A sentiment word: its stem term, if the lexicons weigh it at all.
    std::vector<Xapian::Query> found;
    for (const analysis::Token& token : analyzer_.analyze(value)) {
      if (token.compound_part || !sentiment::moves_sentiment(token)) continue;
      std::string term = schema::prefixed(schema::kStem, token.search_form());
      out_.terms.push_back({term, "sentiment", 1.0});
      out_.highlights.exact.insert(token.text);
      out_.highlights.stems.insert(token.search_form());
      found.emplace_back(term);
    }
    if (found.empty()) return {nothing(), {}, false};  // a word without sentiment finds nothing
    return {Xapian::Query(Xapian::Query::OP_OR, found.begin(), found.end()), {}, false};
  }

  // The text between quotes at the cursor; advances past the closing quote.
  std::string_view phrase_text() {
    std::size_t open = pos_;
    pos_ += quote_length(text_, pos_);
    std::size_t begin = pos_;
    while (pos_ < text_.size() && !quote_length(text_, pos_)) ++pos_;
    if (pos_ >= text_.size()) fail(open, "missing closing quote for the phrase starting here");
    std::string_view inside = text_.substr(begin, pos_ - begin);
    pos_ += quote_length(text_, pos_);
    return inside;
  }

  Item phrase(const std::string& field, std::string_view prefix, bool highlight) {
    std::string_view inside = phrase_text();
    std::vector<std::string> terms;
    for (const analysis::Token& token : analyzer_.analyze(inside)) {
      if (token.compound) continue;  // phrases match the parts
      terms.push_back(schema::prefixed(prefix, token.text));
      out_.terms.push_back({terms.back(), field, 1.0});
      if (highlight) out_.highlights.exact.insert(token.text);
    }
    if (terms.empty()) return {};
    if (terms.size() == 1) return {Xapian::Query(terms[0]), terms, false};
    PhraseCheck* check = nullptr;
    Item item(proximity(Proximity::kPhrase, terms, static_cast<Xapian::termcount>(terms.size()), &check), terms);
    if (check) item.required_phrases.push_back(check);
    return item;
  }

  // "soundtr*": every exact word with that beginning, most frequent first.
  Item wildcard(std::string_view stem, const std::string& field, std::string_view prefix, bool highlight) {
    std::string folded = analyzer_.fold(stem);
    if (folded.empty()) return {};
    if (highlight) out_.highlights.prefixes.insert(folded);
    out_.terms.push_back({schema::prefixed(prefix, folded) + "*", field, 1.0});
    return {words_beginning(schema::prefixed(prefix, folded), options_.wildcard_limit), {}, false};
  }

  // A word's rarity (Xapian's BM25 idf) in the database: its stem's, or
  // where the stem is in no passage, that of all its forms together.
  // No alternative of the word may weigh as a rarer word would.
  struct Rarity {
    double value = 0;  // 0: unknown (no database), nothing is capped
    double passages = 0;
    const Xapian::Database* db = nullptr;
    double of(const std::string& term) const { return weights::bm25_rarity(db->get_termfreq(term), passages); }
    // The scale of an alternative of `rarity` (its terms' summed rarity):
    // `factor`, and no rarer than the word.
    double scale(double factor, double rarity) const {
      return value > 0 && rarity > value ? factor * value / rarity : factor;
    }
    // An alternative that is one term.
    weights::Alternative term(std::string label, const std::string& t, double factor) const {
      double s = scale(factor, db && value > 0 ? of(t) : 0.0);
      return {std::move(label), t, weights::scaled(Xapian::Query(t), s), s};
    }
  };

  // The `limit` most frequent terms that begin with `prefix`, OR'ed. (Not
  // OP_MAX, the best of them counting: Xapian 1.4.22 crashes on OP_MAX over
  // a sharded database when a shard lacks one of its terms.) Chosen here
  // from the whole database's vocabulary rather than by Xapian's
  // OP_WILDCARD, which expands shard by shard: a sharded or remote database
  // must rank exactly like one database. A word's expansions (`word` set)
  // weigh `factor` and are no rarer than the word; a wildcard's are scaled
  // to the rarity of the whole group, as a synonym would be: a rare form
  // (최고의배우최고의스토리) must not outweigh the common ones.
  Xapian::Query words_beginning(const std::string& prefix, Xapian::termcount limit, const Rarity* word = nullptr,
                                double factor = 1.0) const {
    if (!options_.vocabulary) {
      Xapian::Query all(Xapian::Query::OP_WILDCARD, prefix, limit, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                        kWordsBeginningCombiner);
      return factor == 1.0 ? all : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all, factor);
    }
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    const Xapian::Database& db = *options_.vocabulary;
    // A word's expansions leave out the words the variant table lists as
    // others (애니멀 begins with 애니); a wildcard asked for everything.
    const std::vector<std::string> others =
        word ? analysis::VariantTable::builtin().words_beginning_with(prefix) : std::vector<std::string>();
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      std::string term = *it;
      if (std::any_of(others.begin(), others.end(), [&](const std::string& o) { return term.rfind(o, 0) == 0; })) continue;
      found.emplace_back(it.get_termfreq(), std::move(term));
    }
    if (!word) return rarity_scaled_group(std::move(found), limit);
    most_frequent(found, limit);
    std::vector<Xapian::Query> terms;
    for (auto& [freq, term] : found) {
      double scale = word->scale(factor, weights::bm25_rarity(freq, std::max<double>(db.get_doccount(), 2)));
      terms.push_back(weights::scaled(Xapian::Query(term), scale));
    }
    if (terms.empty()) return nothing();
    return Xapian::Query(kWordsBeginningCombiner, terms.begin(), terms.end());
  }

  // Keeps the `limit` most frequent of `found` (termfreq, term), in term order.
  static void most_frequent(std::vector<std::pair<Xapian::doccount, std::string>>& found, Xapian::termcount limit) {
    auto more_frequent = [](const auto& a, const auto& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    };
    if (found.size() > limit) {
      std::partial_sort(found.begin(), found.begin() + limit, found.end(), more_frequent);
      found.resize(limit);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  }

  // The `limit` most frequent of `found` (termfreq, term), each scaled to
  // the rarity of the whole group, the best of them counting.
  Xapian::Query rarity_scaled_group(std::vector<std::pair<Xapian::doccount, std::string>> found,
                                    Xapian::termcount limit) const {
    const Xapian::Database& db = *options_.vocabulary;
    most_frequent(found, limit);
    const double passages = std::max<double>(db.get_doccount(), 2);
    double group = 0;
    for (const auto& [freq, term] : found) group += freq;
    const double group_rarity = std::log(passages / std::clamp(group, 1.0, passages - 1));
    std::vector<Xapian::Query> terms;
    for (auto& [freq, term] : found) {
      double rarity = std::log(passages / std::clamp<double>(freq, 1.0, passages - 1));
      terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(std::move(term)),
                         rarity > 0 ? std::min(1.0, group_rarity / rarity) : 1.0);
    }
    if (terms.empty()) return nothing();
    return Xapian::Query(kWordsBeginningCombiner, terms.begin(), terms.end());
  }
  static constexpr Xapian::Query::op kWordsBeginningCombiner = Xapian::Query::OP_OR;

  // A query that finds nothing. Not Xapian's empty query: that would read as
  // "no searchable words", a syntax error.
  static Xapian::Query nothing() {
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Xapian::Query::MatchAll);
  }

  // A word as the user typed it may analyse to several tokens
  // ("Soundtrack#1" -> soundtrack, #1); each is a word of its own, one
  // weighted part. Compounds ("K-drama") search their joined form. Stop
  // words are dropped unless the query has nothing else. A body word's
  // alternatives (word_group) count once.
  Item words(std::string_view word, std::size_t at, const std::string& field, std::string_view exact_prefix,
             std::string_view stem_prefix, bool highlight) {
    if (word.size() > 1 && word.back() == '*' && word.find('*') == word.size() - 1) {
      return wildcard(word.substr(0, word.size() - 1), field, exact_prefix, highlight);
    }
    std::vector<analysis::Token> tokens = analyzer_.analyze(word);
    bool body = field == "body";
    std::vector<Xapian::Query> terms;
    std::vector<std::string> positional;
    std::vector<ScoredPart> parts;
    for (const analysis::Token& token : tokens) {
      if (!token.compound) positional.push_back(schema::prefixed(exact_prefix, token.text));
      if (token.compound_part) continue;
      if (token.stopword && drop_stopwords_) continue;
      std::string term = token.stopword ? schema::prefixed(exact_prefix, token.text)
                                        : schema::prefixed(stem_prefix, token.search_form());
      out_.terms.push_back({term, field, 1.0});
      ScoredPart part{token.text, field, {}, {}, false, {}, {}, false, {}};
      if (token.stopword) {
        part.query = Xapian::Query(term);
      } else {
        part.alternatives = word_group(token, term, tokens, exact_prefix.empty(), body, part.variants);
        part.query = weights::first_match(part.alternatives);
        if (body) {
          part.typed = token.text;
          part.stem = token.search_form();
          part.prefixes = std::any_of(part.alternatives.begin(), part.alternatives.end(),
                                      [](const weights::Alternative& a) { return a.term.back() == '*'; });
        }
      }
      terms.push_back(part.query);
      parts.push_back(std::move(part));
      if (body) {
        bool listed = analysis::VariantTable::builtin().contains(token) ||
                      (options_.synonyms && options_.synonyms->contains(token));
        out_.words.push_back({at + token.begin, at + token.end, token.text, term, listed});
      }
      if (highlight) {
        out_.highlights.exact.insert(token.text);
        out_.highlights.stems.insert(token.search_form());
        // Words that begin with a Hangul word as typed match it too.
        if (body && is_prefix_searched(token)) out_.highlights.prefixes.insert(token.text);
        // 발랄 also highlights 발랄한 (stem 발랄하다), which it matches.
        if (body) {
          std::string hada = analysis::hada_root_predicate(token);
          if (!hada.empty()) out_.highlights.stems.insert(std::move(hada));
        }
      }
    }
    if (terms.empty()) return {};
    Xapian::Query q = terms.size() == 1 ? terms[0] : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    Item item(q, positional, false);
    item.parts = std::move(parts);
    return item;
  }

  // The ways one word reaches passages, most trusted first (word_weights.h):
  // the form as typed, its stem, a 하다 root's predicate, the title, then
  // what finds it inside longer words. Each scaled by its factor and, but
  // for the stem, to at most the word's own rarity. `variant_forms`: the
  // search forms of its one-word variants (for words standing together).
  std::vector<weights::Alternative> word_group(const analysis::Token& token, const std::string& stem_term,
                                               const std::vector<analysis::Token>& tokens, bool unprefixed,
                                               bool body, std::vector<std::string>& variant_forms) {
    std::vector<weights::Alternative> group;
    const bool hangul = unprefixed && token.script == analysis::Script::kHangul;
    const Rarity reference = word_rarity(token, stem_term, hangul);
    if (body && token.compound) {
      // ze:a written that way ("ZE:A's Park Hyung Sik") before the joined
      // form, which "zea mays" shares.
      if (Xapian::Query parts = written_parts(token, tokens); !parts.empty()) {
        group.push_back({"parts as written", stem_term, parts, weights::kWrittenParts});
      }
    }
    const bool typed_apart = hangul && token.text != token.search_form();
    if (typed_apart) group.push_back(reference.term("typed form", token.text, weights::kTypedForm));
    const double stem_factor = typed_apart ? weights::kStem : weights::kTypedForm;
    Xapian::Query stem = run_query(token, stem_term);
    // A Latin word of the variant table as written: its stem is often
    // another word (ending → end).
    const analysis::VariantTable& table = analysis::VariantTable::builtin();
    if (body && token.script == analysis::Script::kLatin && table.contains(token.text)) stem = Xapian::Query(token.text);
    group.push_back({"stem", stem_term, weights::scaled(stem, stem_factor), stem_factor});
    if (hangul) {
      // A bare 하다 root also searches its predicate: 발랄 finds 발랄한.
      std::string hada = schema::prefixed(schema::kStem, analysis::hada_root_predicate(token));
      if (hada.size() > schema::kStem.size() && (!options_.vocabulary || options_.vocabulary->term_exists(hada))) {
        group.push_back(reference.term("하다 predicate", hada, weights::kHadaRoot));
      }
    }
    if (body) add_variants(token, reference, group, variant_forms);
    if (body && options_.title_boost > 0) {
      std::string title_term = schema::prefixed(schema::kTitleStem, token.search_form());
      out_.terms.push_back({title_term, "title", options_.title_boost});
      group.push_back(reference.term("title", title_term, options_.title_boost));
    }
    // The expansions find a word inside other words. A word the index
    // already holds in many passages fills every page without them, and
    // there they would only multiply the work (영화: 90,000 more matches).
    if (hangul && (!options_.vocabulary || typed_frequency(token, stem_term) < kExpandBelow)) {
      add_expansions(token, reference, group);
    }
    return group;
  }

  // The other ways the variant table (and the database's own synonyms)
  // write the word (씨지 → CG, 컴퓨터그래픽, 컴퓨터 그래픽), as alternatives
  // of the word; the search forms of the one-word ones go to `variant_forms`.
  void add_variants(const analysis::Token& token, const Rarity& reference, std::vector<weights::Alternative>& group,
                    std::vector<std::string>& variant_forms) {
    std::vector<std::string> others;
    for (const analysis::VariantTable* table : {&analysis::VariantTable::builtin(), options_.synonyms}) {
      if (!table) continue;
      for (const std::string& form : table->others(token)) {
        if (form != token.text && std::find(others.begin(), others.end(), form) == others.end()) others.push_back(form);
      }
    }
    std::string searched;
    for (const std::string& form : others) {
      std::vector<analysis::Token> words;
      std::vector<Xapian::Query> queries;
      std::vector<std::string> terms;
      double rarity = 0;
      for (analysis::Token& t : analyzer_.analyze(form)) {
        if (t.compound_part || t.stopword) continue;
        // Latin forms as written (ending, not every "end"); Hangul by stem.
        const bool hangul = t.script == analysis::Script::kHangul;
        std::string term = hangul ? schema::prefixed(schema::kStem, t.search_form()) : t.text;
        queries.push_back(hangul ? run_query(t, term) : Xapian::Query(term));
        if (reference.db) rarity += reference.of(term);
        terms.push_back(std::move(term));
        out_.highlights.exact.insert(t.text);
        out_.highlights.stems.insert(t.search_form());
        words.push_back(std::move(t));
      }
      if (words.empty()) continue;
      Xapian::Query q = queries.size() == 1 ? queries[0]
                                            : Xapian::Query(Xapian::Query::OP_AND, queries.begin(), queries.end());
      double scale = reference.scale(weights::kVariant, rarity);
      group.push_back({"variant " + form, terms[0], weights::scaled(q, scale), scale});
      if (words.size() == 1) {
        const analysis::Token& word = words[0];
        variant_forms.push_back(word.script == analysis::Script::kHangul ? word.search_form() : word.text);
        // And the words that begin with a Hangul variant (엔딩 → 엔딩씬), as for the word.
        if (is_prefix_searched(word) && options_.vocabulary) {
          const double factor = weights::kWordsBeginning * weights::kVariant;
          group.push_back({words_beginning_label(form), form + "*",
                           words_beginning(form, kTypedPrefixLimit, &reference, factor), factor});
        }
      }
      searched += (searched.empty() ? "" : ", ") + form;
    }
    if (!searched.empty()) out_.notices.push_back("'" + token.text + "' also searched as " + searched);
  }

  static std::string words_beginning_label(const std::string& form) { return "words beginning with " + form; }

  Rarity word_rarity(const analysis::Token& token, const std::string& stem_term, bool hangul) const {
    Rarity r;
    if (!options_.vocabulary) return r;
    r.db = options_.vocabulary;
    r.passages = std::max<double>(r.db->get_doccount(), 2);
    double freq = token.run_stems.empty() ? r.db->get_termfreq(stem_term) : 0;
    if (freq == 0 && hangul) freq = r.db->get_termfreq(token.text);
    r.value = weights::bm25_rarity(std::max(freq, 1.0), r.passages);
    return r;
  }

  // A word typed with inner punctuation (ze:a, k-drama) also matches its
  // parts as a phrase: a passage that writes the name that way ("ZE:A's
  // Park Hyung Sik") ranks above one that only shares its letters ("zea
  // mays"), which the joined form alone cannot tell apart.
  Xapian::Query written_parts(const analysis::Token& compound, const std::vector<analysis::Token>& tokens) {
    std::vector<std::string> parts;
    for (const analysis::Token& t : tokens) {
      if (t.compound_part && t.begin >= compound.begin && t.end <= compound.end) parts.push_back(t.text);
    }
    if (parts.size() < 2) return {};
    for (const std::string& part : parts) out_.terms.push_back({part, "body (as written)", weights::kWrittenParts});
    Xapian::Query phrase = proximity(Proximity::kPhrase, parts, static_cast<Xapian::termcount>(parts.size()));
    return weights::kWrittenParts == 1.0 ? phrase
                                         : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, weights::kWrittenParts);
  }

  // Korean (issue 4): a Hangul word matches the words that begin with it as
  // typed (a vocabulary walk: 추천 -> 추천작; 만나게 -> 만나게되어), and
  // unknown words (the only ones with bigram terms) that hold all the
  // bigrams of the word as typed (추천 inside
  // 너무재밌었다그래서보는것을추천한다) or of its stem (나왔지 -> 나오).
  // Words beginning with what was typed: at most this many, most frequent first.
  static constexpr Xapian::termcount kTypedPrefixLimit = 64;
  // Hangul words typed in a form (or as a stem) that is in this many
  // passages or more are not expanded (see typed_frequency).
  static constexpr Xapian::doccount kExpandBelow = 1000;
  static bool is_prefix_searched(const analysis::Token& token) {
    return token.script == analysis::Script::kHangul && analysis::syllable_initials(token.text).size() >= 6;
  }

  // Passages holding what was typed: the stem when the word is its own
  // stem; else the word as written, which is what the expansions look for
  // (좋음 should still find 좋음ㅋ and 좋음요 when its stem 좋다 is
  // everywhere; 봤던영화 should find 봤던영화인데, whatever 보다 and 영화 do).
  Xapian::doccount typed_frequency(const analysis::Token& token, const std::string& stem_term) const {
    bool as_stem = token.run_stems.empty() && token.search_form() == token.text;
    return options_.vocabulary->get_termfreq(as_stem ? stem_term : token.text);
  }

  // A query typed without spaces (뻔한스토리) needs every word of it, as
  // the indexer split it.
  static Xapian::Query run_query(const analysis::Token& token, const std::string& stem_term) {
    if (token.run_stems.empty()) return Xapian::Query(stem_term);
    std::vector<Xapian::Query> all = {Xapian::Query(stem_term)};
    for (const std::string& stem : token.run_stems) all.emplace_back(schema::prefixed(schema::kStem, stem));
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
  }

  // The bigrams first (a few postings each), the words beginning with it
  // last: in first_match, an alternative is checked against all those
  // before it, and the vocabulary walk's 64 terms are the costliest.
  void add_expansions(const analysis::Token& token, const Rarity& reference,
                      std::vector<weights::Alternative>& group) const {
    auto add_bigrams = [&](const std::vector<std::string>& bigrams, double factor, const char* label) {
      if (bigrams.empty()) return;
      std::vector<Xapian::Query> parts;
      double rarity = 0;
      for (const std::string& bigram : bigrams) {
        std::string term = schema::prefixed(schema::kHangulBigram, bigram);
        if (reference.db) rarity += reference.of(term);
        parts.emplace_back(term);
      }
      double scale = reference.scale(factor, rarity);
      group.push_back({label, schema::prefixed(schema::kHangulBigram, bigrams[0]),
                       weights::scaled(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()), scale),
                       scale});
    };
    std::vector<std::string> typed = analysis::hangul_bigrams(token.text);
    std::vector<std::string> root = analysis::hangul_bigrams(analysis::bigram_root(token));
    add_bigrams(typed, weights::kTypedBigrams, "bigrams of the typed form");
    if (root != typed) add_bigrams(root, weights::kStemBigrams, "bigrams of the stem");
    // Words that begin with it as typed (추천 -> 추천작, 추천합니다; 뻔한 ->
    // 뻔한스토리지만): a walk over the vocabulary instead of bigram postings
    // on every word; two syllables at least.
    if (is_prefix_searched(token)) {
      Xapian::Query words = words_beginning(token.text, kTypedPrefixLimit, &reference, weights::kWordsBeginning);
      group.push_back({words_beginning_label(token.text), token.text + "*", words, weights::kWordsBeginning});
    }
  }

  void note_person(std::string entity) {
    if (negation_depth_ == 0) people_.push_back(std::move(entity));
  }

  std::string_view text_;
  analysis::Analyzer& analyzer_;
  const ParseOptions& options_;
  ParsedQuery& out_;
  std::vector<std::string> known_people_;
  std::vector<std::string> people_;
  std::optional<std::vector<entities::Mention>> query_mentions_;
  int negation_depth_ = 0;
  std::size_t pos_ = 0;
  bool drop_stopwords_ = false;
};

}  // namespace

ParsedQuery parse_query(std::string_view text, analysis::Analyzer& analyzer, const ParseOptions& options) {
  if (auto bad = utf8::first_invalid(text)) {
    throw UsageError("query is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
  }
  ParsedQuery out;
  Parser parser(text, analyzer, options, out);
  Clause parsed = parser.parse();
  out.query = parsed.query;
  out.required_phrases = std::move(parsed.required_phrases);
  out.opinions.people = parser.people();
  // A sentiment label in a query about people means the sentiment about
  // them, wherever the two stand (actor:X sentiment:L, actor:X AND
  // sentiment:L): parse again knowing who they are.
  if (!parser.people().empty() && text.find("sentiment:") != std::string_view::npos) {
    ParsedQuery targeted;
    Clause again = Parser(text, analyzer, options, targeted, parser.people()).parse();
    targeted.query = again.query;
    targeted.required_phrases = std::move(again.required_phrases);
    targeted.opinions.people = parser.people();
    return targeted;
  }
  return out;
}

}  // namespace revsearch::query
