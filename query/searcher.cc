// BM25 ranking over passages: boilerplate filtered out unless asked for,
// one hit per review and per distinct text unless all passages are
// wanted, with snippets,
// explanations and spelling suggestions.
#include "revsearch/query/searcher.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

#include "revsearch/errors.h"
#include "revsearch/query/database.h"
#include "revsearch/query/spelling.h"
#include "revsearch/schema.h"

namespace revsearch::query {

Searcher::Searcher(const std::string& db_path) : db_path_(db_path), db_(open_database(db_path)) {}

SearchResult Searcher::search(const std::string& query_text, const SearchOptions& options) {
  for (int attempt = 0;; ++attempt) {
    try {
      return run(query_text, options);
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed while we read: reopen and retry (a few times).
      if (attempt == 3) throw DatabaseError("database kept changing during the search; try again");
      db_.reopen();
    } catch (const Xapian::Error& e) {
      throw DatabaseError("database '" + db_path_ + "': search failed: " + e.get_description());
    } catch (const nlohmann::json::exception& e) {
      // Hardening (issue 9): stored data of the wrong shape is damage too.
      throw DatabaseError("database '" + db_path_ + "': unreadable stored data: " + e.what());
    }
  }
}

SearchResult Searcher::run(const std::string& query_text, const SearchOptions& options) {
  ParsedQuery parsed = parse_query(query_text, analyzer_, options.parse);
  Xapian::Query query = parsed.query;
  if (!options.include_boilerplate) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(schema::prefixed(schema::kKind, schema::kKindBoilerplate)));
  }
  // Sentiment (issue 6): score range filter on the sentiment value slot.
  if (options.sentiment_min && options.sentiment_max && *options.sentiment_min > *options.sentiment_max) {
    throw UsageError("--sentiment-min is greater than --sentiment-max");
  }
  if (options.sentiment_min || options.sentiment_max) {
    Xapian::Query range(Xapian::Query::OP_VALUE_RANGE, schema::kSlotSentiment,
                        Xapian::sortable_serialise(options.sentiment_min.value_or(-1.0)),
                        Xapian::sortable_serialise(options.sentiment_max.value_or(1.0)));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, range);
  }
  // Issue 18: each passage also scores its review's evidence for the query.
  ReviewEvidence evidence(db_, review_level_terms(parsed.query), options.weight(), options.review_weight,
                          options.review_candidates);
  query = evidence.apply(query);
  SearchResult result;
  result.query = query_text;
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(options.weight());
  if (options.sentiment_sort != SearchOptions::SentimentSort::kNone) {  // sentiment (issue 6)
    enquire.set_sort_by_value_then_relevance(schema::kSlotSentiment,
                                             options.sentiment_sort == SearchOptions::SentimentSort::kDescending);
  }
  if (!options.all_passages) enquire.set_collapse_key(schema::kSlotReview);
  FacetCounter facets(options.facets);
  facets.attach(enquire);
  // Near-identical passages of different reviews (the same text posted
  // twice) collapse too: fetch from the top, skip texts already shown, and
  // cut the page afterwards. --all-passages shows everything.
  const Xapian::doccount wanted = options.offset + options.limit;
  const Xapian::doccount fetch = options.all_passages ? options.limit : wanted + wanted / 2 + 10;
  const Xapian::doccount first = options.all_passages ? options.offset : 0;
  Xapian::MSet mset = enquire.get_mset(first, fetch, options.facets.empty() ? 0 : options.facet_sample);
  result.facets = facets.results(db_);
  result.total_estimate = mset.get_matches_estimated();
  std::unordered_map<std::string, std::size_t> shown;  // folded text -> index in kept
  std::vector<Hit> kept;
  for (auto it = mset.begin(); it != mset.end() && kept.size() < wanted; ++it) {
    Hit hit;
    hit.score = it.get_weight();
    hit.docid = *it;
    hit.collapsed = it.get_collapse_count();
    Xapian::Document doc = it.get_document();
    hit.review_score = evidence.bonus(doc.get_value(schema::kSlotReview));  // issue 18
    auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (data.is_discarded() || !data.is_object()) {
      throw DatabaseError("database '" + db_path_ + "': document " + std::to_string(*it) +
                          " has unreadable stored data");
    }
    hit.text = data.value("text", "");
    if (!options.all_passages) {
      auto [seen, fresh] = shown.emplace(analyzer_.fold(hit.text), kept.size());
      if (!fresh) {
        kept[seen->second].collapsed += 1 + hit.collapsed;
        continue;
      }
    }
    hit.review_id = data.value("review_id", "");
    hit.passage = data.value("passage", 0u);
    hit.title = data.value("title", "");
    hit.lang = data.value("lang", "");
    hit.source = data.value("source", "");
    if (data.contains("rating")) hit.rating = data["rating"].get<double>();
    if (data.contains("sentiment") && data["sentiment"].is_number()) {  // sentiment (issue 6)
      hit.sentiment = data["sentiment"].get<double>();
      hit.sentiment_label = data.value("sentiment_label", "");
    }
    // Issue 5: entity names stored by the indexer.
    for (auto [field, list] : {std::pair{"actors", &hit.actors}, std::pair{"characters", &hit.characters},
                               std::pair{"titles", &hit.titles}}) {
      if (data.contains(field) && data[field].is_array()) {
        for (const auto& name : data[field]) {
          if (name.is_string()) list->push_back(name.get<std::string>());
        }
      }
    }
    kept.push_back(std::move(hit));
  }
  std::size_t skip = options.all_passages ? 0 : std::min<std::size_t>(options.offset, kept.size());
  std::size_t rank = options.offset;
  for (std::size_t i = skip; i < kept.size(); ++i) {
    Hit& hit = kept[i];
    hit.rank = ++rank;
    hit.snippet = make_snippet(hit.text, analyzer_, parsed.highlights);
    if (options.explain) {
      hit.doc_length = db_.get_doclength(hit.docid);
      hit.explanation = explain(hit, parsed.terms, options, evidence);
    }
    result.hits.push_back(std::move(hit));
  }
  if (options.suggest) result.suggestion = suggest_spelling(db_, query_text, parsed.words);
  return result;
}

