// Integrity check of a database on disk, built on Xapian's own checker
// (the same as `xapian-check`), for `revsearch check`.
#pragma once

#include <cstddef>
#include <string>

namespace revsearch::query {

struct CheckReport {
  std::size_t errors = 0;      // problems Xapian's checker found; 0 = intact
  std::size_t documents = 0;   // passages, when the database also opens
  std::string details;         // the checker's per-table report
  std::string open_error;      // non-empty when the database does not open for searching
  bool ok() const { return errors == 0 && open_error.empty(); }
};

// Checks every table of the database at `path`. Throws DatabaseError when
// there is no database there or the checker cannot even start (names the
// database and says what is wrong); damage it can describe is reported.
CheckReport check_database(const std::string& path);

}  // namespace revsearch::query
