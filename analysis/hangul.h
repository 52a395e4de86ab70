// Internal: Hangul syllable arithmetic (Unicode 3.12 composition).
#pragma once

#include <cstdint>

namespace revsearch::analysis::hangul {

inline constexpr char32_t kFirst = 0xAC00;
inline constexpr char32_t kLast = 0xD7A3;
inline constexpr int kVowels = 21;
inline constexpr int kFinals = 28;

// Jamo indices used by the stemmer.
enum Final : int { kNoFinal = 0, kFinalN = 4, kFinalL = 8, kFinalM = 16, kFinalB = 17, kFinalSs = 20 };
enum Vowel : int {
  kA = 0, kAe = 1, kEo = 4, kYeo = 6, kO = 8, kWa = 9, kWae = 10, kOe = 11, kU = 13, kWo = 14, kEu = 18, kI = 20
};
enum Initial : int { kInitialR = 5, kInitialIeung = 11 };

inline bool is_syllable(char32_t cp) { return cp >= kFirst && cp <= kLast; }

struct Syllable {
  int initial;
  int vowel;
  int final;
};

inline Syllable split(char32_t cp) {
  int index = static_cast<int>(cp - kFirst);
  return {index / (kVowels * kFinals), (index / kFinals) % kVowels, index % kFinals};
}

inline char32_t join(Syllable s) {
  return kFirst + static_cast<char32_t>((s.initial * kVowels + s.vowel) * kFinals + s.final);
}

// Initial consonant as a conjoining jamo (U+1100..U+1112).
inline char32_t initial_jamo(char32_t cp) { return 0x1100 + static_cast<char32_t>(split(cp).initial); }

}  // namespace revsearch::analysis::hangul
