// `revsearch check --db DIR`: is the database intact? (Xapian's checker)
#include <iostream>

#include "commands.h"
#include "revsearch/query/check.h"

namespace revsearch::cli {

Command add_check_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto details = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("check", "Check a database's integrity (exit 0: intact, 1: damaged)");
  sub->add_option("--db", *db, "Database directory")->required();
  sub->add_flag("--details", *details, "Print the checker's per-table report");
  return {sub, [db, details] {
            query::CheckReport report = query::check_database(*db);
            if (*details) std::cout << report.details;
            if (report.ok()) {
              std::cout << *db << ": ok (" << report.documents << " passages)\n";
              return kExitOk;
            }
            std::cerr << "revsearch: database '" << *db << "' is damaged: ";
            if (report.errors) std::cerr << report.errors << " error(s) found by Xapian's checker";
            if (report.errors && !report.open_error.empty()) std::cerr << "; ";
            std::cerr << report.open_error << "\n";
            if (!*details) std::cerr << "(run with --details for the checker's report)\n";
            return kExitError;
          }};
}

}  // namespace revsearch::cli
