// Facet counting with Xapian's ValueCountMatchSpy, the one kind of match
// spy a remote shard server runs: the facet terms of each passage are one
// value (schema::kSlotFacets), counted as a whole by the spy and split here.
#include "revsearch/query/facets.h"

#include <algorithm>
#include <map>

#include "revsearch/entities/gazetteer.h"
#include "revsearch/errors.h"
#include "revsearch/facet_terms.h"
#include "revsearch/query/entity_facets.h"
#include "revsearch/schema.h"

namespace revsearch::query {
namespace {

// kFilm: movie terms counted, then read through the catalogue as the
// film's genres, year or title.
enum class Source { kTermPrefix, kNumericSlot, kFilm };

struct FieldSpec {
  std::string_view name;
  Source source;
  std::string_view prefix;
  Xapian::valueno slot;
  bool entity = false;  // values are entity keys with display names in the database metadata
  std::string_view absent = "";  // value of a document without a term (schema.h: only boilerplate has a K term)
};

// One place to add a facet: a field's term prefix or value slot.
constexpr FieldSpec kFields[] = {
    {"lang", Source::kTermPrefix, schema::kLanguage, 0},
    {"kind", Source::kTermPrefix, schema::kKind, 0, false, schema::kKindReview},
    {"rating", Source::kNumericSlot, "", schema::kSlotRating},
    {"sentiment", Source::kTermPrefix, schema::kSentimentLabel, 0},  // issue 6
    // Issue 5: entities, shown by display name.
    {"actor", Source::kTermPrefix, schema::kActor, 0, true},
    {"character", Source::kTermPrefix, schema::kCharacter, 0, true},
    {"title", Source::kTermPrefix, schema::kTitleEntity, 0, true},
    {"director", Source::kTermPrefix, schema::kCrew, 0, true},
    // Film catalogue (index --catalog).
    {"genre", Source::kFilm, schema::kMovie, 0},
    {"year", Source::kFilm, schema::kMovie, 0},
    {"film", Source::kFilm, schema::kMovie, 0},
};

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// With people in the query, the sentiment facet counts opinions about them
// (XSE<person>:<label>, in the facet value once per sentence) rather than
// passages by their own label: a passage that praises and criticises one
// actor counts once each way, a passage with two criticisms twice.
void count_opinions(const std::vector<std::string>& people, const std::vector<std::string>& terms,
                    Xapian::doccount passages, std::map<std::string, Xapian::doccount>& counts) {
  for (const std::string& person : people) {
    const std::string prefix = schema::entity_sentiment_term(person, "");
    for (const std::string& term : terms) {
      if (term.compare(0, prefix.size(), prefix) != 0) continue;
      std::string label = term.substr(prefix.size());
      if (label.find(':') == std::string::npos) counts[label] += passages;
    }
  }
}

}  // namespace

struct FacetCounter::Field {
  const FieldSpec* spec;
  std::unique_ptr<Xapian::ValueCountMatchSpy> values;  // a numeric slot's own spy
};

FacetCounter::FacetCounter(const std::vector<std::string>& names, const std::vector<std::string>& people)
    : people_(people) {
  for (const std::string& name : names) {
    const FieldSpec* spec = nullptr;
    for (const FieldSpec& f : kFields) {
      if (f.name == name) spec = &f;
    }
    if (!spec) throw UsageError("unknown facet '" + name + "' (known: " + known_names() + ")");
    auto field = std::make_unique<Field>(Field{spec, nullptr});
    if (spec->source == Source::kNumericSlot) {
      field->values = std::make_unique<Xapian::ValueCountMatchSpy>(spec->slot);
    } else if (!terms_) {
      terms_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotFacets);
    }
    fields_.push_back(std::move(field));
  }
}

FacetCounter::~FacetCounter() = default;

std::string FacetCounter::known_names() {
  std::string out;
  for (const FieldSpec& f : kFields) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (terms_) enquire.add_matchspy(terms_.get());
  for (auto& field : fields_) {
    if (field->values) enquire.add_matchspy(field->values.get());
  }
}

