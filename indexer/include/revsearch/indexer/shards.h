// Database layout: one Xapian database, or N shards (by stable hash of the
// review id) behind a Xapian stub file DIR/XAPIANDB, so that readers open
// DIR as one database and see identical statistics and results.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace revsearch::indexer {

// Shard of a review id among `shards`: FNV-1a of the id, stable across runs.
std::size_t shard_of(std::string_view review_id, std::size_t shards);

// The writable databases behind `db_path`: {db_path} for a plain database
// (or a path that does not exist yet), DIR/shard-K for a sharded one, in
// shard order. Throws DatabaseError for a damaged stub file.
std::vector<std::string> shard_paths(const std::string& db_path);

// Whether `db_path` is a sharded layout (holds a XAPIANDB stub file).
bool is_sharded(const std::string& db_path);

// Creates the directory and stub file of an N-shard layout (shard
// databases are created by their writers). Throws UsageError when
// `db_path` already holds a database with another layout.
std::vector<std::string> prepare_layout(const std::string& db_path, std::size_t shards);

}  // namespace revsearch::indexer
