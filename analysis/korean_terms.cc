// The Korean analysis stage (issue 4) and the Korean term helpers of
// revsearch/analysis/korean.h.
//
// Searchable chat text: runs of bare jamo (ㅋㅋㅋㅋ, ㅠㅠ) are kept; NFKC has
// already made them conjoining jamo (ᄏ U+110F), and their search form
// collapses repeats to two (ᄏᄏᄏᄏ -> ᄏᄏ), so ㅋㅋ finds any laughter. Jamo
// glued to a word (재밌었어요ㅋㅋ) are dropped from its stem.
#include "revsearch/analysis/korean.h"

#include <algorithm>

#include "filters.h"
#include "hangul.h"
#include "korean_morph.h"
#include "revsearch/utf8.h"

namespace revsearch::analysis {
namespace {

bool is_jamo(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

// Compatibility jamo consonants (ㄱ..ㅎ, U+3131..U+314E) as initial-consonant
// indices; -1 for the clusters that cannot start a syllable (ㄳ, ㄵ...).
int compatibility_initial(char32_t cp) {
  static constexpr int kMap[] = {0,  1,  -1, 2,  -1, -1, 3,  4,  5,  -1, -1, -1, -1, -1, -1, -1, 6,
                                 7,  8,  -1, 9,  10, 11, 12, 13, 14, 15, 16, 17, 18};
  if (cp < 0x3131 || cp > 0x314E) return -1;
  return kMap[cp - 0x3131];
}

// ᄏᄏᄏᄏ -> ᄏᄏ, ㅠㅠㅠ -> ㅠㅠ.
std::string collapse_repeats(std::string_view word) {
  std::string out;
  char32_t prev = 0;
  int run = 0;
  for (std::size_t i = 0; i < word.size();) {
    char32_t cp = utf8::next(word, i);
    run = cp == prev ? run + 1 : 1;
    prev = cp;
    if (run <= 2) utf8::append(out, cp);
  }
  return out;
}

// A word the lexicon cannot read whole may be several written without
// spaces: its first known word becomes the stem, the others run_stems, and
// only an unread rest keeps bigrams (and its particle-stripped form).
void split_run(std::string_view word, const KoreanLexicon& lexicon, KoreanReading& reading, KoreanStem& analysed) {
  std::vector<KoreanPiece> pieces = korean_segment(word, lexicon);
  if (pieces.empty()) return;
  // The first lexicon word is the stem (정말재밌다 -> 재밌다); every other
  // word found is a term too, adverbs included (정말): the run has no
  // bigrams left to find them by.
  std::size_t main = 0;
  while (main + 1 < pieces.size() && pieces[main].stem.rule == KoreanRule::kClosedWord) ++main;
  std::size_t read = pieces.back().end;
  analysed = std::move(pieces[main].stem);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    std::string& stem = pieces[i].stem.stem;
    if (i == main || stem == analysed.stem ||
        std::find(reading.run_stems.begin(), reading.run_stems.end(), stem) != reading.run_stems.end()) {
      continue;
    }
    reading.run_stems.push_back(std::move(stem));
  }
  analysed.known = read == word.size();
  if (analysed.known) return;
  reading.bigrams_from = static_cast<std::uint32_t>(read);
  // The unread rest as written (less a particle), unless a -ㄹ form binds
  // it: 당할뻔하다가 must not give 뻔하다.
  const KoreanPiece& last = pieces.back();
  if (bound_to_previous(word.substr(last.begin, last.end - last.begin), word.substr(read))) return;
  std::string rest = korean_stem(word.substr(read));
  if (rest.size() >= 6) reading.run_stems.push_back(std::move(rest));
}

KoreanReading read_korean(std::string_view word, const KoreanLexicon& lexicon) {
  KoreanReading reading;
  KoreanStem analysed = korean_analyze(word, lexicon);
  if (!analysed.known) split_run(word, lexicon, reading, analysed);
  reading.predicate = analysed.predicate;
  reading.known = analysed.known;
  if (analysed.stem != word) reading.stem = std::move(analysed.stem);
  return reading;
}

}  // namespace

std::vector<std::string> hangul_bigrams(std::string_view word) {
  std::vector<std::string> out;
  out.reserve(word.size() / 3);
  std::size_t prev_begin = 0;
  bool prev_syllable = false;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t begin = i;
    bool syllable = hangul::is_syllable(utf8::next(word, i));
    if (syllable && prev_syllable) out.emplace_back(word.substr(prev_begin, i - prev_begin));
    prev_begin = begin;
    prev_syllable = syllable;
  }
  return out;
}

std::string_view bigram_root(const Token& token) {
  std::string_view form = token.search_form();
  if (token.predicate && form.size() > 3) form.remove_suffix(3);  // "다" is 3 bytes
  return form;
}

std::string syllable_initials(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    char32_t cp = utf8::next(word, i);
    if (!hangul::is_syllable(cp)) return {};
    utf8::append(out, hangul::initial_jamo(cp));
  }
  return out;
}

