// `revsearch check --db DIR`: is the database intact? (Xapian's checker)
#include <iostream>

#include "commands.h"
#include "revsearch/query/check.h"

namespace revsearch::cli {

Command add_check_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto details = std::make_shared<bool>(false);
  auto timeout = std::make_shared<double>(10);
  CLI::App* sub = app.add_subcommand("check", "Check a database's integrity (exit 0: intact, 1: damaged)");
  sub->add_option("--db", *db, "Database directory")->required();
  sub->add_flag("--details", *details, "Print the checker's per-table report");
  sub->add_option("--timeout", *timeout, "Seconds to wait for a remote shard (default 10)")->check(CLI::Range(0.001, 3600.0));
  return {sub, [db, details, timeout] {
            query::CheckReport report = query::check_database(*db, *timeout);
            if (*details) std::cout << report.details;
            for (const query::ShardCheck& shard : report.shards) {
              std::cout << "shard " << shard.name << ": ";
              if (shard.errors) {
                std::cout << "DAMAGED OR DOWN: " << shard.problem << "\n";
              } else {
                std::cout << "ok (" << shard.documents << " passages"
                          << (shard.remote ? "; answers: its tables are checked on its own machine" : "") << ")\n";
              }
            }
            if (report.ok()) {
              std::cout << *db << ": ok (" << report.documents << " passages)\n";
              return kExitOk;
            }
            std::cerr << "revsearch: database '" << *db << "' is damaged" << (report.shards.empty() ? "" : " or incomplete")
                      << ": ";
            if (report.errors) std::cerr << report.errors << " error(s) found by Xapian's checker";
            if (report.errors && !report.open_error.empty()) std::cerr << "; ";
            std::cerr << report.open_error << "\n";
            if (!*details) std::cerr << "(run with --details for the checker's report)\n";
            return kExitError;
          }};
}

}  // namespace revsearch::cli
