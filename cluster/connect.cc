// Shards opened one by one through Xapian's local or remote backend.
#include "revsearch/cluster/connect.h"

#include <algorithm>
#include <cmath>

#include "revsearch/errors.h"

namespace revsearch::cluster {
namespace {

unsigned milliseconds(double seconds) {
  return static_cast<unsigned>(std::clamp(std::lround(seconds * 1000), 1L, 3600L * 1000));
}

}  // namespace

Xapian::Database open_shard(const Shard& shard, double timeout_s) {
  if (!shard.remote()) return Xapian::Database(shard.path);
  unsigned ms = milliseconds(timeout_s);
  return Xapian::Remote::open(shard.host, shard.port, ms, ms);
}

Xapian::WritableDatabase open_writable_shard(const Shard& shard, double timeout_s, int flags) {
  if (!shard.remote()) return Xapian::WritableDatabase(shard.path, flags);
  unsigned ms = milliseconds(timeout_s);
  return Xapian::Remote::open_writable(shard.host, shard.port, ms, ms, flags);
}

const Shard* shard_named_in(const Xapian::Error& error, const std::vector<Shard>& shards) {
  const std::string context = error.get_context();
  for (const Shard& shard : shards) {
    if (shard.remote() && context.find("(" + shard.host + ":" + std::to_string(shard.port) + ")") != std::string::npos) {
      return &shard;
    }
  }
  return nullptr;
}

const Shard* failed_shard(const Xapian::Error& error, const std::vector<Shard>& shards, double probe_timeout_s) {
  if (const Shard* named = shard_named_in(error, shards)) return named;
  for (const Shard& shard : shards) {
    if (!shard.remote()) continue;
    try {
      open_shard(shard, probe_timeout_s).get_doccount();
    } catch (const Xapian::Error&) {
      return &shard;
    }
  }
  return nullptr;
}

std::string shard_failure(const Shard& shard, const Xapian::Error& error) {
  std::string what = error.get_type();
  std::string msg = error.get_msg();
  if (!error.get_error_string() || !*error.get_error_string()) {
    return "shard " + shard.name + " did not answer (" + what + ": " + msg + ")";
  }
  return "shard " + shard.name + " did not answer (" + what + ": " + msg + ": " + error.get_error_string() + ")";
}

OpenedShards open_shards(const std::vector<Shard>& shards, const ConnectOptions& options,
                         const std::vector<std::string>& skip) {
  OpenedShards out;
  for (const Shard& shard : shards) {
    if (std::find(skip.begin(), skip.end(), shard.name) != skip.end()) {
      out.missing.push_back({shard.name, "stopped answering during the search"});
      continue;
    }
    try {
      out.parts.push_back(open_shard(shard, options.timeout_s));
      out.db.add_database(out.parts.back());
      out.shards.push_back(shard);
    } catch (const Xapian::NetworkError& e) {
      if (!options.allow_partial) throw DatabaseError(shard_failure(shard, e));
      out.missing.push_back({shard.name, shard_failure(shard, e)});
    } catch (const Xapian::Error& e) {
      throw DatabaseError("shard " + shard.name + ": " + e.get_description());
    }
  }
  if (out.shards.empty()) {
    throw DatabaseError("no shard answered (" + (out.missing.empty() ? std::string("none listed") : out.missing.front().reason) + ")");
  }
  return out;
}

}  // namespace revsearch::cluster
