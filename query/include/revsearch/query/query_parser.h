// The query language: words, "phrases", NEAR/n, wildcards, +required,
// -excluded, AND/OR/NOT, parentheses, field prefixes (title:, lang:,
// review:, kind:, rating:7..10), with every word analysed by the same
// Analyzer as the indexer.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/variants.h"
#include "revsearch/query/word_weights.h"

namespace revsearch::entities {
class Catalog;
}

namespace revsearch::query {

class PhraseCheck;

// What to highlight in passage text: exact words, search forms (stems) and
// wildcard prefixes.
struct Highlights {
  std::set<std::string> exact;
  std::set<std::string> stems;
  std::set<std::string> prefixes;
  // Entity keys of the people asked for (actor:/character:, or an actor
  // named in free text): their mentions are highlighted in any spelling or
  // script ("Park Hyung-Sik" for actor:박형식). Full or given-name keys.
  std::set<std::string> people;
};

// A weighted leaf of the query, for --explain.
struct QueryTerm {
  std::string term;   // as indexed, with its prefix
  std::string field;  // "body", "title", ...
  double boost = 1.0;
};

// A free-text word of the query as typed, for spelling suggestions.
struct QueryWord {
  std::size_t begin = 0;  // byte range in the query text
  std::size_t end = 0;
  std::string folded;     // the analysed exact form
  std::string search_term;  // the term searched for it (e.g. "Zlacklustr")
  bool listed = false;      // in the variant table: a word to search, not to correct
};

// The people a query asks about and, with `actor:X sentiment:L`, the label
// of the opinions about them it asks for.
struct OpinionQuery {
  std::string label;                // "negative", ...; empty: no opinion asked for
  std::vector<std::string> people;  // sentiment entities (schema::person_sentiment_entity), not under NOT/-
};

// One weighted part of the query, as --explain shows it: a word with its
// alternatives (the first one a passage matches counts), a phrase, a
// field. Every weight of `query` lies in exactly one part, so the parts'
// weights in a passage add up to its score (with kEveryWordFound for each
// part that is `counted` and found, and the review evidence).
struct ScoredPart {
  std::string label;  // as typed: "캐스팅", "actor:한소희", "\"best film\""
  std::string field;  // "body", "title", "actor", ...
  Xapian::Query query;  // the part alone, scaled as in the query
  std::vector<weights::Alternative> alternatives;  // in order of trust; empty: the part is one
  bool counted = false;  // adds kEveryWordFound where found (the query's words are coordinated)
  // A free-text word: its form as typed and its search form (stem), and
  // whether words beginning with it match it; for words standing together.
  std::string typed;
  std::string stem;
  bool prefixes = false;
  std::vector<std::string> variants;  // the search forms of its one-word variants
};

struct ParsedQuery {
  Xapian::Query query;
  std::vector<ScoredPart> parts;
  Highlights highlights;
  OpinionQuery opinions;
  std::vector<QueryTerm> terms;
  std::vector<QueryWord> words;
  // What the user should know about how the query was read ("'Zelda
  // Quimby' is not a known person: matching the name as written").
  std::vector<std::string> notices;
  bool proximity = false;  // it holds a phrase or NEAR group
  // The phrase checks (owned by `query`) that every match must pass: the
  // searcher may defer them to a PhraseDecider, which checks only the
  // passages that could make the page. Empty where words carry positions.
  std::vector<PhraseCheck*> required_phrases;
};

struct ParseOptions {
  // Free-text words also match the review title with this weight factor
  // (0 turns it off). Tuned on benchmarks/judged queries, see README.
  double title_boost = 0.3;
  // Free text that names an actor also matches the actor's entity terms
  // (any spelling or script) with this weight factor (0 turns it off).
  double actor_boost = 1.0;
  // Wildcards expand to at most this many terms (most frequent first).
  Xapian::termcount wildcard_limit = 200;
  // The database's vocabulary-level structures (synonyms: initials:ㅎㅅㅎ).
  // Without it, such fields search their synonym key itself.
  const Xapian::Database* vocabulary = nullptr;
  // The film catalogue stored at index time (title:, cast:, genre:, year:).
  // Without it, title: matches text and cast:/genre:/year: match nothing.
  const entities::Catalog* catalog = nullptr;
  // The database's words carry positions (`index --positions`, or remote
  // shards): phrases and NEAR are Xapian's operators. Without, they are
  // checked against the passages' stored text (phrase_check.h), which
  // needs the analyzer given to parse_query while the query runs.
  bool positions = true;
  // The database's own synonyms (`revsearch synonyms`), beside the built-in
  // film vocabulary (analysis::VariantTable::builtin()).
  const analysis::VariantTable* synonyms = nullptr;
};

// Throws UsageError naming the column of the problem for invalid syntax
// (unbalanced quotes or parentheses, an operator with nothing to apply to,
// a bad range, an empty query).
ParsedQuery parse_query(std::string_view text, analysis::Analyzer& analyzer, const ParseOptions& options = {});

}  // namespace revsearch::query
