// Facet counting with Xapian match spies.
#include "revsearch/query/facets.h"

#include <algorithm>
#include <map>

#include "revsearch/errors.h"
#include "revsearch/query/entity_facets.h"
#include "revsearch/schema.h"

namespace revsearch::query {
namespace {

// Counts the terms with one prefix on each matching document (not those of
// a longer prefix that begins the same way, see schema::has_prefix).
class TermPrefixSpy : public Xapian::MatchSpy {
 public:
  // `absent`: the value of a document without such a term, if it has one.
  TermPrefixSpy(std::string prefix, std::string absent) : prefix_(std::move(prefix)), absent_(std::move(absent)) {}
  void operator()(const Xapian::Document& doc, double) override {
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(prefix_);
    bool found = false;
    for (; it != doc.termlist_end() && (*it).compare(0, prefix_.size(), prefix_) == 0; ++it) {
      const std::string& term = *it;
      if (schema::has_prefix(term, prefix_)) ++counts_[term.substr(prefix_.size())], found = true;
    }
    if (!found && !absent_.empty()) ++counts_[absent_];
  }
  const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  std::string prefix_;
  std::string absent_;
  std::map<std::string, Xapian::doccount> counts_;
};

// With people in the query, the sentiment facet counts opinions about them
// (the wdf of XSE<person>:<label>, one per sentence) rather than passages
// by their own label: a passage that praises and criticises one actor
// counts once each way, a passage with two criticisms twice.
class OpinionSpy : public Xapian::MatchSpy {
 public:
  explicit OpinionSpy(std::vector<std::string> people) : people_(std::move(people)) {}
  void operator()(const Xapian::Document& doc, double) override {
    for (const std::string& person : people_) {
      std::string prefix = schema::entity_sentiment_term(person, "");
      Xapian::TermIterator it = doc.termlist_begin();
      it.skip_to(prefix);
      for (; it != doc.termlist_end() && (*it).compare(0, prefix.size(), prefix) == 0; ++it) {
        std::string label = (*it).substr(prefix.size());
        if (label.find(':') == std::string::npos) counts_[label] += it.get_wdf();
      }
    }
  }
  const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  std::vector<std::string> people_;
  std::map<std::string, Xapian::doccount> counts_;
};

enum class Source { kTermPrefix, kNumericSlot };

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
};

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

struct FacetCounter::Field {
  const FieldSpec* spec;
  std::unique_ptr<TermPrefixSpy> terms;
  std::unique_ptr<Xapian::ValueCountMatchSpy> values;
  std::unique_ptr<OpinionSpy> opinions;
};

FacetCounter::FacetCounter(const std::vector<std::string>& names, const std::vector<std::string>& people) {
  for (const std::string& name : names) {
    const FieldSpec* spec = nullptr;
    for (const FieldSpec& f : kFields) {
      if (f.name == name) spec = &f;
    }
    if (!spec) throw UsageError("unknown facet '" + name + "' (known: " + known_names() + ")");
    auto field = std::make_unique<Field>();
    field->spec = spec;
    if (spec->prefix == schema::kSentimentLabel && !people.empty()) {
      field->opinions = std::make_unique<OpinionSpy>(people);
    } else if (spec->source == Source::kTermPrefix) {
      field->terms = std::make_unique<TermPrefixSpy>(std::string(spec->prefix), std::string(spec->absent));
    } else {
      field->values = std::make_unique<Xapian::ValueCountMatchSpy>(spec->slot);
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
  for (auto& field : fields_) {
    if (field->terms) enquire.add_matchspy(field->terms.get());
    if (field->values) enquire.add_matchspy(field->values.get());
    if (field->opinions) enquire.add_matchspy(field->opinions.get());
  }
}

std::vector<Facet> FacetCounter::results(const Xapian::Database& db, std::size_t top) const {
  std::vector<Facet> out;
  for (const auto& field : fields_) {
    Facet facet{std::string(field->spec->name), {}};
    if (field->opinions) {
      for (const auto& [value, count] : field->opinions->counts()) facet.values.push_back({value, count, ""});
    } else if (field->terms) {
      for (const auto& [value, count] : field->terms->counts()) {
        if (field->spec->entity) {
          std::string term = std::string(field->spec->prefix) + value;
          facet.values.push_back({entity_display_name(db, term, field->spec->prefix.size()), count, value});
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
