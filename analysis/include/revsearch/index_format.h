// Which index format a database holds (schema::kFormatKey), so a database
// written by an older revsearch is refused with a clear message instead of
// being searched, or added to, with terms and data this version reads
// differently.
#pragma once

#include <xapian.h>

#include <string>

namespace revsearch {

// schema::kFormat for a database of this version; "" for an empty one; "1"
// for one written before formats were recorded.
std::string index_format(const Xapian::Database& db);

// DatabaseError unless `db` is empty or of the current format.
void require_current_format(const Xapian::Database& db, const std::string& path);

}  // namespace revsearch
