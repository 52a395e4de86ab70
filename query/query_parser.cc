// A small recursive-descent parser. Grammar (operators in capitals):
//   or   := and ("OR" and)*
//   and  := not ("AND" not)*
//   not  := seq ("NOT" seq)*
//   seq  := item+          plain items OR'ed (BM25 ranks the best first),
//                          +items required, -items excluded, field filters
//   item := [+-] [field:] (word | "phrase" | "(" or ")")
#include "revsearch/query/query_parser.h"

#include <map>
#include <optional>
#include <vector>

#include "revsearch/entities/recognizer.h"
#include "revsearch/errors.h"
#include "revsearch/schema.h"
#include "revsearch/utf8.h"

namespace revsearch::query {
namespace {

// kActor/kCharacter/kTitleEntity (issue 5): values resolved through
// revsearch/entities to canonical keys.
enum class FieldKind { kText, kBoolean, kActor, kCharacter, kTitleEntity };

struct FieldSpec {
  FieldKind kind;
  std::string_view exact_prefix;  // text: exact words; boolean: the term prefix
  std::string_view stem_prefix;   // text only
  bool fold_value;                // boolean values are lower-cased unless ids
};

const std::map<std::string, FieldSpec, std::less<>>& fields() {
  static const std::map<std::string, FieldSpec, std::less<>> table = {
      {"title", {FieldKind::kTitleEntity, schema::kTitle, schema::kTitleStem, true}},
      {"lang", {FieldKind::kBoolean, schema::kLanguage, "", true}},
      {"review", {FieldKind::kBoolean, schema::kReview, "", false}},
      {"kind", {FieldKind::kBoolean, schema::kKind, "", true}},
      // Entities (issue 5).
      {"actor", {FieldKind::kActor, schema::kActor, "", false}},
      {"character", {FieldKind::kCharacter, schema::kCharacter, "", false}},
  };
  return table;
}

// How much a passage about an actor's character counts against a direct
// mention of the actor (issue 5).
constexpr double kCharacterWeight = 0.25;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Opening and closing quote marks: ASCII and typographic.
std::size_t quote_length(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  if (s.compare(i, 3, "\u201C") == 0 || s.compare(i, 3, "\u201D") == 0) return 3;
  return 0;
}

class Parser {
 public:
  Parser(std::string_view text, analysis::Analyzer& analyzer, ParsedQuery& out)
      : text_(text), analyzer_(analyzer), out_(out) {}

