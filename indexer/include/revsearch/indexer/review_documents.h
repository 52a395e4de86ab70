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
#include "revsearch/entities/catalog.h"
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
  // The film catalogue of the run, if any: a review of a catalogued film
  // gets the film's movie term (schema::kMovie).
  const entities::Catalog* catalog = nullptr;
  bool positions = false;  // exact words with positions (index --positions)
};

struct ReviewDocuments {
  std::string review_id;
  std::vector<Xapian::Document> documents;  // passage n at index n-1; each holds its unique id term
  std::size_t duplicates = 0;               // repeated passages collapsed
  std::size_t boilerplate = 0;              // passages marked boilerplate
  // Set by the writer: the review cannot be in the database yet (a fresh
  // database, first time in this run), so its passages are added, not
  // replaced.
  bool is_new = false;
  // Database metadata the passages refer to: entity display names (issue 5,
  // "entity-name:<term>"), the source file's path (source_metadata_key).
  // The writer keeps the first value of each key it sees in a run.
  std::vector<std::pair<std::string, std::string>> metadata;
  // The review document, for reviews with two or more passages: the whole
  // review's words, for ranking passages by their review's evidence.
  std::optional<Xapian::Document> review_document;
};

// Everything indexed for one review. Per-review enrichments (entities,
// sentiment...) belong here so every caller (bulk run, tests) gets them.
// The first passage carries content_stamp() in schema::kSlotContentHash.
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