std::vector<std::string> token_bigrams(const Token& token) {
  if (token.script != Script::kHangul || token.known) return {};
  std::vector<std::string> bigrams = hangul_bigrams(std::string_view(token.text).substr(token.bigrams_from));
  // Two syllables make one bigram: the word itself, already an exact term.
  if (bigrams.size() < 2) return {};
  return bigrams;
}

std::string token_initials(const Token& token) {
  if (token.script != Script::kHangul) return {};
  std::string_view root = bigram_root(token);
  return root.size() >= 6 ? syllable_initials(root) : std::string();
}

std::string hada_root_predicate(const Token& token) {
  if (token.script != Script::kHangul || token.predicate || !token.stem.empty()) return {};
  if (token.text.size() < 6 || syllable_initials(token.text).empty()) return {};  // 2+ syllables only
  const KoreanLexicon& lexicon = KoreanLexicon::builtin();
  std::string root = token.text + "하";
  // A known noun + 하다 is indexed as that predicate (추천한다 -> 추천하다).
  if (!lexicon.is_noun(token.text) && lexicon.predicate_uses(root) == 0) return {};
  return root + "다";
}

std::vector<std::pair<std::string, std::string>> korean_stem_rules(const Token& token) {
  if (token.script != Script::kHangul) return {};
  std::string_view text = token.text;
  // The syllables before any trailing jamo, as stem_korean() analysed them.
  std::size_t syllables_end = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    if (!hangul::is_syllable(utf8::next(text, i)) || at != syllables_end) break;
    syllables_end = i;
  }
  if (syllables_end == 0) return {};
  std::string_view word = text.substr(0, syllables_end);
  const KoreanLexicon& lexicon = KoreanLexicon::builtin();
  KoreanStem whole = korean_analyze(word, lexicon);
  if (whole.known) return {{whole.stem, describe_rule(whole)}};
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<KoreanPiece> pieces = korean_segment(word, lexicon);
  std::size_t n = 0;
  for (const KoreanPiece& piece : pieces) {
    ++n;
    out.emplace_back(piece.stem.stem, "word " + std::to_string(n) + " of a run written without spaces (" +
                                          std::string(word.substr(piece.begin, piece.end - piece.begin)) +
                                          "): " + describe_rule(piece.stem));
  }
  std::string_view rest = pieces.empty() ? word : word.substr(pieces.back().end);
  if (!rest.empty()) {
    KoreanStem unread{korean_stem(rest), false, false, KoreanRule::kUnknown, {}, {}, {}};
    if (unread.stem.size() != rest.size()) {
      unread.rule = KoreanRule::kParticleOnly;
      unread.suffix = rest.substr(unread.stem.size());
    }
    out.emplace_back(unread.stem, (pieces.empty() ? "" : "rest of the run: ") + describe_rule(unread));
  }
  return out;
}

std::string initials_query(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = utf8::next(text, i);
    if (cp == ' ') continue;
    int compat = compatibility_initial(cp);
    if (compat >= 0) cp = 0x1100 + static_cast<char32_t>(compat);
    if (cp < 0x1100 || cp > 0x1112) return {};
    utf8::append(out, cp);
  }
  return out;
}

const KoreanReading& KoreanCache::read(std::string_view word, const KoreanLexicon& lexicon) {
  std::uint64_t h = flat_hash(word);
  if (const KoreanReading* known = readings_.find(word, h)) return *known;
  return readings_.insert(word, h, read_korean(word, lexicon));
}

void stem_korean(std::vector<Token>& tokens, const KoreanLexicon& lexicon, KoreanCache& cache) {
  for (Token& token : tokens) {
    if (token.script != Script::kHangul) continue;
    std::string_view text = token.text;
    // The syllables before any trailing jamo: 재밌었어요ᄏᄏ -> 재밌었어요.
    std::size_t syllables_end = 0;
    bool only_syllables_then_jamo = true;
    for (std::size_t i = 0; i < text.size();) {
      char32_t cp = utf8::next(text, i);
      if (hangul::is_syllable(cp) && syllables_end == i - 3) {
        syllables_end = i;
      } else if (!is_jamo(cp)) {
        only_syllables_then_jamo = false;
      }
    }
    if (!only_syllables_then_jamo) continue;  // mixed with digits or other scripts: exact form only
    std::string stem;
    if (syllables_end == 0) {
      stem = collapse_repeats(text);
    } else {
      const KoreanReading& reading = cache.read(text.substr(0, syllables_end), lexicon);
      stem = reading.stem.empty() ? std::string(text.substr(0, syllables_end)) : reading.stem;
      token.run_stems = reading.run_stems;
      token.bigrams_from = reading.bigrams_from;
      token.predicate = reading.predicate;
      token.known = reading.known;
    }
    if (stem != token.text && !stem.empty()) token.stem = std::move(stem);
  }
}

}  // namespace revsearch::analysis
