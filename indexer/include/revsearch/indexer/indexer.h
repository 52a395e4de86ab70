// The indexing run: walk the inputs, read reviews, split them into
// passages, write one Xapian document per passage, commit in batches.
// A pipeline: one reader, analysis workers, one Xapian writer; resumable
// (a re-run skips committed files and reviews) and optionally sharded.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "revsearch/indexer/readers.h"

namespace revsearch::indexer {

struct IndexOptions {
  ReaderOptions reader;
  std::size_t commit_every = 20000;  // passages per Xapian commit
  // Bulk indexing (issue 7).
  std::size_t threads = 0;  // analysis workers; 0: one per core
  std::size_t shards = 0;   // 0: keep the existing layout (one database when new)
  bool replace = false;     // re-read every file and rebuild every review, even unchanged ones
  // One shard of a cluster, indexed on its own machine (`--shard K/N`):
  // only the reviews that routing (shard_of) gives shard K of N.
  std::size_t only_shard = 0;
  std::size_t of_shards = 0;  // 0: every review
  double timeout_s = 60;      // per remote operation, for shards on xapian-tcpsrv
  // A folder laid out like ../shared/data/films (movies.tsv, people.tsv,
  // castings.csv, genres.csv, countries.csv): stored in the database, and
  // reviews whose movie id it lists get their film's movie term. Without
  // it, the catalogue a database already has is used.
  std::string catalog_dir;
  // Exact words with positions, for Xapian's own phrase operators (remote
  // shards need them for exact phrases). Without, phrases are checked
  // against the stored text. Fixed when a database is created.
  bool positions = false;
  // Set (to the signal number) by a SIGINT or SIGTERM handler: the run
  // stops reading, commits what it has analysed and returns its summary
  // with `stopped_by` set. Null: the run is never asked to stop.
  const std::atomic<int>* stop_requested = nullptr;
};

// A snapshot of a running index, for progress displays.
struct IndexProgress {
  std::size_t reviews_read = 0;
  std::size_t reviews_indexed = 0;
  std::size_t reviews_unchanged = 0;
  std::size_t records_skipped = 0;
  std::size_t passages_indexed = 0;
  std::uint64_t bytes_read = 0;   // decompressed input bytes consumed
  std::uint64_t bytes_total = 0;  // estimate over the files to read
  double seconds = 0;
  bool final = false;
};
using ProgressCallback = std::function<void(const IndexProgress&)>;

struct IndexSummary {
  std::size_t files = 0;
  std::size_t reviews_read = 0;
  std::size_t reviews_indexed = 0;
  std::size_t passages_indexed = 0;
  std::size_t duplicates_collapsed = 0;
  std::size_t boilerplate_passages = 0;
  std::size_t stale_passages_removed = 0;
  std::size_t records_skipped = 0;
  std::map<std::string, std::size_t> skip_reasons;
  std::uint64_t bytes_read = 0;
  double seconds = 0;
  // Bulk indexing (issue 7).
  std::size_t files_unchanged = 0;    // already indexed whole, skipped unread
  std::size_t reviews_unchanged = 0;  // already indexed with the same content
  std::size_t threads = 0;
  std::size_t shards = 1;
  std::size_t remote_shards = 0;         // of `shards`, those served by xapian-tcpsrv
  std::size_t reviews_other_shards = 0;  // --shard K/N: reviews routed to the other shards
  // Film catalogue: films in it, and its lines that could not be used.
  std::size_t catalog_films = 0;
  std::size_t catalog_lines_skipped = 0;
  int stopped_by = 0;  // the signal that stopped the run early (0: it read every file)
};

// Indexes files and folders (recursively) into the database at `db_path`,
// creating it if needed. Re-indexing a review replaces its passages.
// Skipped records are logged (file:line: reason) and counted. Throws
// DatabaseError if the database cannot be opened or written, UsageError
// for a missing input path.
// `progress`, when set, is called from the writer thread about every
// `progress_interval_s` and once at the end.
//
// Exactness: results do not depend on the thread count, and a run killed
// at any moment then re-run ends with the same passages as an uninterrupted
// run: each passage carries its review's content stamp, a review counts as
// done only when all its passages are committed with that stamp, and a
// file is marked done (path, size, mtime) in the commit after its last
// review. This holds whenever Xapian commits, its own automatic flushes
// (XAPIAN_FLUSH_THRESHOLD) included: the index format is committed before
// the first passage, a passage's metadata is written before it in its own
// shard, and a replaced review's stamp is written after the rest of it.
IndexSummary index_paths(const std::string& db_path, const std::vector<std::string>& paths,
                         const IndexOptions& options, const ProgressCallback& progress = {},
                         double progress_interval_s = 1.0);

}  // namespace revsearch::indexer
