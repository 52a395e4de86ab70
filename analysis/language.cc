// Language identification: scripts decide Korean, Japanese, Chinese,
// Cyrillic...; for Latin script, frequent function words and distinctive
// letters pick among the languages review sites commonly mix in. Short
// Latin text with no evidence is English, the corpus default.
#include "revsearch/analysis/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "revsearch/utf8.h"

namespace revsearch::analysis {
namespace {

struct LatinProfile {
  std::string_view code;
  std::vector<std::string_view> words;  // frequent function words, lower case
  std::u32string_view letters;          // letters rare outside this language
};

const std::vector<LatinProfile>& latin_profiles() {
  static const std::vector<LatinProfile> profiles = {
      {"en", {"the", "and", "of", "to", "is", "was", "it", "that", "with", "for", "this", "but", "her", "his", "be", "are", "not", "as", "by", "which", "its", "there", "were", "have"}, U""},
      {"ro", {"și", "este", "această", "acest", "pentru", "care", "sunt", "din", "una", "unei", "utilă", "recenzie", "fost", "mai", "cu", "nu", "pe", "la", "ca", "să", "considerați"}, U"ăâîșşțţ"},
      {"fr", {"le", "la", "les", "et", "est", "une", "des", "du", "que", "qui", "dans", "pour", "pas", "avec", "sur", "ce", "cette", "avis", "utile"}, U"çœèêëàùûô"},
      {"de", {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "für", "auf", "den", "dem", "sie", "war", "hilfreich", "bewertung"}, U"äöüß"},
      {"es", {"el", "la", "los", "las", "y", "es", "una", "que", "del", "por", "para", "con", "pero", "muy", "esta", "reseña", "útil"}, U"ñ¿¡"},
      {"it", {"il", "di", "che", "è", "una", "per", "non", "con", "della", "sono", "questa", "questo", "recensione", "utile"}, U"ìò"},
      {"pt", {"o", "os", "de", "que", "não", "uma", "para", "com", "do", "da", "em", "esta", "é", "útil", "avaliação"}, U"ãõ"},
      {"nl", {"de", "het", "een", "en", "is", "van", "niet", "dat", "met", "voor", "deze", "nuttig", "recensie"}, U"ĳ"},
  };
  return profiles;
}

std::string lower_ascii_and_latin(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    char32_t cp = utf8::next(word, i);
    utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
  }
  return out;
}

}  // namespace

LanguageGuess detect_language(std::string_view text) {
  std::map<UScriptCode, std::size_t> script_counts;
  std::size_t letters = 0;
  std::vector<std::string> latin_words;
  std::string current;
  std::map<std::string_view, double> latin_scores;

  auto flush_word = [&] {
    if (!current.empty()) latin_words.push_back(lower_ascii_and_latin(current));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    // Links say nothing about the language of the text around them.
    if (text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0 || text.compare(i, 4, "www.") == 0) {
      flush_word();
      while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
      continue;
    }
    std::size_t start = i;
    char32_t cp = utf8::next(text, i);
    if (!u_isalpha(static_cast<UChar32>(cp))) {
      flush_word();
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (U_FAILURE(status)) continue;
    // A Hangul syllable spells two or three letters; weigh it so that
    // "언제나 최고. the best" counts as Korean.
    std::size_t weight = script == USCRIPT_HANGUL ? 3 : 1;
    letters += weight;
    script_counts[script] += weight;
    if (script == USCRIPT_LATIN) {
      current.append(text.substr(start, i - start));
      char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
      for (const LatinProfile& profile : latin_profiles()) {
        if (profile.letters.find(lower) != std::u32string_view::npos) latin_scores[profile.code] += 1.0;
      }
    } else {
      flush_word();
    }
  }
  flush_word();
  if (letters == 0) return {};

  UScriptCode top = USCRIPT_COMMON;
  std::size_t top_count = 0;
  for (auto [script, count] : script_counts) {
    if (count > top_count) top = script, top_count = count;
  }
  double share = static_cast<double>(top_count) / static_cast<double>(letters);
  switch (top) {
    case USCRIPT_HANGUL: return {"ko", share};
    case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: return {"ja", share};
    case USCRIPT_HAN: return {script_counts.count(USCRIPT_HIRAGANA) ? "ja" : "zh", share};
    case USCRIPT_CYRILLIC: return {"ru", share};
    case USCRIPT_GREEK: return {"el", share};
    case USCRIPT_ARABIC: return {"ar", share};
    case USCRIPT_THAI: return {"th", share};
    case USCRIPT_LATIN: break;
    default: return {"und", share};
  }

  for (const std::string& word : latin_words) {
    for (const LatinProfile& profile : latin_profiles()) {
      for (std::string_view w : profile.words) {
        if (w == word) latin_scores[profile.code] += 2.0;
      }
    }
  }
  std::string_view best = "en";
  double best_score = 0.0, total = 0.0;
  for (auto [code, score] : latin_scores) {
    total += score;
    if (score > best_score) best = code, best_score = score;
  }
  double confidence = total > 0 ? best_score / total : 0.3;
  return {std::string(best), confidence * share};
}

}  // namespace revsearch::analysis
