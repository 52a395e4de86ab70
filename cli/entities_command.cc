// `revsearch entities --db DIR [--kind actor|character|title] [--json]`
// (issue 5): the actors, characters and titles an index knows, with passage
// counts, and which actor plays each character per title.
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.h"
#include "revsearch/query/database.h"
#include "revsearch/query/entity_facets.h"

namespace revsearch::cli {
namespace {

struct EntitiesArgs {
  std::string db;
  std::vector<std::string> kinds;
  std::size_t limit = 50;
  bool json = false;
};

}  // namespace

Command add_entities_command(CLI::App& app) {
  auto args = std::make_shared<EntitiesArgs>();
  CLI::App* sub = app.add_subcommand("entities", "List known actors, characters and titles with passage counts");
  sub->add_option("--db", args->db, "Database directory")->required();
  sub->add_option("--kind", args->kinds, "Kinds to list (default: actor,character,title)")
      ->delimiter(',')
      ->check(CLI::IsMember({"actor", "character", "title"}));
  sub->add_option("--limit", args->limit, "At most this many of each kind (0: all)");
  sub->add_flag("--json", args->json, "Print one JSON object instead of text");

  return {sub, [args] {
            if (args->kinds.empty()) args->kinds = {"actor", "character", "title"};
            Xapian::Database db = query::open_database(args->db);
            std::vector<query::CharacterLink> links = query::character_links(db);
            nlohmann::json out = nlohmann::json::object();
            for (const std::string& kind : args->kinds) {
              query::EntityFacet facet = query::list_entities(db, kind);
              if (args->limit && facet.values.size() > args->limit) facet.values.resize(args->limit);
              nlohmann::json list = nlohmann::json::array();
              if (!args->json) std::cout << kind << "s (" << facet.values.size() << " shown):\n";
              for (const query::EntityFacetValue& v : facet.values) {
                nlohmann::json item = {{"name", v.name}, {"key", v.key}, {"passages", v.count}};
                std::string played;
                if (kind == "character") {
                  nlohmann::json played_by = nlohmann::json::array();
                  for (const query::CharacterLink& l : links) {
                    if (l.character_key != v.key) continue;
                    played_by.push_back({{"actor", l.actor}, {"actor_key", l.actor_key}, {"title", l.title}});
                    played += (played.empty() ? "  played by " : "; ") + l.actor +
                              (l.title.empty() ? "" : " in " + l.title);
                  }
                  item["played_by"] = played_by;
                }
                list.push_back(item);
                if (!args->json) std::cout << "  " << v.count << "\t" << v.name << played << "\n";
              }
              out[kind] = list;
            }
            if (args->json) std::cout << out.dump() << "\n";
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
