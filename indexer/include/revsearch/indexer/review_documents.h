// One review -> its passage documents: the single per-review step of the
// indexing pipeline, run in worker threads (one Analyzer per worker).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/entities/recognizer.h"
#include "revsearch/indexer/passages.h"
#include "revsearch/indexer/review.h"
#include "revsearch/sentiment/sentiment.h"

namespace revsearch::indexer {

// The per-worker state documents_for() needs. Not thread-safe: one per worker.
struct ReviewAnalysis {
  analysis::Analyzer analyzer;
  PassageSplitter splitter{analyzer};
  entities::Recognizer recognizer;        // issue 5
  sentiment::Scorer scorer{analyzer};     // issue 6
};

struct ReviewDocuments {
  std::string review_id;
  std::vector<Xapian::Document> documents;  // passage n at index n-1; each holds its unique id term
  std::size_t duplicates = 0;               // repeated passages collapsed
  std::size_t boilerplate = 0;              // passages marked boilerplate
  // Entity terms and their display names (issue 5), for the database's
  // "entity-name:" metadata; the writer keeps the first name of each term.
  std::vector<std::pair<std::string, std::string>> entity_names;
  // Issue 18: the review document, for reviews with two or more passages.
  std::optional<Xapian::Document> review_document;
};

// Everything indexed for one review. Per-review enrichments (entities,
// sentiment...) belong here so every caller (bulk run, tests) gets them.
// Each document carries content_stamp() in schema::kSlotContentHash.
ReviewDocuments documents_for(const Review& review, ReviewAnalysis& analysis);

// Stable 64-bit hash (FNV-1a) of everything a review contributes to the
// index; same value on every platform and run.
std::uint64_t content_hash(const Review& review);

// The kSlotContentHash value: "<16 hex digits of content_hash>:<passages>".
// The passage count lets a resumed run check that all of a review's
// passages were committed, not just the first.
std::string content_stamp(std::uint64_t hash, std::size_t passages);

// Stable FNV-1a 64 of bytes (also used to pick a review's shard).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 14695981039346656037ull);

}  // namespace revsearch::indexer
