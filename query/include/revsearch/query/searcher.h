// Ranked passage search (BM25) over one database.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "revsearch/entities/catalog.h"
#include "revsearch/passage_record.h"
#include "revsearch/query/database.h"
#include "revsearch/query/facets.h"
#include "revsearch/query/query_parser.h"
#include "revsearch/query/entity_facets.h"
#include "revsearch/query/review_evidence.h"
#include "revsearch/query/snippet.h"

namespace revsearch::query {

class PhraseDecider;

struct SearchOptions {
  Xapian::doccount limit = 10;
  Xapian::doccount offset = 0;
  bool include_boilerplate = false;  // site boilerplate is not review text
  bool all_passages = false;         // default: one hit per review, its best passage
  bool explain = false;              // per-term BM25 parts for each hit
  bool suggest = true;               // "did you mean" from the index vocabulary
  ParseOptions parse;
  std::vector<std::string> facets;   // names, see FacetCounter
  // Facets count over at least this many matches (all, when fewer).
  Xapian::doccount facet_sample = 50000;
  // BM25 parameters (Xapian's k1, b), tuned on benchmarks/queries, see
  // benchmarks/README.md. Passages need no length normalisation (b 0):
  // they are cut to at most about 100 words, and without it Xapian skips
  // the walk over the document-length list that every query otherwise
  // pays (most of a Korean query's match). Whole reviews vary from one line
  // to thousands of words, so the review-level evidence keeps it.
  double bm25_k1 = 0.3;
  double bm25_b = 0.0;
  double review_bm25_b = 0.2;
  // Sentiment (issue 6): order by the passage score instead of relevance
  // (ascending: most negative first; descending: most positive first), and
  // keep only passages whose score lies in [min, max] (-1..+1).
  enum class SentimentSort { kNone, kAscending, kDescending };
  SentimentSort sentiment_sort = SentimentSort::kNone;
  std::optional<double> sentiment_min;
  std::optional<double> sentiment_max;

  // Review-level evidence (issue 18): each passage's score gets this much
  // of its review's BM25 score for the query's free-text words (reviews
  // with two or more passages; 0 turns it off), counted for the best
  // `review_candidates` reviews. Tuned with benchmarks/ranking-eval.sh.
  double review_weight = 4.0;
  Xapian::doccount review_candidates = 200;

  Xapian::BM25Weight passage_weighting() const { return Xapian::BM25Weight(bm25_k1, 0, 1, bm25_b, 0.5); }
  Xapian::BM25Weight review_weighting() const { return Xapian::BM25Weight(bm25_k1, 0, 1, review_bm25_b, 0.5); }
};

// One part's share of a hit's score (--explain): a query word with the
// alternative that matched it, the words-found bonus, a review-level term.
// The weights of a hit's parts add up to its score.
struct TermExplanation {
  std::string term;                // the matched alternative's term (its first one)
  std::string field;
  double boost = 1.0;
  Xapian::termcount wdf = 0;       // occurrences in the passage
  Xapian::doccount termfreq = 0;   // passages holding the term
  double weight = 0;               // BM25 weight, boost included
  std::string word;                // the part as typed ("캐스팅", "actor:한소희"); empty for review terms
  std::string matched;             // which alternative counted ("stem", "typed form", ...); empty: none matched
};

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result (offset included)
  double score = 0;
  Xapian::docid docid = 0;
  std::string review_id;
  unsigned passage = 0;
  std::string title;
  std::string lang;
  std::string source;
  std::string text;
  std::optional<double> rating;
  Xapian::doccount collapsed = 0;  // other matching passages of the same review
  std::optional<double> sentiment;  // passage sentiment score, -1..+1 (issue 6)
  std::string sentiment_label;      // "positive", "negative", "neutral", "mixed" (issue 6)
  Snippet snippet;
  std::vector<TermExplanation> explanation;  // with SearchOptions::explain
  Xapian::termcount doc_length = 0;
  double review_score = 0;  // issue 18: the review-level part of `score` (0 for a one-passage review)
  bool together = false;    // the query's words stand together here (words_together.h)
  // Issue 5: entities the passage mentions (display names).
  std::vector<std::string> actors;
  std::vector<std::string> characters;
  std::vector<std::string> titles;
  // The film the review is about, from the catalogue (index --catalog);
  // empty when the database has none or the film is not in it.
  std::optional<entities::Film> film;
  std::vector<StoredOpinion> opinions;  // about the people named (sentiment/targeted.h)
};