  Xapian::Query parse() {
    skip_spaces();
    if (pos_ == text_.size()) throw UsageError("empty query");
    // Stop words are dropped from free text unless they are all there is.
    for (const analysis::Token& token : analyzer_.analyze(text_)) {
      drop_stopwords_ = drop_stopwords_ || !token.stopword;
    }
    Xapian::Query q = parse_or();
    skip_spaces();
    if (pos_ < text_.size()) {
      if (text_[pos_] == ')') fail(pos_, "unexpected ')' with no matching '('");
      fail(pos_, "unexpected text");
    }
    if (q.empty()) throw UsageError("query has no searchable words: '" + std::string(text_) + "'");
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

  // Peeks an operator word (AND, OR, NOT) at the cursor.
  std::optional<std::string_view> peek_operator() {
    skip_spaces();
    for (std::string_view op : {"AND", "OR", "NOT"}) {
      if (text_.compare(pos_, op.size(), op) == 0) {
        std::size_t after = pos_ + op.size();
        if (after == text_.size() || is_space(text_[after]) || text_[after] == '(' || quote_length(text_, after)) {
          return op;
        }
      }
    }
    return std::nullopt;
  }

  bool at_item_end() {
    skip_spaces();
    return pos_ == text_.size() || text_[pos_] == ')' || peek_operator();
  }

  Xapian::Query binary(Xapian::Query (Parser::*next)(), std::string_view op, Xapian::Query::op xop) {
    std::size_t start = pos_;
    Xapian::Query left = (this->*next)();
    while (peek_operator() == op) {
      std::size_t at = pos_;
      if (left.empty() && pos_ == start) fail(at, "'" + std::string(op) + "' needs a term before it");
      pos_ += op.size();
      if (at_item_end()) fail(at, "'" + std::string(op) + "' needs a term after it");
      Xapian::Query right = (this->*next)();
      if (left.empty()) {
        left = xop == Xapian::Query::OP_AND_NOT ? Xapian::Query() : right;
      } else if (!right.empty()) {
        left = Xapian::Query(xop, left, right);
      } else if (xop == Xapian::Query::OP_AND) {
        left = Xapian::Query();
      }
    }
    return left;
  }

  Xapian::Query parse_or() { return binary(&Parser::parse_and, "OR", Xapian::Query::OP_OR); }
  Xapian::Query parse_and() { return binary(&Parser::parse_not, "AND", Xapian::Query::OP_AND); }
  Xapian::Query parse_not() { return binary(&Parser::parse_seq, "NOT", Xapian::Query::OP_AND_NOT); }

  Xapian::Query parse_seq() {
    std::vector<Xapian::Query> optional, required, excluded, filters;
    if (at_item_end()) {
      if (pos_ < text_.size() && text_[pos_] == ')') fail(pos_, "unexpected ')' with no matching '('");
      if (auto op = peek_operator()) fail(pos_, "'" + std::string(*op) + "' needs a term before it");
    }
    while (!at_item_end()) {
      char modifier = 0;
      if ((text_[pos_] == '+' || text_[pos_] == '-') && pos_ + 1 < text_.size() && !is_space(text_[pos_ + 1])) {
        modifier = text_[pos_++];
      }
      bool is_filter = false;
      Xapian::Query item = parse_item(modifier == '-', is_filter);
      if (item.empty()) continue;
      if (modifier == '-') {
        excluded.push_back(item);
      } else if (is_filter) {
        filters.push_back(item);
      } else if (modifier == '+') {
        required.push_back(item);
      } else {
        optional.push_back(item);
      }
    }
    Xapian::Query q;
    if (!optional.empty()) q = Xapian::Query(Xapian::Query::OP_OR, optional.begin(), optional.end());
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
    return q;
  }

  Xapian::Query parse_item(bool negated, bool& is_filter) {
    std::size_t start = pos_;
    if (text_[pos_] == '(') {
      ++pos_;
      Xapian::Query inner = parse_or();
      skip_spaces();
      if (pos_ >= text_.size() || text_[pos_] != ')') fail(start, "missing ')' for this '('");
      ++pos_;
      return inner;
    }
    if (quote_length(text_, pos_)) return phrase("", start, !negated);

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
        if (spec.kind != FieldKind::kText && spec.kind != FieldKind::kBoolean) {
          if (value.empty() && pos_ < text_.size() && quote_length(text_, pos_)) value = phrase_text(start);
          if (value.empty()) fail(start, "field '" + field->first + ":' needs a value");
          return entity(spec.kind, value);
        }
        if (value.empty() && pos_ < text_.size() && quote_length(text_, pos_)) {
          if (spec.kind == FieldKind::kBoolean) {
            return boolean_term(spec, phrase_text(start), is_filter);
          }
          return phrase(spec.exact_prefix, start, false);
        }
        if (value.empty()) fail(start, "field '" + field->first + ":' needs a value");
        if (spec.kind == FieldKind::kBoolean) return boolean_term(spec, value, is_filter);
        return words(value, spec.exact_prefix, spec.stem_prefix, false);
      }
    }
    return words(word, "", schema::kStem, !negated);
  }

