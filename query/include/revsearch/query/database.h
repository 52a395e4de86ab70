// Opening a database for reading with errors a user can act on: one
// folder, a sharded folder, or a stub listing shards on xapian-tcpsrv
// servers (see revsearch/cluster).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "revsearch/cluster/connect.h"

namespace revsearch::query {

enum class FormatCheck {
  kCurrent,  // searching: a database of an older index format is refused
  kAny,      // describing or checking: any revsearch database will do
};

struct OpenOptions {
  FormatCheck check = FormatCheck::kCurrent;
  cluster::ConnectOptions connect;  // timeout and partial results, for remote shards
};

// Database metadata (entity display names, source paths) across shards: a
// key is read from the first shard that has it. An index run through a
// stub writes metadata to shard 0; shards indexed on their own machines
// (`index --shard K/N`) each hold their own.
class Metadata {
 public:
  Metadata(const Xapian::Database& db) : shards_{db} {}  // NOLINT: one database is its own metadata
  explicit Metadata(std::vector<Xapian::Database> shards) : shards_(std::move(shards)) {}
  std::string get(const std::string& key) const;

 private:
  std::vector<Xapian::Database> shards_;
};

struct OpenedDatabase {
  Xapian::Database db;
  std::vector<Xapian::Database> parts;  // each shard of `db` on its own (for Metadata)
  std::vector<cluster::Shard> shards;  // those in `db`
  std::vector<cluster::MissingShard> missing;  // with connect.allow_partial: those left out
};

// Throws DatabaseError: "no database at DIR", "DIR is not a revsearch
// database", "DIR is damaged: ...", "DIR was written by an older
// revsearch", "shard HOST:PORT did not answer (...)". Shards named in
// `skip` are left out (and listed as missing).
OpenedDatabase open_shards(const std::string& path, const OpenOptions& options,
                           const std::vector<std::string>& skip = {});

Xapian::Database open_database(const std::string& path, FormatCheck check = FormatCheck::kCurrent);

}  // namespace revsearch::query