// Each leaf term's weight in this passage: the same BM25 scheme on the
// term alone, restricted to the passage, scaled by the term's boost. For
// terms combined by OR/AND/PHRASE/NEAR these add up to the hit's score.
std::vector<TermExplanation> Searcher::explain(const Hit& hit, const std::vector<QueryTerm>& terms,
                                               const SearchOptions& options, const ReviewEvidence& evidence) {
  std::vector<TermExplanation> out;
  Xapian::Query only_this(schema::unique_id(hit.review_id, hit.passage));
  for (const QueryTerm& term : terms) {
    TermExplanation e{term.term, term.field, term.boost, 0, 0, 0.0};
    bool wildcard = !term.term.empty() && term.term.back() == '*';
    if (!wildcard) {
      e.termfreq = db_.get_termfreq(term.term);
      Xapian::PostingIterator p = db_.postlist_begin(term.term);
      if (p != db_.postlist_end(term.term)) {
        p.skip_to(hit.docid);
        if (p != db_.postlist_end(term.term) && *p == hit.docid) e.wdf = p.get_wdf();
      }
      if (e.wdf > 0) {
        Xapian::Enquire enquire(db_);
        enquire.set_weighting_scheme(options.weight());
        enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term.term), only_this),
                                        term.boost));
        Xapian::MSet m = enquire.get_mset(0, 1);
        if (!m.empty()) e.weight = m.begin().get_weight();
      }
    }
    out.push_back(std::move(e));
  }
  // Issue 18: the review-level part, term by term, in the review document.
  for (ReviewTermWeight& part : evidence.explain(hit.review_id)) {
    out.push_back({std::move(part.term), "review", options.review_weight, part.wdf, part.termfreq, part.weight});
  }
  return out;
}

}  // namespace revsearch::query
