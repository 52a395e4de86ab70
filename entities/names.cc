// Romanisation variants and Hangul transliteration folded to one key.
#include "revsearch/entities/names.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "revsearch/errors.h"
#include "revsearch/utf8.h"

namespace revsearch::entities {
namespace {

// Whole-syllable variants -> the form ICU's transliteration gives (after the
// final g -> k rule below), so both scripts meet.
const std::map<std::string, std::string, std::less<>>& variants() {
  static const std::map<std::string, std::string, std::less<>> table = {
      {"hee", "hui"},    {"hi", "hui"},       {"heui", "hui"},  {"hie", "hui"},    {"soo", "su"},
      {"woo", "u"},      {"wu", "u"},         {"yoo", "yu"},    {"joo", "ju"},     {"choo", "chu"},
      {"koo", "gu"},     {"goo", "gu"},       {"hyung", "hyeong"}, {"hyoung", "hyeong"},
      {"young", "yeong"}, {"jung", "jeong"},  {"joong", "jeong"}, {"jeung", "jeong"}, {"chung", "jeong"},
      {"yoon", "yun"},   {"lee", "i"},        {"yi", "i"},      {"rhee", "i"},     {"ri", "i"},
      {"yee", "i"},      {"rhie", "i"},       {"li", "i"},      {"park", "bak"},   {"pak", "bak"},
      {"kim", "gim"},    {"choi", "choe"},    {"kang", "gang"}, {"cho", "jo"},     {"chang", "jang"},
      {"lim", "im"},     {"yim", "im"},       {"shin", "sin"},  {"suh", "seo"},    {"kwon", "gwon"},
      {"kwak", "gwak"},  {"ahn", "an"},       {"sohn", "son"},  {"hur", "heo"},    {"huh", "heo"},
      {"noh", "no"},     {"roh", "no"},       {"ko", "go"},     {"moon", "mun"},   {"jun", "jeon"},
      {"chun", "jeon"},  {"sung", "seong"},   {"hyun", "hyeon"}, {"byun", "byeon"}, {"weon", "won"},
      {"sun", "seon"},   {"soon", "seon"},    {"gook", "guk"},  {"kook", "guk"},   {"kuk", "guk"},
      {"ryu", "yu"},     {"lyu", "yu"},       {"yu", "yu"},     {"kyung", "gyeong"}, {"kyeong", "gyeong"},
      {"gyung", "gyeong"}, {"byung", "byeong"}, {"seung", "seung"}, {"sol", "seol"},  {"doo", "du"},
      {"doona", "du-na"},  {"suzy", "su-ji"}, {"iu", "a-i-yu"},
  };
  return table;
}

const std::set<std::string, std::less<>>& surnames() {
  static const std::set<std::string, std::less<>> set = {
      "gim",  "i",    "bak",  "choe", "jeong", "gang",  "jo",   "yun",  "jang", "im",   "han",  "o",
      "seo",  "sin",  "gwon", "hwang", "an",   "song",  "jeon", "hong", "go",   "mun",  "yang", "son",
      "bae",  "baek", "heo",  "yu",   "nam",   "no",    "ha",   "gwak", "seong", "cha", "ju",   "u",
      "min",  "na",   "jin",  "ji",   "eom",   "chae",  "won",  "cheon", "bang", "gong", "hyeon", "byeon",
      "yeo",  "chu",  "gil",  "pyo",  "seol",  "ma",    "gu",   "yeom", "mo",   "tak",  "ok",   "pyeon"};
  return set;
}

// Syllable parts of romanised Korean, longest first.
constexpr std::array<std::string_view, 22> kOnsets = {"kk", "tt", "pp", "ss", "jj", "ch", "sh", "rh", "k", "g", "n",
                                                      "d",  "t",  "r",  "l",  "m",  "b",  "p",  "s",  "j",  "h", ""};
constexpr std::array<std::string_view, 29> kNuclei = {
    "yeo", "yae", "wae", "weo", "eui", "yoo", "you", "wa", "wo", "we", "wi", "ye", "ya", "yo", "yu",
    "ae",  "eo",  "eu",  "oe",  "oo",  "ee",  "ui",  "oi", "ou", "a",  "e",  "i",  "o",  "u"};
// No coda first: the maximal-onset split ("hana" -> ha-na, not han-a);
// "n" before "ng" so "inguk" is in-guk, while "hyungsik" still backtracks
// to hyung-sik.
constexpr std::array<std::string_view, 10> kCodas = {"", "n", "ng", "m", "l", "k", "g", "p", "b", "h"};

// Backtracking, so each position that cannot start a split is marked in
// `dead` the first time: without that, a long run of vowels ("eeee…t")
// takes exponential time ("ee" and "e" are both nuclei).
bool split_from(std::string_view w, std::size_t pos, std::vector<std::string>& out, std::vector<bool>& dead) {
  if (pos == w.size()) return true;
  if (dead[pos]) return false;
  for (std::string_view onset : kOnsets) {
    if (w.compare(pos, onset.size(), onset) != 0) continue;
    std::size_t n0 = pos + onset.size();
    for (std::string_view nucleus : kNuclei) {
      if (nucleus == "y" || w.compare(n0, nucleus.size(), nucleus) != 0) continue;
      std::size_t c0 = n0 + nucleus.size();
      for (std::string_view coda : kCodas) {
        if (w.compare(c0, coda.size(), coda) != 0) continue;
        std::size_t next = c0 + coda.size();
        // 'h' closes a syllable only at the end of a word ("Ah", "Oh").
        if (coda == "h" && next != w.size()) continue;
        out.emplace_back(w.substr(pos, next - pos));
        if (split_from(w, next, out, dead)) return true;
        out.pop_back();
      }
    }
  }
  dead[pos] = true;
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z') out += c;
  }
  return out;
}

// ICU transliterators are expensive: one, created on first use.
icu::Transliterator& hangul_latin() {
  static std::unique_ptr<icu::Transliterator> t;
  static std::once_flag once;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    t.reset(icu::Transliterator::createInstance("Hangul-Latin", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) throw InputError(std::string("ICU Hangul-Latin unavailable: ") + u_errorName(status));
  });
  return *t;
}

}  // namespace

bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

std::string canonical_syllable(std::string_view romanised) {
  std::string s = lower_ascii(romanised);
  if (auto it = variants().find(s); it != variants().end()) return it->second;
  // Generic rules: sh -> s, onset k/p/r -> g/b/l (names write 김 as Kim,
  // ICU as gim), oo -> u, ee -> i, final g -> k (ICU writes 식 as sig).
  if (s.rfind("sh", 0) == 0) s.erase(1, 1);
  if (!s.empty() && s[0] == 'k' && s.rfind("kk", 0) != 0) s[0] = 'g';
  if (!s.empty() && s[0] == 'p' && s.rfind("pp", 0) != 0) s[0] = 'b';
  if (!s.empty() && s[0] == 'r') s[0] = 'l';
  if (auto p = s.find("oo"); p != std::string::npos) s.replace(p, 2, "u");
  if (auto p = s.find("ee"); p != std::string::npos) s.replace(p, 2, "i");
  if (s.size() >= 2 && s.back() == 'g' && s[s.size() - 2] != 'n') s.back() = 'k';
  if (s.size() >= 2 && s.back() == 'h') s.pop_back();
  if (auto it = variants().find(s); it != variants().end()) return it->second;
  return s;
}

std::vector<std::string> split_syllables(std::string_view latin_word) {
  std::string w = lower_ascii(latin_word);
  if (w.empty() || w.size() != latin_word.size()) return {};
  std::vector<std::string> out;
  // Whole-word variants first ("park", "doona" do not split by shape).
  if (variants().count(w)) return {w};
  // No name is this long (the longest romanised syllable has 7 letters);
  // the cap also bounds the recursion below.
  constexpr std::size_t kLongestName = 40;
  if (w.size() > kLongestName) return {};
  std::vector<bool> dead(w.size(), false);
  if (!split_from(w, 0, out, dead)) return {};
  return out;
}

