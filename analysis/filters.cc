// The analysis stages declared in filters.h.
#include "filters.h"

#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <optional>

#include "icu_util.h"
#include "revsearch/schema.h"
#include "revsearch/utf8.h"

namespace revsearch::analysis {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_hangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

Script script_of(std::string_view word) {
  std::size_t i = 0;
  char32_t cp = utf8::next(word, i);
  if (cp == '#' && i < word.size()) cp = utf8::next(word, i);
  if (is_hangul(cp)) return Script::kHangul;
  if (cp < 0x80) return (cp >= '0' && cp <= '9') ? Script::kDigit : Script::kLatin;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_SUCCESS(status) && script == USCRIPT_LATIN) return Script::kLatin;
  return Script::kOther;
}

// Typographic apostrophes and quotes become ASCII so that "writer’s" and
// "writer's" are one word.
char16_t map_quote(char16_t c) {
  switch (c) {
    case u'\u2018': case u'\u2019': case u'\u201A': case u'\u201B':
    case u'\u2032': case u'\u02BC': case u'\uFF07':
      return u'\'';
    case u'\u201C': case u'\u201D': case u'\u201E': case u'\u201F':
    case u'\u2033': case u'\uFF02':
      return u'"';
    default:
      return c;
  }
}

bool is_connector(std::string_view gap) {
  return gap == "-" || gap == ":" || gap == "\u2010" || gap == "\u2011";
}

}  // namespace

Folder::Folder() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu_util::check(status, "getNFKCCasefoldInstance");
}

// Precomposed Hangul syllables (U+AC00..U+D7A3, 3 bytes each) are already
// NFKC and have no case: most Korean words skip ICU entirely (issue 4).
static bool is_hangul_syllables(std::string_view s) {
  if (s.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < s.size(); i += 3) {
    auto b0 = static_cast<unsigned char>(s[i]);
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    char32_t cp = static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3F));
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || cp < 0xAC00 || cp > 0xD7A3) return false;
  }
  return true;
}

std::string Folder::fold_word(std::string_view word) const {
  if (is_hangul_syllables(word)) return std::string(word);
  if (is_ascii(word)) {
    std::string out(word);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  for (int32_t i = 0; i < u.length(); ++i) u.setCharAt(i, map_quote(u.charAt(i)));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_cf_->normalize(u, status);
  icu_util::check(status, "NFKC_Casefold");
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string Folder::fold_text(std::string_view text) const {
  std::string folded = fold_word(text);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t start = i;
    char32_t cp = utf8::next(folded, i);
    bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
                 cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B);
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(folded, start, i - start);
  }
  return out;
}

namespace {

// A word ICU reported (or would report) at [begin, stop); `number`: its rule
// status is UBRK_WORD_NUMBER, which lets a '#' right before it join ("#1").
void add_word(std::vector<Token>& tokens, std::string_view text, std::size_t begin, std::size_t stop, bool number) {
  if (number && begin > 0 && text[begin - 1] == '#') --begin;
  if (stop - begin > schema::kMaxTermBytes) return;
  Token& token = tokens.emplace_back();
  token.begin = begin;
  token.end = stop;
}

// What an ASCII byte is to UAX #29 word breaking.
enum class AsciiKind : std::uint8_t {
  kWord,   // letter or digit (ALetter / Numeric): joins its neighbours
  kBreak,  // Word_Break Other, WSegSpace, CR, LF, Newline: never joins anything
  kMid,    // . , ; : ' " -- join only between two letters or two digits
  kOther,  // '@', '_' (ExtendNumLet) and controls: left to ICU
};

constexpr std::array<AsciiKind, 128> kAsciiKinds = [] {
  std::array<AsciiKind, 128> kinds{};
  // Left to ICU: '@' (a letter to ICU, for e-mail addresses), '_' (joins
  // words, WB13) and controls.
  for (auto& k : kinds) k = AsciiKind::kOther;
  for (char c : std::string_view("\t\n\v\f\r !#$%&()*+-/<=>?[\\]^`{|}~")) {
    kinds[static_cast<unsigned char>(c)] = AsciiKind::kBreak;
  }
  for (char c : std::string_view(".,;:'\"")) kinds[static_cast<unsigned char>(c)] = AsciiKind::kMid;
  for (int c = '0'; c <= '9'; ++c) kinds[static_cast<std::size_t>(c)] = AsciiKind::kWord;
  for (int c = 'a'; c <= 'z'; ++c) kinds[static_cast<std::size_t>(c)] = AsciiKind::kWord;
  for (int c = 'A'; c <= 'Z'; ++c) kinds[static_cast<std::size_t>(c)] = AsciiKind::kWord;
  return kinds;
}();

// A byte next to a MidLetter/MidNum character that cannot be the letter or
// digit on the other side of it (WB6/7, WB11/12); text edges count too.
bool cannot_join(std::string_view text, std::size_t i) {
  if (i >= text.size()) return true;
  auto c = static_cast<unsigned char>(text[i]);
  return c < 0x80 && kAsciiKinds[c] != AsciiKind::kWord && c != '_';
}

bool is_break_at(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c >= 0x80) return false;
  AsciiKind kind = kAsciiKinds[c];
  if (kind == AsciiKind::kBreak) return true;
  return kind == AsciiKind::kMid && ((i == 0 || cannot_join(text, i - 1)) || cannot_join(text, i + 1));
}

