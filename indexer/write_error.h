// Internal (hardening, issue 9): turns a Xapian error met while writing the
// database into a DatabaseError a user can act on; a full disk or a
// file-size limit says "no space" and names the database.
#pragma once

#include <xapian.h>

#include <exception>
#include <string>

#include "revsearch/errors.h"

namespace revsearch::indexer::detail {

// `doing` prefixes the description of other errors ("cannot open ...: ").
DatabaseError database_write_error(const std::string& db_path, const Xapian::Error& error,
                                   const std::string& doing = "");

// While alive, a Xapian error that ends the process through std::terminate
// is reported like any other write error (message naming the database, exit
// status 1) instead of an abort. Xapian 1.4 can throw from its cleanup when
// a commit fails for lack of space (a second exception during unwinding),
// or end the process with no exception at all when the disk fills inside a
// commit (then the space left on the database's disk says which it was);
// the database is then still at its last commit, as after a kill.
class TerminateReporter {
 public:
  explicit TerminateReporter(const std::string& db_path);
  ~TerminateReporter();
  TerminateReporter(const TerminateReporter&) = delete;
  TerminateReporter& operator=(const TerminateReporter&) = delete;

 private:
  std::terminate_handler previous_;
};

}  // namespace revsearch::indexer::detail
