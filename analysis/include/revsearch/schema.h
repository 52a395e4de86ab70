// The index layout, declared once for the indexer and the query side:
// term prefixes (Xapian conventions where one exists) and value slots.
// What each costs per passage, and why it is worth it, is the budget table
// in ARCHITECTURE.md ("The index budget"); `revsearch stats --terms`
// measures it on a real database.
#pragma once

#include <string>
#include <string_view>
#include <xapian.h>

namespace revsearch::schema {

// Term prefixes. Unprefixed terms are exact (folded) words with positions.
inline constexpr std::string_view kStem = "Z";          // stemmed word, no positions
inline constexpr std::string_view kUniqueId = "Q";      // one per passage: review id + '#' + passage
// Review id, only on the passages of reviews with two or more: a
// one-passage review is found by its Q term (review_query() covers both).
inline constexpr std::string_view kReview = "XR";
inline constexpr std::string_view kTitle = "S";         // title words (exact), on every passage
inline constexpr std::string_view kTitleStem = "ZS";    // title words (stemmed)
inline constexpr std::string_view kLanguage = "L";      // passage language ("en", "ko", "ro"...)
// Kind of passage: only boilerplate passages carry a term ("Kboilerplate");
// a passage without one is review text.
inline constexpr std::string_view kKind = "K";
// Korean (issue 4). Bigrams only for the Hangul words the lexicon does not
// know (analysis::token_bigrams), no positions.
inline constexpr std::string_view kHangulBigram = "XKB";
// 초성 of Hangul stems: neither a posting nor a table. `initials:ᄒᄉᄒ` scans
// the stems whose first syllable has that initial (one contiguous range of
// code points) and keeps those whose 초성 match: XKCᄒᄉᄒ -> Z한소희. (A
// synonym table would do it, but Xapian's remote backend cannot read or
// write synonyms.)
inline constexpr std::string_view kInitials = "XKC";
inline std::string initials_key(std::string_view initials) { return std::string(kInitials) + std::string(initials); }

// Entities (issue 5): canonical keys from revsearch/entities ("han-so-hui",
// "soundtrack#1"), always lower case, so one-letter prefixes stay unambiguous.
inline constexpr std::string_view kActor = "A";                    // actor mentioned (wdf = mentions)
inline constexpr std::string_view kActorGiven = "XAG";             // same, by given name ("hyeong-sik")
inline constexpr std::string_view kCharacter = "C";                // character mentioned
inline constexpr std::string_view kCharacterGiven = "XCG";         // same, by given name ("eun-su")
inline constexpr std::string_view kActorViaCharacter = "XAC";      // actor whose character is mentioned
inline constexpr std::string_view kActorGivenViaCharacter = "XACG";
inline constexpr std::string_view kTitleEntity = "T";              // quoted title or the review's own title
inline constexpr std::string_view kCharacterLink = "XL";           // "title|character|actor", per passage
// People the passage names as director or crew: after "director"/before
// "감독" (and the like), or listed in the films table with no cast credit
// (directors and crew). person: = A or XD; director: = XD.
inline constexpr std::string_view kCrew = "XD";
// The film a review is about (its movie id), only on the passages of
// reviews whose film is in the catalogue given at index time: title:,
// cast:, genre:, year: expand to these through the stored catalogue.
inline constexpr std::string_view kMovie = "XM";
// Database metadata holding that catalogue (entities::Catalog::encode), read
// only by queries that need it (title:, cast:, genre:, year:, film facets),
// and one entry per film (kFilmMetadata + movie id), read for a hit's film.
inline constexpr std::string_view kCatalogMetadata = "revsearch.catalog";
// The user's synonyms file (`revsearch synonyms`, analysis/variants.h
// format), read by every search: no re-indexing.
inline constexpr std::string_view kSynonymsMetadata = "revsearch.synonyms";
inline constexpr std::string_view kFilmMetadata = "revsearch.film:";
// Database metadata key for an entity's display name: prefix + term.
inline constexpr std::string_view kEntityNameMetadata = "entity-name:";

// Value slots. (0 and 2, the passage number and date of format 1, are now
// in the stored data: nothing sorts or filters on them.)
inline constexpr Xapian::valueno kSlotRating = 1;       // sortable rating (1-10)
// Review content hash, on a review's first passage only (all of a review's
// passages are committed together): skip unchanged reviews on re-runs.
inline constexpr Xapian::valueno kSlotContentHash = 3;
// Review id, on the passages of reviews with two or more: collapses hits
// to one per review (a passage without it is never collapsed, and a
// one-passage review needs no collapsing).
inline constexpr Xapian::valueno kSlotReview = 4;

// Sentiment (issue 6): the passage's label as a term, the score itself
// (-1..+1, sortable_serialise) as a value, and targeted sentiment as one
// term per entity and label (wdf = how many sentences hold that opinion).
// `sentiment:word` needs no terms of its own: a sentiment word moves the
// score wherever it stands, so the query is the word's stem term when the
// lexicon gives it a weight.
inline constexpr std::string_view kSentimentLabel = "XSL";   // "positive", "negative", "neutral", "mixed"
inline constexpr std::string_view kEntitySentiment = "XSE";  // entity key + ':' + label
inline constexpr Xapian::valueno kSlotSentiment = 5;         // sortable passage sentiment score

// Facets: the terms a facet counts (kFacetPrefixes) copied into one value
// per passage, '\0'-separated, so that Xapian's built-in
// ValueCountMatchSpy counts them; a remote shard server runs only built-in
// match spies. Written by facet_terms_value() (facet_terms.h).
inline constexpr Xapian::valueno kSlotFacets = 6;
// What a hit shows (PassageRecord::encode, passage_record.h), as a value
// rather than document data: glass compresses document data with zlib on
// the one writer thread (a fifth of that thread's work, for a tenth of the
// bytes), and stores values as they are.
inline constexpr Xapian::valueno kSlotRecord = 7;
// The order of passages of equal score: review id, then passage number
// (order_key). Docids differ between one database, shards, a compacted
// copy and a resumed run; this does not, so every layout pages alike.
inline constexpr Xapian::valueno kSlotOrder = 8;
inline std::string order_key(std::string_view review_id, unsigned passage) {
  std::string key(review_id);
  key.push_back('\0');
  key.push_back(static_cast<char>((passage >> 8) & 0xff));
  key.push_back(static_cast<char>(passage & 0xff));
  return key;
}
inline std::string entity_sentiment_term(std::string_view entity, std::string_view label) {
  return std::string(kEntitySentiment) + std::string(entity) + ":" + std::string(label);
}
// The entity part of XSE terms for a person: an actor's canonical key
// ("han-so-hui"), a character's with "character:" before it; given names
// ("given:so-hui") so a given-name query (actor:"So Hee") finds the same
// targeted sentiment.
inline std::string person_sentiment_entity(bool character, std::string_view key, bool given_only) {
  return std::string(character ? "character:" : "") + (given_only ? "given:" : "") + std::string(key);
}

// Review-level evidence (issue 18): a review with two or more passages
// also gets one review document (unique id passage 0, kReviewDocument,
// the review id in kSlotReview) whose kReviewWord terms are the search
// forms of all its words, wdf = occurrences, no positions. Passage queries
// never match it; the searcher ranks reviews with it and adds a review's
// score to its passages'. Single-passage reviews (NSMC) have none.
inline constexpr std::string_view kReviewWord = "XW";         // search form, on review documents only
inline constexpr std::string_view kReviewDocument = "XWD";    // whole term: marks review documents
inline constexpr unsigned kReviewDocumentPassage = 0;         // unique_id(review, 0)

// Kinds of passage.
inline constexpr std::string_view kKindReview = "review";
inline constexpr std::string_view kKindBoilerplate = "boilerplate";

inline std::string unique_id(std::string_view review_id, unsigned passage) {
  return std::string(kUniqueId) + std::string(review_id) + "#" + std::to_string(passage);
}

// All passages of a review: its XR term (several passages) or its only
// passage's Q term.
inline Xapian::Query review_query(std::string_view review_id) {
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(std::string(kReview) + std::string(review_id)),
                       Xapian::Query(unique_id(review_id, 1)));
}

