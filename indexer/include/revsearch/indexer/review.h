// A review as read from any input format, before it becomes passages.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace revsearch::indexer {

struct Review {
  std::string id;        // unique within the corpus; derived from file and line when absent
  std::string text;      // valid UTF-8
  std::string title;     // may be empty
  std::string lang;      // from metadata; empty when unknown
  std::string date;
  std::string movie_id;
  std::optional<double> rating;
  std::string source;    // "file:line", for messages and the stored document
};

// A record the reader had to skip: where it was and why.
struct Skip {
  std::string file;
  std::size_t line = 0;  // 1-based; 0 when the whole file is concerned
  std::string reason;    // short category: "invalid JSON", "invalid UTF-8"...
  std::string detail;    // the specifics, for the one-line message
};

}  // namespace revsearch::indexer
