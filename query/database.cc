// Opening databases for reading; Xapian's errors become messages that say
// what is wrong with which directory or shard.
#include "revsearch/query/database.h"

#include <filesystem>

#include "revsearch/errors.h"
#include "revsearch/index_format.h"

namespace revsearch::query {

OpenedDatabase open_shards(const std::string& path, const OpenOptions& options, const std::vector<std::string>& skip) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw DatabaseError("no database at '" + path + "' (create it with: revsearch index --db " + path + " PATH...)");
  }
  try {
    OpenedDatabase out;
    std::vector<cluster::Shard> shards = cluster::shards_of(path);
    if (shards.size() == 1 && !shards[0].remote() && !cluster::stub_file(path)) {
      out.db = Xapian::Database(path);  // one database: Xapian's own open, which also reads a stub
      out.parts = {out.db};
      out.shards = std::move(shards);
    } else {
      cluster::OpenedShards opened = cluster::open_shards(shards, options.connect, skip);
      out.db = std::move(opened.db);
      out.parts = std::move(opened.parts);
      out.shards = std::move(opened.shards);
      out.missing = std::move(opened.missing);
    }
    if (options.check == FormatCheck::kCurrent) {
      // A writer that commits twice while the format is read discards the
      // revision just opened: the newer one is as good.
      for (int attempt = 0;; ++attempt) {
        try {
          require_current_format(out.db, path);
          break;
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt >= 3) throw;
          out.db.reopen();
        }
      }
    }
    return out;
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw DatabaseError("database '" + path + "' is damaged: " + e.get_msg());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError("'" + path + "' is not a readable revsearch database: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw DatabaseError("cannot open database '" + path + "': " + e.get_description());
  }
}

std::string Metadata::get(const std::string& key) const {
  for (const Xapian::Database& shard : shards_) {
    std::string value = shard.get_metadata(key);
    if (!value.empty()) return value;
  }
  return {};
}

Xapian::Database open_database(const std::string& path, FormatCheck check) {
  return open_shards(path, OpenOptions{check, {}}).db;
}

}  // namespace revsearch::query
