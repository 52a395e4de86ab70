// Korean search terms beyond the stem (issue 4), shared by the document
// builder and the query parser: Hangul bigrams (recall fallback for text
// written without spaces) and 초성 (initial consonant) keys.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "revsearch/analysis/token.h"

namespace revsearch::analysis {

// Overlapping pairs of Hangul syllables of `word` ("추천한다" -> 추천, 천한,
// 한다); runs of other characters break the pairs. Empty for fewer than two
// syllables.
std::vector<std::string> hangul_bigrams(std::string_view word);

// The part of a token whose bigrams a query looks for: the search form,
// without the 다 of a predicate's dictionary form (예쁘다 -> 예쁘).
std::string_view bigram_root(const Token& token);

// 초성 of a word made only of Hangul syllables (한소희 -> ᄒᄉᄒ, as conjoining
// jamo U+1100..U+1112, which is what NFKC makes of the compatibility jamo a
// user types: ㅎㅅㅎ). Empty when the word has anything but syllables.
std::string syllable_initials(std::string_view word);

// The bigrams the indexer adds for a token (schema::kHangulBigram): only
// for a Hangul word of three or more syllables that the lexicon does not
// know (a name, slang, or words run together without spaces), where the
// stem cannot be trusted; a known word is found by its stem and exact form.
std::vector<std::string> token_bigrams(const Token& token);
// The 초성 key of a token's stem (needs 2+ syllables), kept at vocabulary
// level: a synonym entry from schema::initials_key() to the stem's term.
// Both are computed when needed rather than stored in every Token: the
// analyser stays fast for callers that only want stems.
std::string token_initials(const Token& token);

// For a query word the analyser could not stem: the 하다 predicate it is the
// root of, if the lexicon knows one (발랄 -> 발랄하다, which 발랄한 and 발랄하고
// are indexed under); empty otherwise, and for known nouns (사랑하는 is
// already indexed as 사랑). Query side only: in running text a bare word is
// more often an adverb (너무 is not 너무하다).
std::string hada_root_predicate(const Token& token);

// How the Korean stage found each stem of a token, for `revsearch analyze`:
// (stem, rule) pairs such as ("뻔하다", "word 1 of a run written without
// spaces: predicate stem, ending inside the last syllable"). Empty for a
// token the Korean stage did not stem.
std::vector<std::pair<std::string, std::string>> korean_stem_rules(const Token& token);

// A user's 초성 query ("ㅎㅅㅎ", compatibility or conjoining jamo) in the
// form syllable_initials() indexes; empty if it holds anything but initial
// consonants.
std::string initials_query(std::string_view text);

}  // namespace revsearch::analysis
