// The stored record of a passage document (value slot schema::kSlotRecord):
// what a hit shows that the terms and the other value slots do not already
// hold, in a compact binary form. Written by the indexer, read by the query
// side; schema.h lists the rest.
//
// The review id, rating and sentiment score are also value slots (for
// collapsing, ranges and sorting); they are repeated here because a hit
// reads them for display, and one value is cheaper to read than three. The
// source file's path is stored once per file, in the database metadata
// (source_key()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revsearch {

// An opinion about a person the passage names (sentiment/targeted.h), for
// showing the sentence that carries it: who, which way, and where.
struct StoredOpinion {
  std::string entity;  // schema::person_sentiment_entity ("han-so-hui", "given:so-hui", "character:...")
  std::string label;   // "positive" or "negative" ("mixed" never; neutral ones are not stored)
  std::uint32_t begin = 0, end = 0;  // byte span of the sentence (part) in the passage text
  double score = 0;    // -1..+1, stored to 1/1000

  bool operator==(const StoredOpinion& o) const {
    return entity == o.entity && label == o.label && begin == o.begin && end == o.end && score == o.score;
  }
};

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
  std::vector<StoredOpinion> opinions;  // about the people named, in text order

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
