// `revsearch compact --db DIR [--out NEWDIR]`: a compacted single database
// (merging a sharded one), written to NEWDIR or in place of DIR.
#include <iostream>

#include "commands.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/maintenance.h"

namespace revsearch::cli {

Command add_compact_command(CLI::App& app) {
  struct Args {
    std::string db, out;
    bool search_only = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("compact", "Compact a database in place or into a copy, merging shards into one");
  sub->add_option("--db", args->db, "Database directory (single or sharded)")->required();
  sub->add_option("--out", args->out, "New database directory (must not exist; default: replace DIR in place)");
  sub->add_flag("--search-only", args->search_only,
                "Leave out the term lists (about a quarter of the size): the copy answers searches and "
                "facets, but takes no further indexing (needs --out: the original stays updatable)");
  return {sub, [args] {
            if (args->search_only && args->out.empty()) {
              throw UsageError("--search-only needs --out: a search-only copy cannot be updated, so it never "
                               "replaces the database it is made from");
            }
            indexer::CompactSummary s = args->out.empty()
                                            ? indexer::compact_in_place(args->db)
                                            : indexer::compact_database(args->db, args->out, args->search_only);
            std::cout << "shards merged: " << s.shards_in << "\n"
                      << "bytes before:  " << s.bytes_before << "\n"
                      << "bytes after:   " << s.bytes_after << "\n";
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
