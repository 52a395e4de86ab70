// Internal: the Korean inflection table -- what may follow a noun or a
// predicate stem -- as data a linguist can read and extend
// (korean_inflection.cc), and the suffix sets the stemmer derives from it.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace revsearch::analysis {

// How a suffix joins what comes before it.
enum class Joins : std::uint8_t {
  kNoun,     // after a noun as written: particles, copula, light verbs (영화를, 영화다, 추천한다)
  kStem,     // after a predicate stem as written (먹고, 보고, 먹는데, 보는데)
  // Begins with 으/은/을/음. After a vowel stem the 으 drops and ㄴ/ㄹ/ㅁ
  // fuse into the stem's last syllable: 먹은데 / 뻔한데, 먹을까 / 볼까, 먹으면 / 보면.
  kEu,
  // Begins with 아/어/여. After a vowel stem the vowels fuse into the stem's
  // last syllable: 먹어도 / 봐도, 해도, 써도; 먹었다 / 봤다, 했다.
  kAeo,
  // A particle after a nominalised predicate (-음/-ㅁ, -기): 좋음이, 어색함을, 보기가.
  kNominal,
};

struct Inflection {
  std::string_view form;     // as written after a consonant stem (the long form)
  Joins joins;
  std::string_view meaning;  // the grammatical role, shown by `revsearch analyze`
};

// The whole table, in the order of korean_inflection.cc.
std::span<const Inflection> korean_inflections();

// Tense infixes that may stand between a stem and any kStem/kEu/kAeo
// ending (먹었다, 먹겠지만, 먹었는데): the stemmer tries them in front of
// every ending, so the table lists each ending once.
std::span<const std::string_view> korean_tense_infixes();

}  // namespace revsearch::analysis
