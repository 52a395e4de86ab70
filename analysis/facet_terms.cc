// Facet terms in a value slot: written per passage, split by the query side.
#include "revsearch/facet_terms.h"

#include <algorithm>

#include "revsearch/schema.h"

namespace revsearch {

const std::vector<std::string_view>& facet_prefixes() {
  static const std::vector<std::string_view> prefixes = {
      schema::kLanguage,  schema::kKind,        schema::kSentimentLabel, schema::kActor,
      schema::kCharacter, schema::kTitleEntity, schema::kCrew,           schema::kMovie,
      schema::kEntitySentiment};
  return prefixes;
}

std::string facet_terms_value(const Xapian::Document& doc) {
  // One pass over the term list (a document being built does not skip_to
  // reliably), kept in facet_prefixes() order.
  std::vector<std::string> by_prefix(facet_prefixes().size());
  for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& term = *it;
    for (std::size_t i = 0; i < facet_prefixes().size(); ++i) {
      if (!schema::has_prefix(term, facet_prefixes()[i])) continue;
      // An opinion term once per sentence that holds it (its wdf), which the
      // sentiment facet counts when the query names people.
      Xapian::termcount times = facet_prefixes()[i] == schema::kEntitySentiment ? it.get_wdf() : 1;
      for (Xapian::termcount n = 0; n < std::max<Xapian::termcount>(times, 1); ++n) {
        if (!by_prefix[i].empty()) by_prefix[i] += '\0';
        by_prefix[i] += term;
      }
    }
  }
  std::string value;
  for (const std::string& terms : by_prefix) {
    if (terms.empty()) continue;
    if (!value.empty()) value += '\0';
    value += terms;
  }
  return value;
}

std::vector<std::string> split_facet_terms(std::string_view value) {
  std::vector<std::string> terms;
  while (!value.empty()) {
    std::size_t end = value.find('\0');
    terms.emplace_back(value.substr(0, end));
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
  return terms;
}

}  // namespace revsearch