// A MidLetter/MidNum character between two ASCII letters or two ASCII
// digits, where UAX #29 joins them: letters across ' . (WB6/7; ICU no longer
// counts ':' as MidLetter), digits across ' . , ; (WB11/12). '"' joins only
// Hebrew letters.
bool joins_ascii(std::string_view text, std::size_t i) {
  if (i == 0 || i + 1 >= text.size()) return false;
  auto before = static_cast<unsigned char>(text[i - 1]);
  auto after = static_cast<unsigned char>(text[i + 1]);
  if (before >= 0x80 || after >= 0x80) return false;
  auto is_digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  auto is_letter = [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  char c = text[i];
  if (is_letter(before) && is_letter(after)) return c == '\'' || c == '.';
  if (is_digit(before) && is_digit(after)) return c == '\'' || c == '.' || c == ',' || c == ';';
  return false;
}

// Runs ICU keeps as one word: ASCII letters and digits together with
// Hangul compatibility jamo (U+3131..U+318E: ㅋㅋ, "ㄱㅖD2"), and Hangul
// syllables (U+AC00..U+D7A3) on their own: ICU breaks between a syllable and
// anything else ("4번", "재밌다ㅋㅋ", "ocn에서").
enum class RunClass : std::uint8_t { kNone, kAlnumJamo, kSyllable };

RunClass hangul_class_at(std::string_view text, std::size_t i) {
  if (i + 3 > text.size()) return RunClass::kNone;
  auto b0 = static_cast<unsigned char>(text[i]);
  auto b1 = static_cast<unsigned char>(text[i + 1]);
  auto b2 = static_cast<unsigned char>(text[i + 2]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return RunClass::kNone;
  char32_t cp = static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
  if (cp >= 0xAC00 && cp <= 0xD7A3) return RunClass::kSyllable;
  if (cp >= 0x3131 && cp <= 0x318E) return RunClass::kAlnumJamo;
  return RunClass::kNone;
}

std::size_t utf8_length(unsigned char lead) { return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

}  // namespace

// The reference path: every boundary from ICU.
std::vector<Token> break_words_icu(icu::BreakIterator& breaker, std::string_view text) {
  std::vector<Token> tokens;
  icu_util::Utf8Text ut(text);
  UErrorCode status = U_ZERO_ERROR;
  breaker.setText(ut.get(), status);
  icu_util::check(status, "BreakIterator::setText");
  int32_t start = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next()) {
    int32_t status_tag = breaker.getRuleStatus();
    if (status_tag < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation, emoji
    add_word(tokens, text, static_cast<std::size_t>(start), static_cast<std::size_t>(end),
             status_tag < UBRK_WORD_NUMBER_LIMIT);
  }
  return tokens;
}

// ICU word breaking was ~45 % of analyze() on reviews, though most text is
// plain runs whose boundaries UAX #29 fixes without context. Text is cut into
// chunks at characters that never join a neighbour (space, most ASCII
// punctuation, '.' or ',' not between two letters/digits). A chunk made of
// ASCII letters/digits/jamo and Hangul syllables is one word per run of
// either kind ("don't" and "3.5" included). Any other chunk (other scripts,
// '_', "#1st", emoji) gets ICU's own boundaries, from a BreakIterator over
// the whole text so its context is ICU's too. The result equals
// break_words_icu() (tests/test_word_breaking.cc checks on real text).
std::vector<Token> break_words(icu::BreakIterator& breaker, std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6 + 4);  // about one word per 6 bytes in reviews
  std::optional<icu_util::Utf8Text> ut;  // opened for the first chunk that needs ICU
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (is_break_at(text, i)) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    const std::size_t chunk_tokens = tokens.size();
    bool simple = true;
    // The current run: where it began, its class, what it holds.
    std::size_t run_begin = i;
    RunClass run_class = RunClass::kNone;
    bool digits = false, letters = false;
    auto end_run = [&] {
      if (run_class == RunClass::kNone) return;
      // "#1st": whether '#' joins depends on ICU's rule status; ask ICU.
      if (digits && letters && run_begin > 0 && text[run_begin - 1] == '#') {
        simple = false;
      } else {
        add_word(tokens, text, run_begin, i, !letters);
      }
    };
    while (i < n) {
      auto c = static_cast<unsigned char>(text[i]);
      RunClass cls = RunClass::kNone;
      std::size_t len = 1;
      if (c < 0x80) {
        AsciiKind kind = kAsciiKinds[c];
        if (kind == AsciiKind::kWord) {
          cls = RunClass::kAlnumJamo;
        } else if (is_break_at(text, i)) {
          break;
        } else if (simple && kind == AsciiKind::kMid && joins_ascii(text, i)) {
          ++i;  // "don't", "u.s", "3.5", "3,000": inside the run
          continue;
        }
      } else {
        cls = hangul_class_at(text, i);
        len = cls == RunClass::kNone ? utf8_length(c) : 3;
      }
      if (simple) {
        if (cls == RunClass::kNone) {
          simple = false;
        } else {
          if (cls != run_class) {
            end_run();
            run_begin = i;
            run_class = cls;
            digits = letters = false;
          }
          (c >= '0' && c <= '9' ? digits : letters) = true;
        }
      }
      i = std::min(n, i + len);
    }
    if (simple) end_run();
    if (simple) continue;
    tokens.resize(chunk_tokens);
    if (!ut) {
      ut.emplace(text);
      UErrorCode status = U_ZERO_ERROR;
      breaker.setText(ut->get(), status);
      icu_util::check(status, "BreakIterator::setText");
    }
    // `begin` follows a never-joining character, so it is a boundary;
    // ICU's walk may end past `i`, and scanning resumes where it ended.
    breaker.isBoundary(static_cast<int32_t>(begin));
    int32_t start = breaker.current();
    while (static_cast<std::size_t>(start) < i) {
      int32_t end = breaker.next();
      if (end == icu::BreakIterator::DONE) break;
      int32_t status_tag = breaker.getRuleStatus();
      if (status_tag >= UBRK_WORD_NONE_LIMIT) {
        add_word(tokens, text, static_cast<std::size_t>(start), static_cast<std::size_t>(end),
                 status_tag < UBRK_WORD_NUMBER_LIMIT);
      }
      start = end;
    }
    i = std::max(i, static_cast<std::size_t>(start));
  }
  return tokens;
}

