// Changing a database after indexing: deleting reviews by id, compacting
// (which also merges a sharded layout into one database).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace revsearch::indexer {

struct DeleteSummary {
  std::size_t reviews_deleted = 0;
  std::size_t passages_deleted = 0;
  std::vector<std::string> not_found;
};

// Deletes every passage of each review id, in whichever shard holds it.
// Committed once at the end. A deleted review stays deleted until its file
// changes or is re-indexed with --replace. Throws DatabaseError.
DeleteSummary delete_reviews(const std::string& db_path, const std::vector<std::string>& review_ids);

struct CompactSummary {
  std::size_t shards_in = 0;
  std::uint64_t bytes_before = 0;
  std::uint64_t bytes_after = 0;
};

// Writes a compacted copy of `db_path` (single or sharded) to `out_path` as
// one database. With `search_only`, the copy leaves out the term lists
// (Xapian's termlist table: a second copy of every posting, a quarter of
// the compacted size), which only updates and facets need: such a copy
// searches, but can be neither indexed into nor asked for facets. Throws
// UsageError when `out_path` exists, DatabaseError on Xapian failures.
CompactSummary compact_database(const std::string& db_path, const std::string& out_path, bool search_only = false);

// Whether the database at `path` (a shard or a single database) was
// written without term lists (compact --search-only).
bool is_search_only(const std::string& path);

// Issue 15: compacts `db_path` in place. Holds the write lock of every shard
// while compacting (an indexing run started meanwhile waits or fails, none
// is lost), writes the copy beside it, then swaps the directories; readers
// that reopen see the compacted database. Throws DatabaseError (locked,
// Xapian failure), leaving the original in place.
CompactSummary compact_in_place(const std::string& db_path);

struct SplitSummary {
  std::vector<std::size_t> documents;  // per shard
  std::size_t metadata_keys = 0;       // copied to shard 0
};

// Writes `db_path` (single or sharded, local) as `shards` new databases
// OUT_DIR/shard-K, routing each review by shard_of() as `index` does (a
// review's passages stay together), with a stub OUT_DIR/XAPIANDB; metadata
// goes to shard 0. Each shard can then move to its machine and be served
// by xapian-tcpsrv. Throws UsageError when `out_dir` exists.
SplitSummary split_database(const std::string& db_path, const std::string& out_dir, std::size_t shards);

// Bytes on disk under `path` (a file or a directory tree).
std::uint64_t disk_usage(const std::string& path);

}  // namespace revsearch::indexer
