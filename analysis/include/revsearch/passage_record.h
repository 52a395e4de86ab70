// The stored data of a passage document: what a hit shows that the terms
// and value slots do not already hold, in a compact binary record. Written
// by the indexer, read by the query side; schema.h lists the rest.
//
// The review id, rating and sentiment score are also value slots (for
// collapsing, ranges and sorting); they are repeated here because a hit
// reads them for display, and one record is far cheaper to read than three
// value streams. The source file's path is stored once per file, in the
// database metadata (source_key()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revsearch {

struct PassageRecord {
  std::string review_id;
  unsigned passage = 0;          // 1-based passage number within its review
  std::string text;
  std::string title;             // the review's title, empty when it has none
  std::string lang;              // passage language ("en", "ko", ...)
  bool boilerplate = false;      // site boilerplate, not review text
  std::uint32_t source_file = 0; // source_key() of the file's path (0: unknown)
  std::uint64_t source_line = 0; // line of the record in that file (0: unknown)
  std::string date;              // as given by the source
  std::string movie_id;
  std::optional<double> rating;
  std::optional<double> sentiment;  // passage score, -1..+1
  std::string sentiment_label;   // "positive", "negative", "neutral", "mixed"
  std::vector<std::string> actors, characters, titles;  // display names of the entities mentioned

  std::string encode() const;
  // nullopt when `bytes` is not a record of this format (damage, or a
  // database written by an older revsearch).
  static std::optional<PassageRecord> decode(std::string_view bytes);
};

// A source file's path as stored once per database: metadata key
// source_metadata_key(source_key(path)) holds the path.
std::uint32_t source_key(std::string_view path);
std::string source_metadata_key(std::uint32_t key);

}  // namespace revsearch
