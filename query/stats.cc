// Database statistics from the term lists and the files on disk.
#include "revsearch/query/stats.h"

#include <xapian.h>

#include <filesystem>

#include "revsearch/errors.h"
#include "revsearch/query/database.h"
#include "revsearch/schema.h"

namespace revsearch::query {

DatabaseStats database_stats(const std::string& db_path) {
  Xapian::Database db = open_database(db_path);
  DatabaseStats stats;
  // Hardening (issue 9): a writer committing meanwhile can discard the
  // revision being read; start again on the new one (a few times).
  for (int attempt = 0;; ++attempt) {
    try {
      stats = DatabaseStats{};
      stats.passages = db.get_doccount() - db.get_termfreq(std::string(schema::kReviewDocument));  // issue 18
      stats.average_passage_length = db.get_avlength();
      for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) ++stats.terms;
      for (auto it = db.allterms_begin(std::string(schema::kReview)); it != db.allterms_end(std::string(schema::kReview)); ++it) {
        ++stats.reviews;
      }
      std::string lang(schema::kLanguage);
      for (auto it = db.allterms_begin(lang); it != db.allterms_end(lang); ++it) {
        stats.languages[(*it).substr(lang.size())] = it.get_termfreq();
      }
      std::string kind(schema::kKind);
      for (auto it = db.allterms_begin(kind); it != db.allterms_end(kind); ++it) {
        stats.kinds[(*it).substr(kind.size())] = it.get_termfreq();
      }
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 3) throw DatabaseError("database '" + db_path + "' kept changing while read; try again");
      db.reopen();
    } catch (const Xapian::Error& e) {
      throw DatabaseError("database '" + db_path + "': " + e.get_description());
    }
  }
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(db_path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) stats.size_bytes += it->file_size(ec);
  }
  return stats;
}

}  // namespace revsearch::query
