// `revsearch stats --db DIR`
#include <iostream>

#include "commands.h"
#include "revsearch/api/json.h"
#include "revsearch/query/stats.h"

namespace revsearch::cli {

Command add_stats_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("stats", "Show what a database holds");
  sub->add_option("--db", *db, "Database directory")->required();
  sub->add_flag("--json", *json, "Print JSON");
  return {sub, [db, json] {
            query::DatabaseStats s = query::database_stats(*db);
            if (*json) {
              std::cout << api::stats_json(s).dump() << "\n";
              return kExitOk;
            }
            std::cout << "reviews:   " << s.reviews << "\n"
                      << "passages:  " << s.passages;
            for (const auto& [kind, count] : s.kinds) std::cout << (kind == "review" ? " (" : ", ") << kind << ": " << count;
            std::cout << (s.kinds.empty() ? "" : ")") << "\n"
                      << "terms:     " << s.terms << "\n"
                      << "size:      " << s.size_bytes / 1024 << " KiB\n"
                      << "languages:";
            for (const auto& [lang, count] : s.languages) std::cout << " " << lang << "=" << count;
            std::cout << "\n";
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
