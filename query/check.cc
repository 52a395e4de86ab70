// Database integrity check: Xapian::Database::check over every table, then
// an open for searching, since that is what users will do next.
#include "revsearch/query/check.h"

#include <xapian.h>

#include <filesystem>
#include <algorithm>
#include <optional>
#include <sstream>

#include "revsearch/cluster/connect.h"
#include "revsearch/errors.h"
#include "revsearch/query/database.h"
#include "revsearch/schema.h"

namespace revsearch::query {

namespace {

// Xapian's checker on one local database (or a stub of local ones).
std::size_t run_checker(const std::string& target, std::ostringstream& details) {
  try {
    return Xapian::Database::check(target, Xapian::DBCHECK_SHORT_TREE, &details);
  } catch (const Xapian::DatabaseError& e) {
    // Damage bad enough that the checker stops: still a report, not a crash.
    details << e.get_description() << "\n";
    return 1;
  }
}

std::size_t passages_in(const Xapian::Database& db) {
  return db.get_doccount() - db.get_termfreq(std::string(schema::kReviewDocument));
}

}  // namespace

CheckReport check_database(const std::string& path, double timeout_s) {
  std::error_code ec;
  std::optional<std::string> stub = cluster::stub_file(path);
  if (!stub && !std::filesystem::is_directory(path, ec)) {
    throw DatabaseError("no database at '" + path + "' (create it with: revsearch index --db " + path + " PATH...)");
  }
  CheckReport report;
  std::ostringstream details;
  try {
    if (!stub) {
      report.errors = run_checker(path, details);
    } else {
      for (const cluster::Shard& shard : cluster::read_stub(*stub)) {
        ShardCheck check{shard.name, shard.remote(), 0, 0, ""};
        details << "shard " << shard.name << ":\n";
        if (!shard.remote()) check.errors = run_checker(shard.path, details);
        try {
          check.documents = passages_in(cluster::open_shard(shard, timeout_s));
        } catch (const Xapian::NetworkError& e) {
          check.errors = 1;
          check.problem = cluster::shard_failure(shard, e);
        } catch (const Xapian::Error& e) {
          check.errors = std::max<std::size_t>(check.errors, 1);
          check.problem = "does not open: " + e.get_description();
        }
        if (check.errors && check.problem.empty()) check.problem = std::to_string(check.errors) + " error(s) found by Xapian's checker";
        report.errors += check.errors;
        report.shards.push_back(std::move(check));
      }
    }
  } catch (const DatabaseError&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot check database '" + path + "': " + e.get_description());
  }
  report.details = details.str();
  if (report.errors && !report.shards.empty()) return report;  // a shard's problem is already named
  try {
    Xapian::Database db = open_shards(path, OpenOptions{FormatCheck::kAny, {timeout_s, false}}).db;
    report.documents = passages_in(db);  // passages only
  } catch (const DatabaseError& e) {
    report.open_error = e.what();
  } catch (const Xapian::Error& e) {
    report.open_error = "database '" + path + "' does not open: " + e.get_description();
  }
  return report;
}

}  // namespace revsearch::query
