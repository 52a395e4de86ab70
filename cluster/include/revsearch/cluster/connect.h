// Opening shards, each on its own: a remote shard through Xapian's remote
// backend with a timeout, so a server that is down or stopped gives an
// error naming it instead of a hang; with `allow_partial`, the shards that
// answer are searched and the others named.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "revsearch/cluster/shard_list.h"

namespace revsearch::cluster {

struct ConnectOptions {
  double timeout_s = 10;       // per remote operation (connect, each reply)
  bool allow_partial = false;  // open the shards that answer, name the rest
};

struct MissingShard {
  std::string name;
  std::string reason;
};

// The shards that answered, combined into one Database (collection-wide
// statistics, results merged by Xapian), and those that did not.
struct OpenedShards {
  Xapian::Database db;
  std::vector<Xapian::Database> parts;  // each shard on its own, in `db` order
  std::vector<Shard> shards;            // in `db` order
  std::vector<MissingShard> missing;
};

// Opens `shards` for reading, leaving out those in `skip` (by name).
// Throws DatabaseError naming the first shard that fails to open, or,
// with allow_partial, only when none opens.
OpenedShards open_shards(const std::vector<Shard>& shards, const ConnectOptions& options,
                         const std::vector<std::string>& skip = {});

// One shard for reading; throws Xapian::Error as Xapian does.
Xapian::Database open_shard(const Shard& shard, double timeout_s);

// One shard for writing (a remote one needs `xapian-tcpsrv --writable`);
// `flags` as for Xapian::WritableDatabase. Throws Xapian::Error.
Xapian::WritableDatabase open_writable_shard(const Shard& shard, double timeout_s, int flags);

// The shard among `shards` that a Xapian error names (the remote backend
// puts "remote:tcp(HOST:PORT)" in its context); null when none is named.
const Shard* shard_named_in(const Xapian::Error& error, const std::vector<Shard>& shards);

// The shard behind a failed remote operation: the one the error names, or
// else (a connection closed mid-message names none) the first remote
// shard that does not answer now, asked with `probe_timeout_s`. Null when
// every shard answers.
const Shard* failed_shard(const Xapian::Error& error, const std::vector<Shard>& shards, double probe_timeout_s);

// "shard HOST:PORT did not answer (...)": a one-line reason for an error
// that reached a shard.
std::string shard_failure(const Shard& shard, const Xapian::Error& error);

}  // namespace revsearch::cluster
