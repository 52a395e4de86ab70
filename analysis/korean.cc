// Korean particle (josa) stripping: the minimal stemmer that lets 친구에서
// match 친구. Longer particles are tried first; a one-syllable particle is
// only stripped when two syllables remain, so that 평가 stays 평가.
#include <array>
#include <string>
#include <string_view>

#include "filters.h"
#include "revsearch/utf8.h"

namespace revsearch::analysis {
namespace {

// Ordered longest first within each length; each is valid UTF-8 Hangul.
constexpr std::array<std::string_view, 40> kParticles = {
    "에서부터", "으로부터", "에게서", "한테서", "이라고", "에서는", "에서도", "으로는", "으로도",
    "이라는", "에서", "에게", "한테", "께서", "으로", "부터", "까지", "보다", "처럼", "만큼",
    "마저", "조차", "라고", "이나", "이랑", "에는", "에도", "와", "과", "은", "는", "이", "가",
    "을", "를", "의", "에", "도", "로", "만"};

bool is_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

}  // namespace

std::string korean_stem(std::string_view word) {
  std::size_t syllables = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (!is_syllable(utf8::next(word, i))) return std::string(word);
  }
  syllables = utf8::length(word);
  for (std::string_view particle : kParticles) {
    if (word.size() <= particle.size() || word.substr(word.size() - particle.size()) != particle) continue;
    std::size_t particle_syllables = utf8::length(particle);
    std::size_t remaining = syllables - particle_syllables;
    if (remaining >= (particle_syllables == 1 ? 2u : 1u)) {
      return std::string(word.substr(0, word.size() - particle.size()));
    }
  }
  return std::string(word);
}

}  // namespace revsearch::analysis
