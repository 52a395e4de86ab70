// Opening a database for reading with errors a user can act on.
#pragma once

#include <xapian.h>

#include <string>

namespace revsearch::query {

// Throws DatabaseError: "no database at DIR", "DIR is not a revsearch
// database", "DIR is damaged: ...".
Xapian::Database open_database(const std::string& path);

}  // namespace revsearch::query
