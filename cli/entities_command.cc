// `revsearch entities --db DIR [--kind actor|character|title|director]
// [--script hangul|latin] [--json]`
// (issue 5): the actors, characters and titles an index knows, with passage
// counts, and which actor plays each character per title.
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.h"
#include "revsearch/query/database.h"
#include "revsearch/api/json.h"

namespace revsearch::cli {
namespace {

struct EntitiesArgs {
  std::string db;
  std::vector<std::string> kinds;
  std::size_t limit = 50;
  bool json = false;
  std::string script;  // hangul, latin, or empty: as stored
};

}  // namespace

Command add_entities_command(CLI::App& app) {
  auto args = std::make_shared<EntitiesArgs>();
  CLI::App* sub = app.add_subcommand("entities", "List known actors, characters and titles with passage counts");
  sub->add_option("--db", args->db, "Database directory")->required();
  sub->add_option("--kind", args->kinds, "Kinds to list (default: actor,character,title)")
      ->delimiter(',')
      ->check(CLI::IsMember({"actor", "character", "title", "director"}));
  sub->add_option("--script", args->script,
                  "Name known people in this script: hangul (성룡) or latin (Jackie Chan); default as first written")
      ->check(CLI::IsMember({"hangul", "latin"}));
  sub->add_option("--limit", args->limit, "At most this many of each kind (0: all)");
  sub->add_flag("--json", args->json, "Print one JSON object instead of text");

  return {sub, [args] {
            if (args->kinds.empty()) args->kinds = {"actor", "character", "title"};
            query::OpenedDatabase opened = query::open_shards(args->db, {});
            std::string_view like = args->script == "hangul" ? "가" : args->script == "latin" ? "a" : "";
            nlohmann::json out =
                api::entities_json(opened.db, query::Metadata(opened.parts), args->kinds, args->limit, like);
            if (!args->json) {
              for (const std::string& kind : args->kinds) {
                const nlohmann::json& list = out[kind];
                std::cout << kind << "s (" << list.size() << " shown):\n";
                for (const nlohmann::json& item : list) {
                  std::string played;
                  if (item.contains("played_by")) {
                    for (const nlohmann::json& l : item["played_by"]) {
                      std::string title = l["title"];
                      played += (played.empty() ? "  played by " : "; ") + l["actor"].get<std::string>() +
                                (title.empty() ? "" : " in " + title);
                    }
                  }
                  std::cout << "  " << item["passages"].get<Xapian::doccount>() << "\t"
                            << item["name"].get<std::string>() << played << "\n";
                }
              }
            }
            if (args->json) std::cout << out.dump() << "\n";
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
