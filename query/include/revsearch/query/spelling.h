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

// A query that matched fewer passages than this gets suggestions for all
// its words; one that matched more, only for the words the index lacks.
inline constexpr Xapian::doccount kFewMatches = 20;

// The query with each free-text word that the index lacks (or holds less
// often than a close word) replaced by the closest, most frequent word of
// the index; nullopt when nothing needs changing. Finding a close word
// scans part of the vocabulary, so it is only tried for a word the index
// does not hold, or for every word when the query found little
// (`matches` < kFewMatches): a query that works pays two lookups a word.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, std::string_view query_text,
                                            const std::vector<QueryWord>& words, Xapian::doccount matches);

}  // namespace revsearch::query
