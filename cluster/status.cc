// Per-shard counts, size and health.
#include "revsearch/cluster/status.h"

#include <chrono>
#include <filesystem>

#include "revsearch/cluster/connect.h"
#include "revsearch/schema.h"

namespace revsearch::cluster {
namespace {

std::uint64_t folder_bytes(const std::string& path) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

}  // namespace

std::vector<ShardStatus> shard_status(const std::vector<Shard>& shards, double timeout_s) {
  std::vector<ShardStatus> out;
  for (const Shard& shard : shards) {
    ShardStatus status{shard, false, "", 0, 0, std::nullopt, "", 0};
    auto started = std::chrono::steady_clock::now();
    try {
      Xapian::Database db = open_shard(shard, timeout_s);
      status.documents = db.get_doccount();
      status.passages = status.documents - db.get_termfreq(std::string(schema::kReviewDocument));
      status.format = db.get_metadata(std::string(schema::kFormatKey));
      status.up = true;
      if (!shard.remote()) status.bytes = folder_bytes(shard.path);
    } catch (const Xapian::Error& e) {
      status.error = shard.remote() ? shard_failure(shard, e) : e.get_description();
    }
    status.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    out.push_back(std::move(status));
  }
  return out;
}

}  // namespace revsearch::cluster
