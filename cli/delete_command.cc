// `revsearch delete --db DIR ID...`: remove reviews (all their passages).
#include <iostream>

#include "commands.h"
#include "revsearch/indexer/maintenance.h"

namespace revsearch::cli {

Command add_delete_command(CLI::App& app) {
  struct Args {
    std::string db;
    std::vector<std::string> ids;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("delete", "Delete reviews by id (every passage of each)");
  sub->add_option("--db", args->db, "Database directory")->required();
  sub->add_option("ids", args->ids, "Review ids")->required();
  return {sub, [args] {
            indexer::DeleteSummary s = indexer::delete_reviews(args->db, args->ids);
            std::cout << "reviews deleted:  " << s.reviews_deleted << "\n"
                      << "passages deleted: " << s.passages_deleted << "\n";
            for (const std::string& id : s.not_found) std::cerr << "revsearch: no review with id '" << id << "'\n";
            return s.not_found.empty() ? kExitOk : kExitError;
          }};
}

}  // namespace revsearch::cli
