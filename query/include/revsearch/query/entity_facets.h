// Entities a database knows (issue 5): actors, characters and titles with
// passage counts and display names (`revsearch entities`, search facets).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "revsearch/query/database.h"

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

// The term prefix of an entity field; throws UsageError for an unknown field.
std::string_view entity_facet_prefix(std::string_view field);

// The display name the indexer stored for an entity term, else its key.
std::string entity_display_name(const Metadata& metadata, const std::string& term, std::size_t prefix_size);

// Every entity of a kind in the database, with passage counts.
// `names`: where display names are read (the shards of a cluster). People
// the people table knows are named in the script of `like` when it is
// given (Hangul when it has Hangul: 성룡; else Latin: Jackie Chan).
EntityFacet list_entities(const Xapian::Database& db, std::string_view field, const Metadata& names,
                          std::string_view like = {});

// A character -> actor link as stored per title ("soundtrack#1", "i-eun-su",
// "han-so-hui"), with display names.
struct CharacterLink {
  std::string title_key, character_key, actor_key;
  std::string title, character, actor;
  Xapian::doccount passages = 0;
};
std::vector<CharacterLink> character_links(const Xapian::Database& db, const Metadata& names);

}  // namespace revsearch::query
