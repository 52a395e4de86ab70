// Internal: Korean stemming with the NSMC-derived lexicon (issue 4): strips
// particles (조사), copula and 하다 endings after known nouns, and verb
// endings (어미) back to a known predicate stem, undoing contractions and
// the common irregular conjugations (예뻐 -> 예쁘다, 빛날 -> 빛나다).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "flat_table.h"

namespace revsearch::analysis {

struct KoreanStem {
  std::string stem;        // noun, or predicate dictionary form (stem + 다)
  bool predicate = false;
  bool known = false;      // found in the lexicon (else: particle rule only)
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

}  // namespace revsearch::analysis
