#include "revsearch/query/synonyms.h"

#include <xapian.h>

#include "revsearch/cluster/connect.h"
#include "revsearch/cluster/shard_list.h"
#include "revsearch/errors.h"
#include "revsearch/query/database.h"
#include "revsearch/schema.h"

namespace revsearch::query {
namespace {

// Metadata lives in shard 0, which a sharded search reads first. The
// database is opened for reading first for open_shards' errors: a missing
// database, one of an older format, a shard that does not answer.
void write_synonyms(const std::string& db_path, const std::string& text, double timeout_s) {
  open_shards(db_path, OpenOptions{FormatCheck::kCurrent, cluster::ConnectOptions{timeout_s, false}});
  std::vector<cluster::Shard> shards = cluster::shards_of(db_path);
  try {
    Xapian::WritableDatabase db = cluster::open_writable_shard(shards.at(0), timeout_s, Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kSynonymsMetadata), text);
    db.commit();
  } catch (const Xapian::DatabaseLockError&) {
    throw DatabaseError("database '" + db_path + "' is being written by another run (an index run?): try again "
                        "when it has finished");
  } catch (const Xapian::Error& e) {
    throw DatabaseError("database '" + db_path + "': cannot store the synonyms: " + e.get_description());
  }
}

}  // namespace

analysis::VariantTable store_synonyms(const std::string& db_path, std::string_view text, double timeout_s) {
  analysis::VariantTable table = analysis::VariantTable::parse(text);  // throws before anything is written
  write_synonyms(db_path, std::string(text), timeout_s);
  return table;
}

void clear_synonyms(const std::string& db_path, double timeout_s) { write_synonyms(db_path, "", timeout_s); }

std::string stored_synonyms(const std::string& db_path, double timeout_s) {
  OpenedDatabase opened = open_shards(db_path, OpenOptions{FormatCheck::kAny, cluster::ConnectOptions{timeout_s, false}});
  return Metadata(opened.parts).get(std::string(schema::kSynonymsMetadata));
}

}  // namespace revsearch::query
