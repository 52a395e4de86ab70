// The shards of a database: one local folder, or the entries of a Xapian
// stub file (`auto FOLDER` for a local shard, `remote HOST:PORT` for one
// served by xapian-tcpsrv), in the order that routes reviews to them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revsearch::cluster {

struct Shard {
  std::string name;  // how messages name it: "HOST:PORT" or the folder
  std::string path;  // a local shard's folder
  std::string host;  // a remote shard's server
  unsigned port = 0;
  bool remote() const { return port != 0; }
};

// The stub file behind `db_path`: the path itself when it is a file,
// DIR/XAPIANDB when DIR holds one (`index --shards N`); none otherwise.
std::optional<std::string> stub_file(const std::string& db_path);

// The shards a stub file lists; folders relative to the stub's own folder.
// Throws DatabaseError naming the file and line of a line it cannot use.
std::vector<Shard> read_stub(const std::string& stub_path);

// The shards behind `db_path`: its stub's entries, or the one database
// (a path that does not exist yet is a new single database).
std::vector<Shard> shards_of(const std::string& db_path);

// "HOST:PORT" (a port number after the last colon) is a remote shard,
// anything else a local folder. Throws UsageError for a bad port.
Shard parse_location(std::string_view location);

// Writes a stub listing `shards` (written whole, then renamed, so a reader
// never sees half a list); local folders are written relative to the
// stub's folder when they lie under it.
void write_stub(const std::string& stub_path, const std::vector<Shard>& shards);

// Whether any shard is served remotely.
bool any_remote(const std::vector<Shard>& shards);

}  // namespace revsearch::cluster
