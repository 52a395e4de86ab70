// How much each form of a query word weighs, and how a word's forms
// combine so that the word counts once.
//
// A query word reaches passages through several alternatives: the form as
// typed, its stem (every inflected form), a bare 하다 root's predicate,
// the title field, the words that begin with it, and the Hangul bigrams
// of unknown words that hold it. Summed, a passage that writes one word
// five ways outranks one that writes every word of the query once (the
// "최고의 영화" rant). So a word is one group: a passage gets the weight
// of the first alternative it matches, in the order of the table below
// (most trusted first), and no alternative weighs more than the word
// itself would (its BM25 rarity is capped at the word's). Words then
// combine like Lucene's coordination, made strict: each word of the query
// found in a passage, in any form, adds kEveryWordFound, so a passage with
// more of the query's words ranks above one with fewer, whatever the
// forms; BM25 orders passages with the same words.
//
// The weights, and why:
//
// | alternative                       | factor | why |
// |-----------------------------------|-------:|-----|
// | the form as typed                 | 1.0    | what the user wrote |
// | its stem (other inflections)      | 0.9    | the same word; the typed form ranks first (만나게 before 만나고) |
// | a 하다 root's predicate (발랄 → 발랄하다) | 0.9 | the same word as a predicate |
// | a variant (씨지 → CG, 애니 → 애니메이션) | 0.9    | the same word written another way (analysis/data/film_variants.txt) |
// | the title field                   | option | SearchOptions title boost: a review titled with the word |
// | words beginning with the typed word | 0.8 | 추천 → 추천작: the word inside a longer written word |
// | bigrams of the typed word         | 0.5    | inside unknown words run together (보는것을추천한다): less sure |
// | bigrams of the stem               | 0.5    | the same for the stem (나왔지 → 나오) |
// | a character the actor plays       | 0.25   | about the actor, through the role (issue 5) |
// | every query word found            | +1000  | more than any word's BM25 and review evidence can add, so it orders first |
// | the words standing together       | +500   | within the passages with the same words found, those that write them within three words of each other ("캐스팅이 아쉽다") first; less than a word found |
//
// Factors multiply a BM25 weight whose rarity (idf) is at most the word's
// own; the bigram weights were 0.5 before as well (set on seed 4 of
// bench_korean_retrieval).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace revsearch::query::weights {

inline constexpr double kTypedForm = 1.0;
inline constexpr double kStem = 0.9;
inline constexpr double kHadaRoot = 0.9;
inline constexpr double kVariant = 0.9;
inline constexpr double kWordsBeginning = 0.8;
inline constexpr double kTypedBigrams = 0.5;
inline constexpr double kStemBigrams = 0.5;
inline constexpr double kCharacter = 0.25;
inline constexpr double kWrittenParts = 1.0;  // ze:a as the phrase "ze a" beside the joined "zea"
inline constexpr double kEveryWordFound = 1000.0;
inline constexpr double kWordsTogether = 500.0;
// "Together": each word within this many words of the next (two words:
// at most two words between them).
inline constexpr unsigned kTogetherDistance = 3;
// The hits checked for words standing together: the first this many of
// the ranking, whatever page is asked for, so that pages stitch (a
// rescoring window, as Elasticsearch's rescore).
inline constexpr unsigned kTogetherWindow = 20;

// Xapian's BM25 rarity of a term in `termfreq` of `passages` documents
// (BM25Weight::init: log((N - n + 0.5) / (n + 0.5)), raised towards 1 for
// terms in more than a third of the documents).
double bm25_rarity(double termfreq, double passages);

// One way a word reaches passages.
struct Alternative {
  std::string label;  // "typed form", "stem", "words beginning with ...", ...
  std::string term;   // its term, or its first term, for explanations
  Xapian::Query query;  // already scaled
  double scale = 1.0;   // the factor its BM25 weight was scaled by (varies per term for "words beginning with")
};

// `q` scaled by `scale` (itself at 1).
Xapian::Query scaled(const Xapian::Query& q, double scale);

// A word's alternatives as one query: a passage gets the weight of the
// first alternative it matches (each next one only where none before it
// matches, OP_AND_NOT), never a sum. Built from plain operators, so that
// shards and remote servers weigh it exactly like one database.
Xapian::Query first_match(const std::vector<Alternative>& alternatives);

// The coordination part: `item` with kEveryWordFound added wherever it
// matches (a fixed-weight posting source, which remote servers know).
Xapian::Query counted_as_found(const Xapian::Query& item);

}  // namespace revsearch::query::weights
