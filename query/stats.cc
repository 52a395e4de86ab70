// Database statistics from the term lists and the files on disk.
#include "revsearch/query/stats.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>

#include "revsearch/errors.h"
#include "revsearch/index_format.h"
#include "revsearch/query/database.h"
#include "revsearch/schema.h"

namespace revsearch::query {
namespace {

// Runs `read` on the database; hardening (issue 9): a writer committing
// meanwhile can discard the revision being read, so start again on the
// new one (a few times).
template <typename Read>
void read_consistently(Xapian::Database& db, const std::string& db_path, Read read) {
  for (int attempt = 0;; ++attempt) {
    try {
      read();
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 3) throw DatabaseError("database '" + db_path + "' kept changing while read; try again");
      db.reopen();
    } catch (const Xapian::Error& e) {
      throw DatabaseError("database '" + db_path + "': " + e.get_description());
    }
  }
}

}  // namespace

DatabaseStats database_stats(const std::string& db_path) {
  Xapian::Database db = open_database(db_path, FormatCheck::kAny);
  DatabaseStats stats;
  read_consistently(db, db_path, [&] {
    stats = DatabaseStats{};
    stats.format = index_format(db);
    stats.passages = db.get_doccount() - db.get_termfreq(std::string(schema::kReviewDocument));
    stats.average_passage_length = db.get_avlength();
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) ++stats.terms;
    // Every review has exactly one first passage.
    const std::string unique(schema::kUniqueId);
    for (auto it = db.allterms_begin(unique); it != db.allterms_end(unique); ++it) {
      const std::string& term = *it;
      if (term.size() > 2 && term.compare(term.size() - 2, 2, "#1") == 0) ++stats.reviews;
    }
    std::string lang(schema::kLanguage);
    for (auto it = db.allterms_begin(lang); it != db.allterms_end(lang); ++it) {
      stats.languages[(*it).substr(lang.size())] = it.get_termfreq();
    }
    std::string kind(schema::kKind);
    for (auto it = db.allterms_begin(kind); it != db.allterms_end(kind); ++it) {
      stats.kinds[(*it).substr(kind.size())] = it.get_termfreq();
    }
    // Review text carries no kind term (schema.h): it is what the rest is not.
    if (!stats.kinds.count(std::string(schema::kKindReview))) {
      std::uint64_t others = 0;
      for (const auto& [name, count] : stats.kinds) others += count;
      stats.kinds[std::string(schema::kKindReview)] = stats.passages - others;
    }
  });
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(db_path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) stats.size_bytes += it->file_size(ec);
  }
  return stats;
}

namespace {

// The leading run of upper-case ASCII letters: Xapian's prefix convention,
// which schema.h follows (values never start with an upper-case letter).
std::string_view prefix_of(std::string_view term) {
  std::size_t n = 0;
  while (n < term.size() && term[n] >= 'A' && term[n] <= 'Z') ++n;
  return term.substr(0, n);
}

bool has_positions(const Xapian::Database& db, const std::string& term) {
  Xapian::PostingIterator first = db.postlist_begin(term);
  return first != db.postlist_end(term) && db.positionlist_begin(*first, term) != db.positionlist_end(*first, term);
}

}  // namespace

TermBudget term_budget(const std::string& db_path) {
  Xapian::Database db = open_database(db_path, FormatCheck::kAny);
  TermBudget budget;
  read_consistently(db, db_path, [&] {
    budget = TermBudget{};
    budget.review_documents = db.get_termfreq(std::string(schema::kReviewDocument));
    budget.passages = db.get_doccount() - budget.review_documents;
    std::map<std::string, PrefixCost, std::less<>> by_prefix;
    std::map<std::string, int, std::less<>> position_probes;  // a few terms per prefix are enough
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
      const std::string& term = *it;
      std::string_view prefix = prefix_of(term);
      auto found = by_prefix.find(prefix);
      if (found == by_prefix.end())
        found = by_prefix.emplace(std::string(prefix), PrefixCost{std::string(prefix)}).first;
      PrefixCost& cost = found->second;
      ++cost.terms;
      cost.postings += it.get_termfreq();
      cost.occurrences += db.get_collection_freq(term);
      int& probes = position_probes[cost.prefix];
      if (!cost.positional && probes < 3) {
        ++probes;
        cost.positional = has_positions(db, term);
      }
    }
    for (auto& [prefix, cost] : by_prefix) {
      budget.postings += cost.postings;
      if (cost.positional) budget.positions += cost.occurrences;
      budget.prefixes.push_back(cost);
    }
    std::stable_sort(budget.prefixes.begin(), budget.prefixes.end(),
                     [](const PrefixCost& a, const PrefixCost& b) { return a.postings > b.postings; });
    for (auto it = db.valuestream_begin(schema::kSlotRecord); it != db.valuestream_end(schema::kSlotRecord); ++it) {
      budget.data_bytes += (*it).size();
    }
    try {  // older formats kept 초성 in the synonym table
      for (auto it = db.synonym_keys_begin(); it != db.synonym_keys_end(); ++it) ++budget.synonym_keys;
    } catch (const Xapian::UnimplementedError&) {
      // the remote backend has no synonym table
    }
    for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it) ++budget.metadata_keys;
  });
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(db_path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string table = it->path().extension() == ".glass" ? it->path().stem().string() : "other";
    budget.table_bytes[table] += it->file_size(ec);
  }
  return budget;
}

}  // namespace revsearch::query
