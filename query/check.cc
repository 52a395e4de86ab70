// Database integrity check: Xapian::Database::check over every table, then
// an open for searching, since that is what users will do next.
#include "revsearch/query/check.h"

#include <xapian.h>

#include <filesystem>
#include <sstream>

#include "revsearch/errors.h"
#include "revsearch/query/database.h"
#include "revsearch/schema.h"

namespace revsearch::query {

CheckReport check_database(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) {
    throw DatabaseError("no database at '" + path + "' (create it with: revsearch index --db " + path + " PATH...)");
  }
  // A sharded database (`index --shards N`) is a directory holding a
  // XAPIANDB stub; Xapian's checker takes the stub file and checks every
  // shard it lists, but not the directory.
  std::string target = path;
  if (std::filesystem::is_regular_file(std::filesystem::path(path) / "XAPIANDB", ec)) target += "/XAPIANDB";
  CheckReport report;
  std::ostringstream details;
  try {
    report.errors = Xapian::Database::check(target, Xapian::DBCHECK_SHORT_TREE, &details);
  } catch (const Xapian::DatabaseError& e) {
    // Damage bad enough that the checker stops: still a report, not a crash.
    report.errors = 1;
    details << e.get_description() << "\n";
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot check database '" + path + "': " + e.get_description());
  }
  report.details = details.str();
  try {
    Xapian::Database db = open_database(path, FormatCheck::kAny);
    report.documents = db.get_doccount() - db.get_termfreq(std::string(schema::kReviewDocument));  // passages only
  } catch (const DatabaseError& e) {
    report.open_error = e.what();
  } catch (const Xapian::Error& e) {
    report.open_error = "database '" + path + "' does not open: " + e.get_description();
  }
  return report;
}

}  // namespace revsearch::query
