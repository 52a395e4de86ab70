// Internal (hardening, issue 9): turns a Xapian error met while writing the
// database into a DatabaseError a user can act on; a full disk or a
// file-size limit says "no space" and names the database.
#pragma once

#include <xapian.h>

#include <string>

#include "revsearch/errors.h"

namespace revsearch::indexer::detail {

// `doing` prefixes the description of other errors ("cannot open ...: ").
DatabaseError database_write_error(const std::string& db_path, const Xapian::Error& error,
                                   const std::string& doing = "");

}  // namespace revsearch::indexer::detail