// The index format: database metadata kFormatKey holds kFormat. A database
// without it (or with another value) was written by an older revsearch
// whose terms and stored data this one does not read: refused with a
// message to index again, never searched with wrong results.
inline constexpr std::string_view kFormatKey = "revsearch.format";
// Format 3: Korean light verbs, nominalisers and unspaced runs; facet terms
// in kSlotFacets, no synonym table; people of films (XD crew, XM movie
// terms), film catalogue in metadata; XSE terms per opinion, wdf = opinion count.
// Format 4: the passage record in kSlotRecord, no document data.
// Format 5: kSlotOrder on every passage.
inline constexpr std::string_view kFormat = "5";

// "1": every passage's exact words were written with positions (`index
// --positions`, or shards for xapian-tcpsrv), so phrases can use Xapian's
// positional operators. "0": they carry none, and phrases are checked
// against the stored text (query/phrase_check.h). Chosen when a database
// is created; searching treats a database without it (written before the
// choice existed, with positions) as "0", which is exact, only slower.
inline constexpr std::string_view kPositionsKey = "revsearch.positions";

inline std::string prefixed(std::string_view prefix, std::string_view term) {
  std::string out(prefix);
  out += term;
  return out;
}

// Whether `term` is a value under exactly `prefix`: values never start with
// an upper-case ASCII letter, so "XAG..." is not an "XA" term, nor "LX..."
// an "L" one.
inline bool has_prefix(std::string_view term, std::string_view prefix) {
  return term.size() > prefix.size() && term.compare(0, prefix.size(), prefix) == 0 &&
         !(term[prefix.size()] >= 'A' && term[prefix.size()] <= 'Z');
}

// Xapian refuses terms longer than 245 bytes; longer "words" (base64 junk,
// URLs) are not searchable anyway, so the analyser drops them.
inline constexpr std::size_t kMaxTermBytes = 120;

}  // namespace revsearch::schema
