// What each shard holds and whether it answers (`revsearch cluster status`).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "revsearch/cluster/shard_list.h"

namespace revsearch::cluster {

struct ShardStatus {
  Shard shard;
  bool up = false;
  std::string error;               // why it is not up
  Xapian::doccount documents = 0;  // passages and review documents
  Xapian::doccount passages = 0;
  std::optional<std::uint64_t> bytes;  // a local shard's files; a remote server does not say
  std::string format;              // index format metadata (shard 0 holds it)
  double seconds = 0;              // to open and read the counts
};

// Asks every shard; never throws for a shard that does not answer.
std::vector<ShardStatus> shard_status(const std::vector<Shard>& shards, double timeout_s);

}  // namespace revsearch::cluster
