#include "revsearch/index_format.h"

#include "revsearch/errors.h"
#include "revsearch/schema.h"

namespace revsearch {

std::string index_format(const Xapian::Database& db) {
  std::string format = db.get_metadata(std::string(schema::kFormatKey));
  if (format.empty() && db.get_doccount() > 0) return "1";
  return format;
}

void require_current_format(const Xapian::Database& db, const std::string& path) {
  std::string format = index_format(db);
  if (format.empty() || format == schema::kFormat) return;
  if (format.size() > schema::kFormat.size() || (format.size() == schema::kFormat.size() && format > schema::kFormat)) {
    throw DatabaseError("database '" + path + "' was written by a newer revsearch (index format " + format +
                        ", this version reads format " + std::string(schema::kFormat) + "): search it with that version");
  }
  throw DatabaseError("database '" + path + "' was written by an older revsearch (index format " + format +
                      ", this version reads format " + std::string(schema::kFormat) +
                      "): index the reviews again into a new directory, or delete '" + path + "' first");
}

}  // namespace revsearch
