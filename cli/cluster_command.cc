// `revsearch cluster stub|status|check|split`: helpers for a database whose
// shards are served by xapian-tcpsrv on several machines.
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.h"
#include "revsearch/cluster/shard_list.h"
#include "revsearch/cluster/status.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/maintenance.h"
#include "revsearch/query/check.h"

namespace revsearch::cli {
namespace {

struct ClusterArgs {
  std::string db, out;
  std::vector<std::string> locations;
  std::size_t shards = 0;
  double timeout_s = 10;
  bool json = false;
};

int write_stub(const ClusterArgs& args) {
  std::vector<cluster::Shard> shards;
  for (const std::string& location : args.locations) shards.push_back(cluster::parse_location(location));
  cluster::write_stub(args.out, shards);
  std::cout << args.out << ": " << shards.size() << " shards\n";
  for (const cluster::Shard& shard : shards) {
    std::cout << "  " << (shard.remote() ? "remote " : "local  ") << shard.name << "\n";
  }
  return kExitOk;
}

int show_status(const ClusterArgs& args) {
  std::vector<cluster::ShardStatus> statuses = cluster::shard_status(cluster::shards_of(args.db), args.timeout_s);
  bool all_up = true;
  nlohmann::json out = nlohmann::json::array();
  for (const cluster::ShardStatus& s : statuses) {
    all_up = all_up && s.up;
    nlohmann::json item = {{"shard", s.shard.name}, {"remote", s.shard.remote()}, {"up", s.up},
                           {"documents", s.documents}, {"passages", s.passages}, {"format", s.format},
                           {"seconds", s.seconds}};
    if (s.bytes) item["size_bytes"] = *s.bytes;
    if (!s.up) item["error"] = s.error;
    out.push_back(std::move(item));
  }
  if (args.json) {
    nlohmann::json report = nlohmann::json::object();
    report["shards"] = out;
    report["healthy"] = all_up;
    std::cout << report.dump() << "\n";
  } else {
    for (const cluster::ShardStatus& s : statuses) {
      std::cout << s.shard.name << ": ";
      if (!s.up) {
        std::cout << "DOWN: " << s.error << "\n";
        continue;
      }
      std::cout << "up, " << s.passages << " passages (" << s.documents << " documents), ";
      std::cout << (s.bytes ? std::to_string(*s.bytes) + " bytes" : std::string("size known on its machine"));
      char ms[32];
      std::snprintf(ms, sizeof ms, "%.1f", s.seconds * 1000);
      std::cout << ", answered in " << ms << " ms\n";
    }
  }
  return all_up ? kExitOk : kExitError;
}

int check_all(const ClusterArgs& args) {
  query::CheckReport report = query::check_database(args.db, args.timeout_s);
  for (const query::ShardCheck& shard : report.shards) {
    std::cout << "shard " << shard.name << ": "
              << (shard.errors ? "DAMAGED OR DOWN: " + shard.problem
                               : "ok (" + std::to_string(shard.documents) + " passages" +
                                     (shard.remote ? "; answers: its tables are checked on its own machine" : "") + ")")
              << "\n";
  }
  if (!report.ok()) {
    std::cerr << "revsearch: cluster '" << args.db << "' is damaged or incomplete"
              << (report.open_error.empty() ? "" : ": " + report.open_error) << "\n";
    return kExitError;
  }
  std::cout << args.db << ": ok (" << report.documents << " passages)\n";
  return kExitOk;
}

int split(const ClusterArgs& args) {
  indexer::SplitSummary s = indexer::split_database(args.db, args.out, args.shards);
  for (std::size_t k = 0; k < s.documents.size(); ++k) {
    std::cout << args.out << "/shard-" << k << ": " << s.documents[k] << " documents\n";
  }
  std::cout << "metadata keys (in shard-0): " << s.metadata_keys << "\n"
            << "stub: " << args.out << "/XAPIANDB (serve each shard with xapian-tcpsrv, then revsearch cluster stub)\n";
  return kExitOk;
}

}  // namespace

Command add_cluster_command(CLI::App& app) {
  auto args = std::make_shared<ClusterArgs>();
  CLI::App* sub = app.add_subcommand("cluster", "Shards on several machines, served by xapian-tcpsrv");
  sub->require_subcommand(1);
  auto timeout = [&args](CLI::App* c) {
    c->add_option("--timeout", args->timeout_s, "Seconds to wait for a remote shard (default 10)")
        ->check(CLI::Range(0.001, 3600.0));
  };
  CLI::App* stub = sub->add_subcommand("stub", "Write a stub file listing shards (HOST:PORT or a folder each)");
  stub->add_option("--out", args->out, "Stub file to write (search and index with --db FILE)")->required();
  stub->add_option("shards", args->locations, "HOST:PORT of a xapian-tcpsrv, or a local database folder")
      ->required();
  CLI::App* status = sub->add_subcommand("status", "Each shard's passages, size and health (exit 1 if one is down)");
  status->add_option("--db", args->db, "Stub file or sharded folder")->required();
  status->add_flag("--json", args->json, "Print one JSON object");
  timeout(status);
  CLI::App* check = sub->add_subcommand("check", "Check every shard (Xapian's checker on local ones)");
  check->add_option("--db", args->db, "Stub file or sharded folder")->required();
  timeout(check);
  CLI::App* split_cmd =
      sub->add_subcommand("split", "Split a local database into N shards (OUT/shard-K) to move to machines");
  split_cmd->add_option("--db", args->db, "Database to split (single or sharded, local)")->required();
  split_cmd->add_option("--out", args->out, "New folder for the shards (must not exist)")->required();
  split_cmd->add_option("--shards", args->shards, "Number of shards")->required()->check(CLI::Range(2, 256));
  return {sub, [args, stub, status, check, split_cmd] {
            if (stub->parsed()) return write_stub(*args);
            if (status->parsed()) return show_status(*args);
            if (check->parsed()) return check_all(*args);
            if (split_cmd->parsed()) return split(*args);
            throw UsageError("cluster: name a subcommand (stub, status, check, split)");
          }};
}

}  // namespace revsearch::cli
