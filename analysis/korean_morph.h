// Internal: Korean stemming with the NSMC-derived lexicon: strips particles
// (조사), copula and light-verb endings after known nouns, and verb endings
// (어미, from the table in korean_inflection.cc) back to a known predicate
// stem, undoing contractions and irregular conjugations (예뻐 -> 예쁘다,
// 들어 -> 듣다); and splits runs written without spaces into known words.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flat_table.h"

namespace revsearch::analysis {

// Which rule produced a stem (shown by `revsearch analyze`).
enum class KoreanRule : std::uint8_t {
  kUnknown,         // not in the lexicon: the word as written
  kParticleOnly,    // not in the lexicon: a particle taken off by the lexicon-free rule
  kNoun,            // a known noun as written
  kNounSuffix,      // known noun + particle / copula
  kLightVerb,       // known noun + 하다/되다/스럽다 (추천한다 -> 추천하다)
  kNounContracted,  // 는 fused into a noun (우린 -> 우리)
  kEnding,          // known predicate stem + ending from the table
  kInflectedWord,   // the ending is inside the last syllable (예쁜, 빛날, 예뻐, 어색함)
  kClosedWord,      // a one-syllable adverb or determiner opening an unspaced run (좀, 안)
};

struct KoreanStem {
  std::string stem;        // noun, or predicate dictionary form (stem + 다)
  bool predicate = false;
  bool known = false;      // found in the lexicon (else: particle rule only)
  KoreanRule rule = KoreanRule::kUnknown;
  std::string_view suffix;   // what was taken off (a view into the analysed word)
  std::string_view meaning;  // the suffix's role, from the inflection table
  std::string_view change;   // how the stem was restored ("ㅂ irregular", "contraction")
};

class KoreanLexicon {
 public:
  // The lexicon compiled into the library (analysis/data/korean_lexicon.tsv).
  static const KoreanLexicon& builtin();
  // Parses "N|V<TAB>form<TAB>uses" lines; '#' lines are comments.
  explicit KoreanLexicon(std::string_view tsv);

  bool is_noun(std::string_view form) const { return find(form).noun_uses > 0; }
  // Uses of a predicate stem in the training reviews; 0 if unknown.
  std::uint32_t predicate_uses(std::string_view form) const { return find(form).predicate_uses; }
  std::uint32_t noun_uses(std::string_view form) const { return find(form).noun_uses; }
  std::size_t size() const { return forms_.size(); }

 private:
  struct Entry {
    std::uint32_t noun_uses = 0;
    std::uint32_t predicate_uses = 0;
  };
  Entry find(std::string_view form) const;
  FlatViewMap<Entry> forms_;  // views into the TSV text
  std::size_t max_form_bytes_ = 0;  // longer candidates skip the hash lookup
};

// `word` must be Hangul syllables only.
KoreanStem korean_analyze(std::string_view word, const KoreanLexicon& lexicon);
// The same when the lexicon knows the word; nothing otherwise (cheaper: no
// particle rule, no copy of an unknown word).
std::optional<KoreanStem> known_reading(std::string_view word, const KoreanLexicon& lexicon);

// One word of an unspaced run: bytes [begin, end) of the run.
struct KoreanPiece {
  std::size_t begin = 0;
  std::size_t end = 0;
  KoreanStem stem;
};

// Splits a run written without spaces (뻔한스토리지만 -> 뻔한 | 스토리지만)
// into known words from its start, fewest words first. Stops before
// anything it cannot read (the rest of the run is left to the caller) and
// after a prospective -ㄹ form, which binds the next word (될뻔한, 볼만한
// are not 되다 + 뻔하다). Empty when no known word of 2+ syllables starts
// the run. `word` must be Hangul syllables only.
std::vector<KoreanPiece> korean_segment(std::string_view word, const KoreanLexicon& lexicon);

// Whether `rest` starts with what a prospective -ㄹ form ending `previous`
// binds (죽을|뻔한, 할|수, 볼|만한): one construction, not two words.
bool bound_to_previous(std::string_view previous, std::string_view rest);

// "predicate stem + ending -지만 (concessive: although)": one line on how a
// stem was found, for `revsearch analyze`.
std::string describe_rule(const KoreanStem& stem);

}  // namespace revsearch::analysis
