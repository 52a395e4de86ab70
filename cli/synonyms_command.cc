// `revsearch synonyms --db DIR FILE | --list | --clear`: the database's own
// synonyms, applied by every search at once (no re-indexing).
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "revsearch/errors.h"
#include "revsearch/query/synonyms.h"

namespace revsearch::cli {
namespace {

// A synonyms file is small; one this large is not one.
constexpr std::size_t kMaxFileBytes = 16u << 20;

std::string read_synonyms_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path + ": cannot read the synonyms file");
  std::ostringstream text;
  text << in.rdbuf();
  std::string out = text.str();
  if (out.size() > kMaxFileBytes) throw UsageError(path + ": larger than 16 MB: not a synonyms file");
  return out;
}

}  // namespace

Command add_synonyms_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto list = std::make_shared<bool>(false);
  auto clear = std::make_shared<bool>(false);
  auto timeout = std::make_shared<double>(60);
  CLI::App* sub = app.add_subcommand(
      "synonyms", "Store a synonyms file in a database (\"a, b, c\" or \"a => b\" lines), list it or remove it");
  sub->add_option("--db", *db, "Database directory (or a stub of shards)")->required();
  sub->add_option("file", *file, "Synonyms file: replaces the database's synonyms");
  sub->add_flag("--list", *list, "Print the stored synonyms");
  sub->add_flag("--clear", *clear, "Remove the stored synonyms");
  sub->add_option("--timeout", *timeout, "Seconds to wait for a remote shard (default 60)")
      ->check(CLI::Range(0.001, 3600.0));
  return {sub, [db, file, list, clear, timeout] {
            if (static_cast<int>(!file->empty()) + *list + *clear != 1) {
              throw UsageError("synonyms: give one of FILE, --list or --clear");
            }
            if (*list) {
              std::string text = query::stored_synonyms(*db, *timeout);
              if (text.empty()) {
                std::cout << "no synonyms stored in '" << *db << "' (the built-in film vocabulary still applies)\n";
              } else {
                std::cout << text << (text.back() == '\n' ? "" : "\n");
              }
              return kExitOk;
            }
            if (*clear) {
              query::clear_synonyms(*db, *timeout);
              std::cout << "synonyms removed from '" << *db << "'\n";
              return kExitOk;
            }
            std::string text = read_synonyms_file(*file);
            try {
              analysis::VariantTable table = query::store_synonyms(*db, text, *timeout);
              std::cout << table.groups() << " synonym lines stored in '" << *db
                        << "': searches use them now, no re-indexing\n";
            } catch (const analysis::VariantsError& e) {
              throw UsageError(*file + ":" + std::to_string(e.line) + ": " +
                               std::string(e.what()).substr(std::string(e.what()).find(": ") + 2) +
                               "; the database keeps its previous synonyms");
            }
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
