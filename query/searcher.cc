// BM25 ranking over passages; boilerplate filtered out unless asked for.
#include "revsearch/query/searcher.h"

#include <nlohmann/json.hpp>

#include "revsearch/errors.h"
#include "revsearch/query/database.h"
#include "revsearch/query/query_parser.h"
#include "revsearch/schema.h"

namespace revsearch::query {

Searcher::Searcher(const std::string& db_path) : db_(open_database(db_path)) {}

SearchResult Searcher::search(const std::string& query_text, const SearchOptions& options) {
  ParsedQuery parsed = parse_query(query_text, analyzer_);
  Xapian::Query query = parsed.query;
  if (!options.include_boilerplate) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(schema::prefixed(schema::kKind, schema::kKindBoilerplate)));
  }
  SearchResult result;
  result.query = query_text;
  try {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::MSet mset = enquire.get_mset(options.offset, options.limit);
    result.total_estimate = mset.get_matches_estimated();
    std::size_t rank = options.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.rank = ++rank;
      hit.score = it.get_weight();
      hit.docid = *it;
      auto data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
      if (data.is_discarded() || !data.is_object()) {
        throw DatabaseError("document " + std::to_string(*it) + " has unreadable stored data");
      }
      hit.review_id = data.value("review_id", "");
      hit.passage = data.value("passage", 0u);
      hit.title = data.value("title", "");
      hit.lang = data.value("lang", "");
      hit.source = data.value("source", "");
      hit.text = data.value("text", "");
      if (data.contains("rating")) hit.rating = data["rating"].get<double>();
      // Issue 5: entity names stored by the indexer.
      for (auto [field, list] : {std::pair{"actors", &hit.actors}, std::pair{"characters", &hit.characters},
                                 std::pair{"titles", &hit.titles}}) {
        if (data.contains(field) && data[field].is_array()) {
          for (const auto& name : data[field]) {
            if (name.is_string()) list->push_back(name.get<std::string>());
          }
        }
      }
      hit.snippet = make_snippet(hit.text, analyzer_, parsed.highlight_exact, parsed.highlight_stems);
      result.hits.push_back(std::move(hit));
    }
    if (!options.facets.empty()) {  // issue 5
      Xapian::MSet all = enquire.get_mset(0, options.facet_depth);
      for (const std::string& field : options.facets) {
        result.facets.push_back(count_entity_facet(db_, all, field, options.facet_top));
      }
    }
  } catch (const Xapian::DatabaseModifiedError&) {
    // A writer committed while we read: reopen once and retry.
    db_.reopen();
    return search(query_text, options);
  } catch (const Xapian::Error& e) {
    throw DatabaseError("search failed: " + e.get_description());
  }
  return result;
}

}  // namespace revsearch::query
