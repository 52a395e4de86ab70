// Ranked passage search (BM25) over one database.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "revsearch/query/snippet.h"

namespace revsearch::query {

struct SearchOptions {
  Xapian::doccount limit = 10;
  Xapian::doccount offset = 0;
  bool include_boilerplate = false;  // site boilerplate is not review text
  // Sentiment (issue 6): order by the passage score instead of relevance
  // (ascending: most negative first; descending: most positive first), and
  // keep only passages whose score lies in [min, max] (-1..+1).
  enum class SentimentSort { kNone, kAscending, kDescending };
  SentimentSort sentiment_sort = SentimentSort::kNone;
  std::optional<double> sentiment_min;
  std::optional<double> sentiment_max;
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
  std::optional<double> sentiment;  // passage sentiment score, -1..+1 (issue 6)
  std::string sentiment_label;      // "positive", "negative", "neutral", "mixed" (issue 6)
  Snippet snippet;
};

struct SearchResult {
  std::string query;
  Xapian::doccount total_estimate = 0;
  std::vector<Hit> hits;
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
