// Language identification for passages: script counts for Korean and other
// scripts, function words and diacritics for Latin-script languages.
#pragma once

#include <string>
#include <string_view>

namespace revsearch::analysis {

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1 ("en", "ko", "ro"...) or "und"
  double confidence = 0.0;   // 0..1, rough
};

// `text` must be valid UTF-8.
LanguageGuess detect_language(std::string_view text);

}  // namespace revsearch::analysis
