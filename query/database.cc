// Opening databases for reading; Xapian's errors become messages that say
// what is wrong with which directory.
#include "revsearch/query/database.h"

#include <filesystem>

#include "revsearch/errors.h"
#include "revsearch/index_format.h"

namespace revsearch::query {

Xapian::Database open_database(const std::string& path, FormatCheck check) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw DatabaseError("no database at '" + path + "' (create it with: revsearch index --db " + path + " PATH...)");
  }
  try {
    Xapian::Database db(path);
    if (check == FormatCheck::kCurrent) require_current_format(db, path);
    return db;
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw DatabaseError("database '" + path + "' is damaged: " + e.get_msg());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError("'" + path + "' is not a readable revsearch database: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot open database '" + path + "': " + e.get_description());
  }
}

}  // namespace revsearch::query