struct SearchResult {
  std::string query;
  Xapian::doccount total_estimate = 0;
  std::vector<Hit> hits;
  std::optional<std::string> suggestion;  // "did you mean"
  std::vector<Facet> facets;              // in the order asked for
  // Shards that did not answer, with ConnectOptions::allow_partial: the
  // hits and counts are those of the other shards only.
  std::vector<cluster::MissingShard> missing_shards;
  std::vector<std::string> notices;       // how the query was read (ParsedQuery::notices)
};

// One match of a ranking, as the searcher uses it.
struct RankedMatch {
  Xapian::docid docid = 0;
  double weight = 0;
  Xapian::doccount collapsed = 0;
  std::string collapse_key;  // "" when not collapsing or nothing to collapse on
  std::string sort_key;      // schema::order_key: orders equal scores
  bool together = false;     // the query's words stand together (weight includes kWordsTogether)
  Xapian::Document document;  // when the ranking read it already (the phrase check), else empty
};

class Searcher {
 public:
  // Throws DatabaseError (see open_shards). `connect`: the timeout and
  // partial results for remote shards.
  explicit Searcher(const std::string& db_path, const cluster::ConnectOptions& connect = {});
  // Throws UsageError for bad query syntax, DatabaseError for a damaged index.
  SearchResult search(const std::string& query_text, const SearchOptions& options);
  // Issue 15: see the latest commit (a long-running server). Cheap when
  // nothing changed; throws Xapian::Error.
  void reopen() {
    db_.reopen();
    catalog_.reset();
    phrase_mode_.reset();
    synonyms_.reset();
    films_.clear();
  }

 private:
  SearchResult run(const std::string& query_text, const SearchOptions& options);
  bool matches_boilerplate(const Xapian::Query& query);
  std::vector<RankedMatch> rank(const Xapian::Query& query, const ReviewEvidence& evidence, const ParsedQuery& parsed,
                                const entities::Catalog* catalog, const std::string& query_text,
                                Xapian::doccount first, Xapian::doccount fetch, const SearchOptions& options,
                                const PhraseDecider* phrases, SearchResult& result);
  std::optional<std::vector<RankedMatch>> rank_checking_the_best(const Xapian::Query& query,
                                                                 const PhraseDecider& phrases, Xapian::doccount first,
                                                                 Xapian::doccount fetch, const SearchOptions& options,
                                                                 SearchResult& result);
  std::vector<TermExplanation> explain(const Hit& hit, const ParsedQuery& parsed, const SearchOptions& options,
                                       const ReviewEvidence& evidence);
  void fill_hit(Hit& hit, PassageRecord&& record);
  std::string source_path(std::uint32_t key);
  // The film catalogue stored in the database, decoded on first need (it
  // costs more than a search; only title:/cast:/genre:/year: and the film
  // facets need it); null when the database has none.
  const entities::Catalog* catalog();
  // A hit's film, from its own metadata entry (cached).
  const std::optional<entities::Film>& film(const std::string& movie_id);
  // How phrases match (query/phrase_check.h), read once per opening:
  // Xapian's positional operators where the database's words have
  // positions or a shard is remote (its server runs only Xapian's own
  // operators), else checked against the stored text.
  struct PhraseMode {
    bool positions = false;
    bool remote_without_positions = false;  // remote phrases then match their words anywhere
  };
  const PhraseMode& phrase_mode();
  // The database's own synonyms (query/synonyms.h), read once per opening.
  const analysis::VariantTable* synonyms();
  std::optional<analysis::VariantTable> synonyms_;

  std::string db_path_;  // hardening (issue 9): errors name the database
  cluster::ConnectOptions connect_;
  OpenedDatabase opened_;
  Xapian::Database db_;
  analysis::Analyzer analyzer_;
  std::unordered_map<std::uint32_t, std::string> source_paths_;  // source_key -> path, read once
  std::optional<entities::Catalog> catalog_;
  std::optional<PhraseMode> phrase_mode_;
  std::unordered_map<std::string, std::optional<entities::Film>> films_;  // movie id -> film
};

}  // namespace revsearch::query
