// Typed errors: caller mistakes apart from data and environment problems.
#pragma once

#include <stdexcept>
#include <string>

namespace revsearch {

// The caller asked for something impossible: bad option, bad query syntax.
// The CLI turns it into exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One input record cannot be used (bad JSON, invalid UTF-8, too large...).
// Readers report it with the file and line; the run carries on.
class RecordError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Input that cannot be read at all (missing file, I/O error, corrupt gzip).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A database that is missing, damaged, locked or cannot be written.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace revsearch
