// "Did you mean": spelling suggestions from the index's own vocabulary,
// for English and Korean (Hangul compared letter by letter, as jamo).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/query/query_parser.h"

namespace revsearch::query {

// Edit distance (insertions, deletions, substitutions, adjacent swaps)
// between two words, counting Hangul syllables as their jamo.
std::size_t spelling_distance(std::string_view a, std::string_view b);

// The query with each free-text word that the index lacks (or holds less
// often than a close word) replaced by the closest, most frequent word of
// the index; nullopt when nothing needs changing.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, std::string_view query_text,
                                            const std::vector<QueryWord>& words);

}  // namespace revsearch::query
