// Entity listings over entity terms (A actor, C character, T title prefixes).
#include "revsearch/query/entity_facets.h"

#include <algorithm>
#include <map>

#include "revsearch/entities/gazetteer.h"
#include "revsearch/errors.h"
#include "revsearch/schema.h"

namespace revsearch::query {
namespace {

void sort_values(std::vector<EntityFacetValue>& values) {
  std::stable_sort(values.begin(), values.end(), [](const EntityFacetValue& a, const EntityFacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
}

}  // namespace

std::string entity_display_name(const Metadata& metadata, const std::string& term, std::size_t prefix_size) {
  std::string name = metadata.get(std::string(schema::kEntityNameMetadata) + term);
  return name.empty() ? term.substr(prefix_size) : name;
}

std::string_view entity_facet_prefix(std::string_view field) {
  if (field == "actor") return schema::kActor;
  if (field == "character") return schema::kCharacter;
  if (field == "title") return schema::kTitleEntity;
  if (field == "director") return schema::kCrew;
  throw UsageError("unknown facet '" + std::string(field) + "' (use actor, character, title or director)");
}

EntityFacet list_entities(const Xapian::Database& db, std::string_view field, const Metadata& names,
                          std::string_view like) {
  std::string prefix(entity_facet_prefix(field));
  EntityFacet facet{std::string(field), {}};
  const entities::Gazetteer& people = entities::Gazetteer::builtin();
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    if (!schema::has_prefix(term, prefix)) continue;
    std::string key = term.substr(prefix.size());
    const entities::Person* person = like.empty() || field == "title" ? nullptr : people.by_key(key);
    std::string name = person ? std::string(person->display_like(like)) : entity_display_name(names, term, prefix.size());
    facet.values.push_back({std::move(key), std::move(name), t.get_termfreq()});
  }
  sort_values(facet.values);
  return facet;
}

std::vector<CharacterLink> character_links(const Xapian::Database& db, const Metadata& names) {
  std::string prefix(schema::kCharacterLink);
  std::vector<CharacterLink> links;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    std::string value = (*t).substr(prefix.size());
    std::size_t a = value.find('|'), b = value.rfind('|');
    if (a == std::string::npos || a == b) continue;
    CharacterLink link{value.substr(0, a), value.substr(a + 1, b - a - 1), value.substr(b + 1), "", "", "", t.get_termfreq()};
    auto name = [&](std::string_view p, const std::string& key) {
      std::string term = std::string(p) + key;
      return entity_display_name(names, term, p.size());
    };
    link.title = link.title_key.empty() ? "" : name(schema::kTitleEntity, link.title_key);
    link.character = name(schema::kCharacter, link.character_key);
    link.actor = name(schema::kActor, link.actor_key);
    links.push_back(std::move(link));
  }
  return links;
}

}  // namespace revsearch::query
