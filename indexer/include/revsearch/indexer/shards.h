// Database layout: one Xapian database, or N shards (by stable hash of the
// review id) behind a Xapian stub file: DIR/XAPIANDB listing DIR/shard-K
// (`index --shards N`), or a stub listing shards served by xapian-tcpsrv
// on other machines (revsearch/cluster). Readers open it as one database
// and see identical statistics and results.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/cluster/shard_list.h"

namespace revsearch::indexer {

// Shard of a review id among `shards`: FNV-1a of the id, stable across runs.
std::size_t shard_of(std::string_view review_id, std::size_t shards);

// The shards to write behind `db_path`, in routing order: the entries of
// its stub, or {db_path} for a plain (or new) database. With `shards` > 1,
// creates the directory and stub file of a new N-shard layout (shard
// databases are created by their writers). Throws UsageError when
// `db_path` already holds another layout, DatabaseError for a damaged stub.
std::vector<cluster::Shard> prepare_layout(const std::string& db_path, std::size_t shards);

// "K/N" (shard K of N, counted from 0) as given to `index --shard`.
// Throws UsageError unless 0 <= K < N <= 256.
std::pair<std::size_t, std::size_t> parse_shard_spec(std::string_view spec);

}  // namespace revsearch::indexer