std::vector<Facet> FacetCounter::results(const Metadata& names, std::string_view query_text,
                                         const entities::Catalog* catalog, std::size_t top) const {
  // Every distinct combination of facet terms among the matches, once.
  std::vector<std::pair<std::vector<std::string>, Xapian::doccount>> combinations;
  if (terms_) {
    for (auto it = terms_->values_begin(); it != terms_->values_end(); ++it) {
      combinations.emplace_back(split_facet_terms(*it), it.get_termfreq());
    }
  }
  // The spy does not see documents without the value: they count as `absent`.
  const Xapian::doccount without_terms = terms_ ? static_cast<Xapian::doccount>(terms_->get_total()) - [&] {
    Xapian::doccount with = 0;
    for (const auto& [terms, count] : combinations) with += count;
    return with;
  }() : 0;
  std::vector<Facet> out;
  for (const auto& field : fields_) {
    const FieldSpec& spec = *field->spec;
    Facet facet{std::string(spec.name), {}};
    if (spec.prefix == schema::kSentimentLabel && !people_.empty()) {
      std::map<std::string, Xapian::doccount> counts;
      for (const auto& [terms, count] : combinations) count_opinions(people_, terms, count, counts);
      for (const auto& [value, count] : counts) facet.values.push_back({value, count, ""});
    } else if (spec.source == Source::kFilm) {
      // Per film, then summed per genre or year: a passage counts once per value.
      std::map<std::string, Xapian::doccount> counts, films;
      for (const auto& [terms, count] : combinations) {
        for (const std::string& term : terms) {
          if (!schema::has_prefix(term, spec.prefix)) continue;
          std::string id = term.substr(spec.prefix.size());
          const entities::Film* film = catalog ? catalog->film(id) : nullptr;
          if (!film) continue;
          if (spec.name == "genre") {
            for (const std::string& genre : film->genres) counts[genre] += count;
          } else if (spec.name == "year") {
            if (film->year) counts[std::to_string(film->year)] += count;
          } else {
            films[id] += count;  // shown by title, keyed by id
          }
        }
      }
      for (const auto& [value, count] : counts) facet.values.push_back({value, count, ""});
      for (const auto& [id, count] : films) {
        const entities::Film* film = catalog->film(id);
        facet.values.push_back({film->title.empty() ? film->title_en : film->title, count, id});
      }
    } else if (spec.source == Source::kTermPrefix) {
      std::map<std::string, Xapian::doccount> counts;
      for (const auto& [terms, count] : combinations) {
        bool found = false;
        for (const std::string& term : terms) {
          if (schema::has_prefix(term, spec.prefix)) counts[std::string(term.substr(spec.prefix.size()))] += count, found = true;
        }
        if (!found && !spec.absent.empty()) counts[std::string(spec.absent)] += count;
      }
      if (without_terms && !spec.absent.empty()) counts[std::string(spec.absent)] += without_terms;
      for (const auto& [value, count] : counts) {
        if (spec.entity) {
          // People by their name in the query's script (성룡 or Jackie Chan).
          const entities::Person* person = entities::Gazetteer::builtin().by_key(value);
          std::string term = std::string(spec.prefix) + value;
          std::string shown = person ? std::string(person->display_like(query_text))
                                     : entity_display_name(names, term, spec.prefix.size());
          facet.values.push_back({shown, count, value});
        } else {
          facet.values.push_back({value, count, ""});
        }
      }
    } else {
      for (auto it = field->values->values_begin(); it != field->values->values_end(); ++it) {
        facet.values.push_back({format_number(Xapian::sortable_unserialise(*it)), it.get_termfreq(), ""});
      }
    }
    std::stable_sort(facet.values.begin(), facet.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (facet.values.size() > top) facet.values.resize(top);
    out.push_back(std::move(facet));
  }
  return out;
}

}  // namespace revsearch::query