void fold_tokens(std::vector<Token>& tokens, std::string_view text, const Folder& folder) {
  for (Token& token : tokens) {
    token.text = folder.fold_word(text.substr(token.begin, token.end - token.begin));
    if (!token.text.empty()) token.script = script_of(token.text);
  }
  // Characters that fold to nothing (soft hyphens, variation selectors).
  std::erase_if(tokens, [](const Token& token) { return token.text.empty(); });
}

void strip_possessives(std::vector<Token>& tokens) {
  for (Token& token : tokens) {
    std::string& t = token.text;
    if (token.script == Script::kLatin && t.size() > 2 && t.compare(t.size() - 2, 2, "'s") == 0) {
      t.resize(t.size() - 2);
    }
  }
}

// Whether tokens i and i+1 are parts of one compound: joined by '-' or ':'
// with no space, neither holding a '#'.
static bool joined(const std::vector<Token>& tokens, std::size_t i, std::string_view text) {
  return is_connector(text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end)) &&
         tokens[i].text.find('#') == std::string::npos && tokens[i + 1].text.find('#') == std::string::npos;
}

void join_compounds(std::vector<Token>& tokens, std::string_view text) {
  // Most texts have neither "ze:a" nor compounds: number the tokens in place
  // rather than copying them twice.
  bool has_colon = false, has_compound = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    has_colon = has_colon || (tokens[i].script == Script::kLatin && tokens[i].text.find(':') != std::string::npos);
    has_compound = has_compound || (i + 1 < tokens.size() && joined(tokens, i, text));
  }
  if (!has_colon && !has_compound) {
    for (std::size_t i = 0; i < tokens.size(); ++i) tokens[i].position = static_cast<std::uint32_t>(i);
    return;
  }
  // Some ICU versions keep "ze:a" as one word (':' as MidLetter); split it
  // so that "ZE:A" and "ZE-A" analyse alike.
  std::vector<Token> split;
  split.reserve(tokens.size());
  for (Token& token : tokens) {
    std::size_t colon = token.text.find(':');
    if (colon == std::string::npos || token.script != Script::kLatin) {
      split.push_back(std::move(token));
      continue;
    }
    std::size_t piece_begin = 0;
    std::size_t src = token.begin;
    std::string_view whole = token.text;
    while (true) {
      std::size_t stop = whole.find(':', piece_begin);
      std::string_view piece = whole.substr(piece_begin, stop == std::string::npos ? std::string::npos : stop - piece_begin);
      // Offsets: the folded ASCII word has the same length as its source.
      std::size_t src_end = (token.end - token.begin == whole.size()) ? src + piece.size() : token.end;
      if (!piece.empty()) {
        Token part = token;
        part.text = std::string(piece);
        part.begin = src;
        part.end = src_end;
        split.push_back(std::move(part));
      }
      if (stop == std::string::npos) break;
      piece_begin = stop + 1;
      src = src_end + 1;
    }
  }

  std::vector<Token> out;
  out.reserve(split.size() + split.size() / 4);
  std::uint32_t position = 0;
  for (std::size_t i = 0; i < split.size();) {
    std::size_t j = i;
    bool has_letters = split[i].script != Script::kDigit;
    while (j + 1 < split.size() && joined(split, j, text)) {
      ++j;
      has_letters = has_letters || split[j].script != Script::kDigit;
    }
    if (j > i && has_letters) {
      Token compound;
      compound.begin = split[i].begin;
      compound.end = split[j].end;
      compound.position = position;
      compound.script = split[i].script;
      compound.compound = true;
      for (std::size_t k = i; k <= j; ++k) compound.text += split[k].text;
      for (std::size_t k = i; k <= j; ++k) {
        split[k].compound_part = true;
        split[k].position = position++;
        out.push_back(std::move(split[k]));
      }
      if (compound.text.size() <= schema::kMaxTermBytes) out.push_back(std::move(compound));
    } else {
      for (std::size_t k = i; k <= j; ++k) {
        split[k].position = position++;
        out.push_back(std::move(split[k]));
      }
    }
    i = j + 1;
  }
  tokens = std::move(out);
}

