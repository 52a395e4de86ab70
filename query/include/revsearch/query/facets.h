// Facets: the most common values of a field among a query's matches
// (`search --facets actor,title,sentiment,lang,rating`).
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/entities/catalog.h"
#include "revsearch/query/database.h"

namespace revsearch::query {

struct FacetValue {
  std::string value;  // entities: display name ("Han So-hee")
  Xapian::doccount count = 0;
  std::string key;    // entities: canonical key ("han-so-hui"); empty otherwise
};

struct Facet {
  std::string name;
  std::vector<FacetValue> values;  // most common first
};

// Counts field values over the matches Xapian examines for an MSet with
// Xapian's ValueCountMatchSpy (the only match spies that travel to remote
// shards): term fields (lang, kind, actor...) through the facet-terms value
// (schema::kSlotFacets), numeric value slots (rating) directly.
class FacetCounter {
 public:
  // Throws UsageError for an unknown facet name. `people`: the sentiment
  // entities the query asks about (OpinionQuery::people); with them the
  // sentiment facet counts opinions about them, not passage labels.
  explicit FacetCounter(const std::vector<std::string>& names, const std::vector<std::string>& people = {});
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  // The counter must outlive the Enquire's get_mset() call.
  void attach(Xapian::Enquire& enquire);
  // `names` supplies entity display names (people: in the script of
  // `query_text`), `catalog` the films behind genre/year/film (none: those
  // facets are empty).
  std::vector<Facet> results(const Metadata& names, std::string_view query_text, const entities::Catalog* catalog,
                             std::size_t top = 10) const;

  // The names a user can ask for, for help and error messages.
  static std::string known_names();

 private:
  struct Field;
  std::vector<std::unique_ptr<Field>> fields_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> terms_;
  std::vector<std::string> people_;  // the facet-terms value, shared by the term fields
};

}  // namespace revsearch::query