  // Entities (issue 5). actor: matches direct mentions, and passages that
  // mention a character the actor plays at a quarter of the weight, so those
  // rank below direct mentions. A given name alone ("Hyung Sik") matches
  // every person the index knows by that given name.
  Xapian::Query entity(FieldKind kind, std::string_view value) {
    // Names are highlighted where the passage spells them the query's way;
    // title words live in the title, not the body.
    for (const analysis::Token& token : analyzer_.analyze(kind == FieldKind::kTitleEntity ? "" : value)) {
      out_.highlight_exact.insert(token.text);
      out_.highlight_stems.insert(token.search_form());
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
        words_query = words(value, schema::kTitle, schema::kTitleStem, false);
      } else if (terms.size() > 1) {
        // "soundtrack #1" and "Soundtrack#1" analyse to the same phrase.
        words_query = Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                    static_cast<Xapian::termcount>(terms.size()));
      }
      if (key.empty()) return words_query;
      Xapian::Query title(schema::prefixed(schema::kTitleEntity, key));
      return words_query.empty() ? title : Xapian::Query(Xapian::Query::OP_OR, title, words_query);
    }
    entities::NameQuery name = entities::resolve_name(value);
    if (name.key.empty()) {
      // Names are keyed by Korean syllables; say so rather than match nothing.
      throw UsageError("'" + std::string(value) +
                       "' is not recognised as a Korean name (romanised or Hangul), so actor:/character: cannot "
                       "match it");
    }
    if (kind == FieldKind::kCharacter) {
      return Xapian::Query(schema::prefixed(name.given_only ? schema::kCharacterGiven : schema::kCharacter, name.key));
    }
    Xapian::Query direct(schema::prefixed(name.given_only ? schema::kActorGiven : schema::kActor, name.key));
    Xapian::Query via(
        schema::prefixed(name.given_only ? schema::kActorGivenViaCharacter : schema::kActorViaCharacter, name.key));
    return Xapian::Query(Xapian::Query::OP_OR, direct,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, via, kCharacterWeight));
  }

  Xapian::Query boolean_term(const FieldSpec& spec, std::string_view value, bool& is_filter) {
    is_filter = true;
    std::string v = spec.fold_value ? analyzer_.fold(value) : std::string(value);
    return Xapian::Query(schema::prefixed(spec.exact_prefix, v));
  }

  // The text between quotes at the cursor; advances past the closing quote.
  std::string_view phrase_text(std::size_t item_start) {
    std::size_t open = pos_;
    pos_ += quote_length(text_, pos_);
    std::size_t begin = pos_;
    while (pos_ < text_.size() && !quote_length(text_, pos_)) ++pos_;
    if (pos_ >= text_.size()) fail(open, "missing closing quote for the phrase starting here");
    std::string_view inside = text_.substr(begin, pos_ - begin);
    pos_ += quote_length(text_, pos_);
    (void)item_start;
    return inside;
  }

  Xapian::Query phrase(std::string_view prefix, std::size_t item_start, bool highlight) {
    std::string_view inside = phrase_text(item_start);
    std::vector<std::string> terms;
    for (const analysis::Token& token : analyzer_.analyze(inside)) {
      if (token.compound) continue;  // phrases match the parts
      terms.push_back(schema::prefixed(prefix, token.text));
      if (highlight) out_.highlight_exact.insert(token.text);
    }
    if (terms.empty()) return {};
    if (terms.size() == 1) return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
  }

  // A word as the user typed it may analyse to several tokens
  // ("Soundtrack#1" -> soundtrack, #1); they combine like separate words.
  // Compounds ("K-drama") search their joined form. Stop words are dropped
  // unless the query has nothing else.
  Xapian::Query words(std::string_view word, std::string_view exact_prefix, std::string_view stem_prefix,
                      bool highlight) {
    std::vector<analysis::Token> tokens = analyzer_.analyze(word);
    std::vector<Xapian::Query> terms;
    for (const analysis::Token& token : tokens) {
      if (token.compound_part) continue;
      if (token.stopword && drop_stopwords_) continue;
      if (token.stopword) {
        terms.emplace_back(schema::prefixed(exact_prefix, token.text));
      } else {
        terms.emplace_back(schema::prefixed(stem_prefix, token.search_form()));
      }
      if (highlight) {
        out_.highlight_exact.insert(token.text);
        out_.highlight_stems.insert(token.search_form());
      }
    }
    if (terms.empty()) return {};
    if (terms.size() == 1) return terms[0];
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

  std::string_view text_;
  analysis::Analyzer& analyzer_;
  ParsedQuery& out_;
  std::size_t pos_ = 0;
  bool drop_stopwords_ = false;
};

}  // namespace

ParsedQuery parse_query(std::string_view text, analysis::Analyzer& analyzer) {
  if (auto bad = utf8::first_invalid(text)) {
    throw UsageError("query is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
  }
  ParsedQuery out;
  out.query = Parser(text, analyzer, out).parse();
  return out;
}

}  // namespace revsearch::query
