// Sharded layouts: DIR/shard-K databases listed in a DIR/XAPIANDB stub, or
// any stub (remote shards included) written by `revsearch cluster stub`.
#include "revsearch/indexer/shards.h"

#include <filesystem>

#include "revsearch/errors.h"
#include "revsearch/indexer/review_documents.h"
#include "revsearch/numbers.h"

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

std::pair<std::size_t, std::size_t> parse_shard_spec(std::string_view spec) {
  std::size_t slash = spec.find('/');
  std::optional<std::size_t> k, n;
  if (slash != std::string_view::npos) {
    k = parse_number<std::size_t>(spec.substr(0, slash));
    n = parse_number<std::size_t>(spec.substr(slash + 1));
  }
  if (!k || !n || *n == 0 || *n > 256 || *k >= *n) {
    throw UsageError("--shard " + std::string(spec) + ": expected K/N with 0 <= K < N <= 256, e.g. --shard 0/3");
  }
  return {*k, *n};
}

std::vector<cluster::Shard> prepare_layout(const std::string& db_path, std::size_t shards) {
  fs::path dir(db_path);
  std::optional<std::string> stub = cluster::stub_file(db_path);
  bool plain = is_plain_database(dir);
  if (shards == 0) return cluster::shards_of(db_path);  // keep whatever exists (plain when new)
  if (plain && shards > 1) {
    throw UsageError(db_path + " is a single database; --shards " + std::to_string(shards) +
                     " needs a new directory (or revsearch compact to change layouts)");
  }
  if (stub) {
    std::vector<cluster::Shard> existing = cluster::read_stub(*stub);
    if (existing.size() != shards) {
      throw UsageError(db_path + " has " + std::to_string(existing.size()) + " shards, not " +
                       std::to_string(shards));
    }
    return existing;
  }
  if (shards == 1) return cluster::shards_of(db_path);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw DatabaseError(db_path + ": cannot create directory: " + ec.message());
  std::vector<cluster::Shard> layout;
  for (std::size_t k = 0; k < shards; ++k) {
    std::string path = (dir / ("shard-" + std::to_string(k))).string();
    layout.push_back({path, path, "", 0});
  }
  cluster::write_stub((dir / kStubName).string(), layout);
  return layout;
}

}  // namespace revsearch::indexer
