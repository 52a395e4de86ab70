// Opening a database for reading with errors a user can act on.
#pragma once

#include <xapian.h>

#include <string>

namespace revsearch::query {

enum class FormatCheck {
  kCurrent,  // searching: a database of an older index format is refused
  kAny,      // describing or checking: any revsearch database will do
};

// Throws DatabaseError: "no database at DIR", "DIR is not a revsearch
// database", "DIR is damaged: ...", "DIR was written by an older revsearch".
Xapian::Database open_database(const std::string& path, FormatCheck check = FormatCheck::kCurrent);


}  // namespace revsearch::query
