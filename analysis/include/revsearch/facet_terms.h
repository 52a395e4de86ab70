// The terms facets count, kept in one value slot per passage
// (schema::kSlotFacets) so that Xapian's built-in ValueCountMatchSpy can
// count them on any backend, remote shard servers included.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace revsearch {

// The term prefixes a facet may count (language, kind, sentiment label,
// actor, character, title entity, crew, film, opinions about a person),
// declared once for writer and reader.
const std::vector<std::string_view>& facet_prefixes();

// The document's terms under facet_prefixes(), '\0'-separated, in term
// order; empty when it has none.
std::string facet_terms_value(const Xapian::Document& doc);

// The terms of a facet_terms_value() string.
std::vector<std::string> split_facet_terms(std::string_view value);

}  // namespace revsearch
