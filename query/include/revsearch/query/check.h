// Integrity check of a database on disk, built on Xapian's own checker
// (the same as `xapian-check`), for `revsearch check`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace revsearch::query {

// One shard of a sharded database or cluster.
struct ShardCheck {
  std::string name;
  bool remote = false;         // served by xapian-tcpsrv: answers and counts only
  std::size_t errors = 0;      // Xapian's checker (local shards), or 1 when it does not answer
  std::size_t documents = 0;   // passages
  std::string problem;         // what is wrong, one line
};

struct CheckReport {
  std::vector<ShardCheck> shards;  // one per shard when the database has a stub
  std::size_t errors = 0;      // problems Xapian's checker found; 0 = intact
  std::size_t documents = 0;   // passages, when the database also opens
  std::string details;         // the checker's per-table report
  std::string open_error;      // non-empty when the database does not open for searching
  bool ok() const { return errors == 0 && open_error.empty(); }
};

// Checks every table of the database at `path`, shard by shard when it
// has a stub: Xapian's checker for a local shard; a remote shard must
// answer within `timeout_s` (its tables are checked on its own machine,
// where `revsearch check --db FOLDER` runs). Throws DatabaseError when
// there is no database there or the checker cannot even start (names the
// database and says what is wrong); damage it can describe is reported.
CheckReport check_database(const std::string& path, double timeout_s = 10);

}  // namespace revsearch::query