void mark_stopwords(std::vector<Token>& tokens) {
  for (Token& token : tokens) {
    token.stopword = token.script == Script::kLatin && !token.compound && is_english_stopword(token.text);
  }
}

const std::string& StemCache::stem(const Xapian::Stem& stemmer, const std::string& word) {
  std::uint64_t h = flat_hash(word);
  if (const std::string* known = stems_.find(word, h)) return *known;
  return stems_.insert(word, h, stemmer(word));
}

void stem_tokens(std::vector<Token>& tokens, const Xapian::Stem& english, StemCache& cache) {
  for (Token& token : tokens) {
    if (token.script != Script::kLatin) continue;  // Hangul: stem_korean()
    const std::string& stem = cache.stem(english, token.text);
    if (stem != token.text && !stem.empty()) token.stem = stem;
  }
}

bool is_english_stopword(std::string_view word) {
  // The Snowball English stop list: function words that carry no topic.
  static constexpr std::string_view kStopwords[] = {
      "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
      "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't",
      "doing", "don't", "down", "during", "each", "few", "for", "from", "further", "had", "has",
      "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
      "if", "in", "into", "is", "isn't", "it", "its", "itself", "me", "more", "most", "my",
      "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought",
      "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some",
      "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
      "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
      "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "with",
      "would", "you", "your"};
  static const auto set = [] {
    FlatViewMap<bool> table(std::size(kStopwords));
    for (std::string_view w : kStopwords) table.insert(w, true);
    return table;
  }();
  return word.size() <= 10 && set.contains(word);  // "themselves" is the longest
}

}  // namespace revsearch::analysis
