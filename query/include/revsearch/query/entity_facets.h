// Entity facets (issue 5): the top actors, characters and titles among a
// query's matches, and the entities a database knows with passage counts.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace revsearch::query {

struct EntityFacetValue {
  std::string key;   // canonical key ("han-so-hui")
  std::string name;  // display name ("Han So-hee")
  Xapian::doccount count = 0;  // passages
};

struct EntityFacet {
  std::string field;  // "actor", "character" or "title"
  std::vector<EntityFacetValue> values;  // most passages first
};

// The term prefix of a facet field; throws UsageError for an unknown field.
std::string_view entity_facet_prefix(std::string_view field);

// Counts entity terms over the documents of `mset` (every match it holds).
EntityFacet count_entity_facet(const Xapian::Database& db, const Xapian::MSet& mset, std::string_view field, std::size_t top);

// Every entity of a kind in the database, with passage counts.
EntityFacet list_entities(const Xapian::Database& db, std::string_view field);

// A character -> actor link as stored per title ("soundtrack#1", "i-eun-su",
// "han-so-hui"), with display names.
struct CharacterLink {
  std::string title_key, character_key, actor_key;
  std::string title, character, actor;
  Xapian::doccount passages = 0;
};
std::vector<CharacterLink> character_links(const Xapian::Database& db);

}  // namespace revsearch::query
