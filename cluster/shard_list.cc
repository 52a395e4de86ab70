// Reading and writing Xapian stub files.
#include "revsearch/cluster/shard_list.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "revsearch/errors.h"

namespace fs = std::filesystem;

namespace revsearch::cluster {
namespace {

constexpr const char* kStubName = "XAPIANDB";

// Xapian's own stub line types for a local database.
bool is_local_type(const std::string& type) { return type == "auto" || type == "glass" || type == "chert"; }

}  // namespace

std::optional<std::string> stub_file(const std::string& db_path) {
  std::error_code ec;
  if (fs::is_regular_file(db_path, ec)) return db_path;
  fs::path inside = fs::path(db_path) / kStubName;
  if (fs::is_regular_file(inside, ec)) return inside.string();
  return std::nullopt;
}

Shard parse_location(std::string_view location) {
  std::size_t colon = location.rfind(':');
  std::string_view port_text = colon == std::string_view::npos ? std::string_view() : location.substr(colon + 1);
  bool numeric = !port_text.empty() && port_text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!numeric) return Shard{std::string(location), std::string(location), "", 0};
  unsigned port = 0;
  std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port == 0 || port > 65535) throw UsageError("'" + std::string(location) + "': port must be 1-65535");
  std::string host(location.substr(0, colon));
  if (host.empty()) host = "127.0.0.1";
  return Shard{host + ":" + std::to_string(port), "", host, port};
}

std::vector<Shard> read_stub(const std::string& stub_path) {
  std::ifstream in(stub_path);
  if (!in) throw DatabaseError("cannot read stub file '" + stub_path + "'");
  fs::path base = fs::path(stub_path).parent_path();
  std::vector<Shard> shards;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    std::istringstream words(line);
    std::string type, where, extra;
    if (!(words >> type)) continue;  // blank line
    if (type[0] == '#') continue;
    auto bad = [&](const std::string& why) {
      return DatabaseError(stub_path + ":" + std::to_string(number) + ": " + why + ": '" + line + "'");
    };
    if (!(words >> where) || (words >> extra)) throw bad("expected 'auto FOLDER' or 'remote HOST:PORT'");
    if (is_local_type(type)) {
      fs::path p(where);
      shards.push_back({where, (p.is_absolute() ? p : base / p).string(), "", 0});
    } else if (type == "remote") {
      Shard shard;
      try {
        shard = parse_location(where);
      } catch (const UsageError& e) {
        throw bad(e.what());
      }
      if (!shard.remote()) throw bad("a remote shard is HOST:PORT (xapian-tcpsrv)");
      shards.push_back(std::move(shard));
    } else {
      throw bad("unknown database type '" + type + "'");
    }
  }
  if (shards.empty()) throw DatabaseError(stub_path + ": stub lists no databases");
  return shards;
}

std::vector<Shard> shards_of(const std::string& db_path) {
  if (std::optional<std::string> stub = stub_file(db_path)) return read_stub(*stub);
  return {Shard{db_path, db_path, "", 0}};
}

void write_stub(const std::string& stub_path, const std::vector<Shard>& shards) {
  if (shards.empty()) throw UsageError("a stub needs at least one shard");
  fs::path target(stub_path);
  fs::path base = fs::absolute(target).parent_path();
  std::string text;
  for (const Shard& shard : shards) {
    if (shard.remote()) {
      text += "remote " + shard.host + ":" + std::to_string(shard.port) + "\n";
      continue;
    }
    fs::path folder = fs::absolute(shard.path).lexically_normal();
    fs::path relative = folder.lexically_relative(base);
    bool inside = !relative.empty() && *relative.begin() != "..";
    text += "auto " + (inside ? relative : folder).string() + "\n";
  }
  std::error_code ec;
  if (!base.empty()) fs::create_directories(base, ec);
  fs::path tmp = target;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw DatabaseError(tmp.string() + ": cannot write stub file");
  }
  fs::rename(tmp, target, ec);
  if (ec) throw DatabaseError(stub_path + ": cannot write stub file: " + ec.message());
}

bool any_remote(const std::vector<Shard>& shards) {
  for (const Shard& shard : shards) {
    if (shard.remote()) return true;
  }
  return false;
}

}  // namespace revsearch::cluster
