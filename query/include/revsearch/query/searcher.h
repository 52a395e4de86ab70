// Ranked passage search (BM25) over one database.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "revsearch/query/entity_facets.h"
#include "revsearch/query/snippet.h"

namespace revsearch::query {

struct SearchOptions {
  Xapian::doccount limit = 10;
  Xapian::doccount offset = 0;
  bool include_boilerplate = false;  // site boilerplate is not review text
  // Issue 5: entity facets to count ("actor", "character", "title") over
  // the first `facet_depth` matches, `facet_top` values each.
  std::vector<std::string> facets;
  Xapian::doccount facet_depth = 10000;
  std::size_t facet_top = 10;
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
  Snippet snippet;
  // Issue 5: entities the passage mentions (display names).
  std::vector<std::string> actors;
  std::vector<std::string> characters;
  std::vector<std::string> titles;
};

struct SearchResult {
  std::string query;
  Xapian::doccount total_estimate = 0;
  std::vector<Hit> hits;
  std::vector<EntityFacet> facets;  // issue 5
};

class Searcher {
 public:
  // Throws DatabaseError (see open_database).
  explicit Searcher(const std::string& db_path);
  // Throws UsageError for bad query syntax, DatabaseError for a damaged index.
  SearchResult search(const std::string& query_text, const SearchOptions& options);

 private:
  Xapian::Database db_;
  analysis::Analyzer analyzer_;
};

}  // namespace revsearch::query