std::vector<std::string> hangul_syllables(std::string_view hangul) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < hangul.size()) {
    std::size_t start = i;
    char32_t c = utf8::next(hangul, i);
    if (!is_hangul_syllable(c)) return {};
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(hangul.substr(start, i - start));
    hangul_latin().transliterate(u);
    std::string latin;
    u.toUTF8String(latin);
    out.push_back(std::move(latin));
  }
  return out;
}

std::vector<std::string> name_syllables(std::string_view name) {
  std::vector<std::string> raw;
  std::string word;
  bool hangul = false;
  auto flush = [&]() -> bool {
    if (word.empty()) return true;
    std::vector<std::string> parts = hangul ? hangul_syllables(word) : split_syllables(word);
    word.clear();
    if (parts.empty()) return false;
    raw.insert(raw.end(), parts.begin(), parts.end());
    return true;
  };
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t start = i;
    char32_t c = utf8::next(name, i);
    bool is_h = is_hangul_syllable(c);
    bool is_l = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (is_h || is_l) {
      if (!word.empty() && is_h != hangul && !flush()) return {};
      hangul = is_h;
      word.append(name.substr(start, i - start));
    } else if (!flush()) {
      return {};
    }
  }
  if (!flush()) return {};
  std::vector<std::string> out;
  for (const std::string& s : raw) {
    std::string c = canonical_syllable(s);
    // A variant may stand for several syllables ("doona" -> du-na).
    std::size_t from = 0;
    for (std::size_t dash; (dash = c.find('-', from)) != std::string::npos; from = dash + 1) {
      out.push_back(c.substr(from, dash - from));
    }
    out.push_back(c.substr(from));
  }
  return out;
}

bool is_surname(std::string_view canonical) { return surnames().count(canonical) > 0; }

std::string join_key(const std::vector<std::string>& syllables, std::size_t from) {
  std::string key;
  for (std::size_t i = from; i < syllables.size(); ++i) {
    if (!key.empty()) key += '-';
    key += syllables[i];
  }
  return key;
}

std::string loose_key(const std::vector<std::string>& syllables, std::size_t from) {
  std::string key;
  for (std::size_t i = from; i < syllables.size(); ++i) {
    std::string s = syllables[i];
    if (s == "hui") s = "i";
    for (std::size_t p; (p = s.find("eo")) != std::string::npos;) s.replace(p, 2, "o");
    for (char& c : s) {
      if (c == 'u') c = 'o';
    }
    if (!key.empty()) key += '-';
    key += s;
  }
  return key;
}

std::vector<std::string> latin_words(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

namespace {

// A Hangul name shaped like a Korean one (surname + 1-3 syllables, no
// space): its canonical syllables, else empty.
std::vector<std::string> korean_syllables(std::string_view hangul) {
  std::size_t n = hangul.size() / 3;
  if (hangul.find(' ') != std::string_view::npos || n < 2 || n > 4) return {};
  std::vector<std::string> s = name_syllables(hangul);
  if (s.empty() || !is_surname(s[0])) return {};
  return s;
}

}  // namespace

std::string person_key(std::string_view hangul, std::string_view original) {
  std::vector<std::string> k = korean_syllables(hangul);
  if (!original.empty()) {
    std::vector<std::string> o = name_syllables(original);
    if (!k.empty() && !o.empty()) {
      std::vector<std::string> given_first(k.begin() + 1, k.end());
      given_first.push_back(k[0]);
      if (o == k || o == given_first) return join_key(k);
    }
    std::vector<std::string> words = latin_words(original);
    if (!words.empty()) return join_key(words);
  }
  if (!k.empty()) return join_key(k);
  std::string key;
  for (char c : hangul) {
    if (c != ' ') key += c;
  }
  return key;
}

}  // namespace revsearch::entities
