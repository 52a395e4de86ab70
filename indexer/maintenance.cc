// Deleting reviews and compacting databases, shard-aware.
#include "revsearch/indexer/maintenance.h"

#include <xapian.h>

#include <filesystem>

#include "revsearch/cluster/connect.h"
#include "revsearch/errors.h"
#include "revsearch/index_format.h"
#include "revsearch/indexer/shards.h"
#include "revsearch/schema.h"

namespace fs = std::filesystem;

namespace revsearch::indexer {

std::uint64_t disk_usage(const std::string& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  std::uint64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

DeleteSummary delete_reviews(const std::string& db_path, const std::vector<std::string>& review_ids) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) throw DatabaseError("no database at '" + db_path + "'");
  DeleteSummary summary;
  try {
    std::vector<Xapian::WritableDatabase> shards;
    for (const cluster::Shard& shard : cluster::shards_of(db_path)) {
      shards.push_back(cluster::open_writable_shard(shard, 10, Xapian::DB_OPEN));
    }
    for (const std::string& id : review_ids) {
      Xapian::WritableDatabase& db = shards[shard_of(id, shards.size())];
      // A review of several passages has an XR term on each; one of a
      // single passage only its Q term (schema.h).
      std::string term = schema::prefixed(schema::kReview, id);
      if (db.get_termfreq(term) == 0) term = schema::unique_id(id, 1);
      Xapian::doccount passages = db.get_termfreq(term);
      if (passages == 0) {
        summary.not_found.push_back(id);
        continue;
      }
      db.delete_document(term);
      std::string review_document = schema::unique_id(id, schema::kReviewDocumentPassage);  // issue 18
      if (db.term_exists(review_document)) db.delete_document(review_document);
      ++summary.reviews_deleted;
      summary.passages_deleted += passages;
    }
    for (Xapian::WritableDatabase& db : shards) db.commit();
  } catch (const Xapian::DatabaseLockError& e) {
    throw DatabaseError(db_path + ": database is locked by an indexing run (" + e.get_msg() + ")");
  } catch (const Xapian::Error& e) {
    throw DatabaseError(db_path + ": " + e.get_description());
  }
  return summary;
}

bool is_search_only(const std::string& path) {
  std::error_code ec;
  return fs::exists(fs::path(path) / "iamglass", ec) && !fs::exists(fs::path(path) / "termlist.glass", ec) &&
         Xapian::Database(path).get_doccount() > 0;
}

CompactSummary compact_database(const std::string& db_path, const std::string& out_path, bool search_only) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) throw DatabaseError("no database at '" + db_path + "'");
  if (fs::exists(out_path, ec)) throw UsageError(out_path + ": already exists; choose a new output path");
  CompactSummary summary;
  std::vector<cluster::Shard> shards = cluster::shards_of(db_path);
  if (cluster::any_remote(shards)) {
    throw UsageError(db_path + " lists remote shards: compact each shard on its own machine");
  }
  summary.shards_in = shards.size();
  summary.bytes_before = disk_usage(db_path);
  try {
    Xapian::Database db(db_path);
    db.compact(out_path, Xapian::DBCOMPACT_MULTIPASS);
  } catch (const Xapian::Error& e) {
    throw DatabaseError(db_path + ": cannot compact: " + e.get_description());
  }
  // Xapian documents this: a database without termlist.* works as one
  // created with DB_NO_TERMLIST.
  if (search_only) fs::remove(fs::path(out_path) / "termlist.glass", ec);
  summary.bytes_after = disk_usage(out_path);
  return summary;
}

CompactSummary compact_in_place(const std::string& db_path) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) throw DatabaseError("no database at '" + db_path + "'");
  fs::path dir = fs::absolute(db_path).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  fs::path fresh = dir.string() + ".compacting";
  fs::path old = dir.string() + ".before-compact";
  fs::remove_all(fresh, ec);  // left over from an interrupted run
  if (fs::exists(old, ec)) throw DatabaseError(old.string() + " exists (an interrupted compaction?); remove it first");
  CompactSummary summary;
  {
    std::vector<Xapian::WritableDatabase> locks;  // no writer may commit while we copy
    try {
      for (const cluster::Shard& shard : cluster::shards_of(db_path)) {
        if (shard.remote()) throw UsageError(db_path + " lists remote shards: compact each shard on its own machine");
        locks.emplace_back(shard.path, Xapian::DB_OPEN);
      }
    } catch (const Xapian::DatabaseLockError& e) {
      throw DatabaseError(db_path + ": database is locked by an indexing run (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
      throw DatabaseError(db_path + ": " + e.get_description());
    }
    try {
      summary = compact_database(db_path, fresh.string());
    } catch (...) {
      fs::remove_all(fresh, ec);
      throw;
    }
  }
  fs::rename(dir, old);
  fs::rename(fresh, dir);
  fs::remove_all(old, ec);
  return summary;
}

SplitSummary split_database(const std::string& db_path, const std::string& out_dir, std::size_t shards) {
  std::error_code ec;
  if (!fs::exists(db_path, ec)) throw DatabaseError("no database at '" + db_path + "'");
  if (fs::exists(out_dir, ec)) throw UsageError(out_dir + ": already exists; choose a new output folder");
  if (shards < 2 || shards > 256) throw UsageError("--shards must be 2-256");
  SplitSummary summary;
  summary.documents.assign(shards, 0);
  try {
    Xapian::Database source(db_path);
    require_current_format(source, db_path);
    std::vector<cluster::Shard> layout = prepare_layout(out_dir, shards);
    std::vector<Xapian::WritableDatabase> out;
    for (const cluster::Shard& shard : layout) out.emplace_back(shard.path, Xapian::DB_CREATE);
    const std::string unique(schema::kUniqueId);
    std::size_t pending = 0;
    for (auto it = source.postlist_begin(""); it != source.postlist_end(""); ++it) {
      Xapian::Document doc = source.get_document(*it);
      // Every passage and review document has one unique id: Q + review id + '#' + passage.
      Xapian::TermIterator term = doc.termlist_begin();
      term.skip_to(unique);
      if (term == doc.termlist_end() || !schema::has_prefix(*term, unique) || (*term).rfind('#') == std::string::npos) {
        throw DatabaseError(db_path + ": document " + std::to_string(*it) + " has no unique id term");
      }
      std::string id = *term;
      id = id.substr(unique.size(), id.rfind('#') - unique.size());
      std::size_t k = shard_of(id, shards);
      out[k].add_document(doc);
      ++summary.documents[k];
      if (++pending == 20000) {
        for (Xapian::WritableDatabase& db : out) db.commit();
        pending = 0;
      }
    }
    for (auto key = source.metadata_keys_begin(); key != source.metadata_keys_end(); ++key) {
      out[0].set_metadata(*key, source.get_metadata(*key));
      ++summary.metadata_keys;
    }
    for (Xapian::WritableDatabase& db : out) db.commit();
  } catch (const Xapian::Error& e) {
    throw DatabaseError(db_path + ": cannot split: " + e.get_description());
  }
  return summary;
}

}  // namespace revsearch::indexer
