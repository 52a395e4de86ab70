// Canonical keys for Korean personal names in either script: romanisation
// variants (hee/hui/hi, soo/su, park/pak/bak...) and Hangul (through ICU's
// Hangul-Latin transliteration) fold to the same syllable keys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revsearch::entities {

// One canonical syllable per Korean syllable: "Hee", "hui", "희" -> "hui";
// "Park", "bak", "박" -> "bak".
std::string canonical_syllable(std::string_view romanised);

// Splits one Latin word into romanised Korean syllables ("sohee" -> so, hee;
// "hyungsik" -> hyung, sik). Empty when the word is not shaped like
// romanised Korean ("Composer", "Disney").
std::vector<std::string> split_syllables(std::string_view latin_word);

// Canonical syllables of a name in either script: "Han So-Hee", "han sohee",
// "한소희" -> {han, so, hui}. Empty when some part is not a Korean name.
std::vector<std::string> name_syllables(std::string_view name);

// Whether a canonical syllable is a common Korean surname.
bool is_surname(std::string_view canonical);

// Joins syllables into a key: {han, so, hui} -> "han-so-hui".
std::string join_key(const std::vector<std::string>& syllables, std::size_t from = 0);

// A looser key for given names written carelessly ("Soo Hee" for So-hee):
// o/u/eo and hui/i merge. Used only against names already seen in context.
std::string loose_key(const std::vector<std::string>& syllables, std::size_t from = 0);

// Hangul syllables -> romanised syllables through ICU ("박" -> "bak").
std::vector<std::string> hangul_syllables(std::string_view hangul);

bool is_hangul_syllable(char32_t c);

// Lower-case ASCII letter runs: "Lee J. Cobb" -> {lee, j, cobb}.
std::vector<std::string> latin_words(std::string_view s);

// The key a person of the films table is searched by, from the Hangul name
// and the original (Latin) name, either may be empty. Korean names keep
// their syllable key, so "Ahn Sung-ki", "ahn sungki" and 안성기 meet (also
// when the original is that romanisation, surname first or last); others
// are keyed by the original name ("bruce-willis"), else the Hangul itself.
std::string person_key(std::string_view hangul, std::string_view original);

}  // namespace revsearch::entities
