// Sharded layout: DIR/shard-K databases listed in a DIR/XAPIANDB stub.
#include "revsearch/indexer/shards.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "revsearch/errors.h"
#include "revsearch/indexer/review_documents.h"

namespace fs = std::filesystem;

namespace revsearch::indexer {
namespace {

constexpr const char* kStubName = "XAPIANDB";

bool is_plain_database(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec);
}

}  // namespace

std::size_t shard_of(std::string_view review_id, std::size_t shards) {
  if (shards <= 1) return 0;
  return static_cast<std::size_t>(fnv1a64(review_id) % shards);
}

bool is_sharded(const std::string& db_path) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(db_path) / kStubName, ec);
}

std::vector<std::string> shard_paths(const std::string& db_path) {
  if (!is_sharded(db_path)) return {db_path};
  std::ifstream in(fs::path(db_path) / kStubName);
  std::vector<std::string> paths;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string type, path;
    if (!(words >> type >> path) || type != "auto") {
      throw DatabaseError(db_path + "/" + kStubName + ": unexpected stub line '" + line + "'");
    }
    fs::path p(path);
    paths.push_back(p.is_absolute() ? p.string() : (fs::path(db_path) / p).string());
  }
  if (paths.empty()) throw DatabaseError(db_path + "/" + kStubName + ": stub lists no databases");
  return paths;
}

std::vector<std::string> prepare_layout(const std::string& db_path, std::size_t shards) {
  fs::path dir(db_path);
  bool sharded = is_sharded(db_path);
  bool plain = is_plain_database(dir);
  if (shards == 0) return shard_paths(db_path);  // keep whatever exists (plain when new)
  if (plain && shards > 1) {
    throw UsageError(db_path + " is a single database; --shards " + std::to_string(shards) +
                     " needs a new directory (or revsearch compact to change layouts)");
  }
  if (sharded) {
    std::vector<std::string> existing = shard_paths(db_path);
    if (existing.size() != shards) {
      throw UsageError(db_path + " has " + std::to_string(existing.size()) + " shards, not " +
                       std::to_string(shards));
    }
    return existing;
  }
  if (shards == 1) return {db_path};
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw DatabaseError(db_path + ": cannot create directory: " + ec.message());
  // Stub written whole, then renamed: a reader never sees half a list.
  std::string stub;
  std::vector<std::string> paths;
  for (std::size_t k = 0; k < shards; ++k) {
    std::string name = "shard-" + std::to_string(k);
    stub += "auto " + name + "\n";
    paths.push_back((dir / name).string());
  }
  fs::path tmp = dir / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << stub;
    if (!out.flush()) throw DatabaseError(tmp.string() + ": cannot write stub file");
  }
  fs::rename(tmp, dir / kStubName, ec);
  if (ec) throw DatabaseError(db_path + ": cannot write stub file: " + ec.message());
  return paths;
}

}  // namespace revsearch::indexer
