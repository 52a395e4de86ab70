// Korean stemming with the NSMC-derived lexicon; see korean_morph.h.
//
// Order of attempts, first hit wins:
//   1. the word is a known noun;
//   2. known noun + particle / copula / 하다-되다 ending (추천한다 -> 추천);
//   3. known predicate stem + ending, longest ending first, trying the stem
//      as written and with contractions and irregular forms undone (the
//      most used of those candidates wins);
//   4. the lexicon-free particle rule (korean_stem) for unknown words, so
//      names such as 한소희가 still lose their particle.
// Suffixes are only stripped when the rest is in the lexicon: that is what
// keeps 수준 from becoming 수주 and 바다 from becoming 바. Known limits:
// ambiguous short forms take the more frequent reading (가는 -> the noun 가),
// and run-on text without spaces is left whole (bigrams cover it).
#include "korean_morph.h"

#include <algorithm>
#include <array>
#include <optional>

#include "filters.h"
#include "flat_table.h"
#include "hangul.h"
#include "revsearch/utf8.h"

namespace revsearch::analysis {

extern const std::string_view kKoreanLexiconTsv;

namespace {

// What may follow a noun: particles, the copula 이다 and the light verbs
// 하다 / 되다 / 스럽다 that turn a noun into a predicate.
constexpr std::string_view kNounSuffixes[] = {
    "이", "가", "을", "를", "은", "는", "의", "에", "도", "로", "와", "과", "만", "랑", "야", "다", "임",
    "인", "네", "께", "고", "지", "요", "들", "니", "냐", "라",
    "으로", "에서", "에게", "한테", "까지", "부터", "보다", "처럼", "만큼", "마저", "조차", "이랑", "이나",
    "이고", "이다", "이라", "이지", "이야", "이네", "인데", "였다", "에는", "에도", "이며", "으론", "로서",
    "들이", "들을", "들은", "들의", "들도", "들과", "이고", "라서", "라고", "이죠", "예요", "이에요",
    "에서는", "에서도", "으로는", "으로도", "이라서", "이라고", "이라는", "이지만", "이었다", "였는데",
    "에게서", "한테서", "이었던", "입니다", "이었음", "이었고", "이어서", "으로서",
    "하다", "한다", "했다", "해서", "하고", "하는", "하게", "하지", "하면", "하며", "해요", "해도",
    "해야", "했고", "했던", "했음", "하네", "하니", "할", "한", "함", "해", "했", "합니다", "했어요",
    "했지만", "했는데", "하는데", "하네요", "했네요", "할만한", "할수", "하기", "하긴", "했어", "하자",
    "되다", "된다", "됐다", "되는", "되고", "되어", "되서", "돼서", "된", "될", "됨", "돼", "됐",
    "스럽다", "스러운", "스런", "스러움", "스럽고", "스러워", "적", "적인", "적으로", "적이", "적이다"};

// Verb and adjective endings (어미), incl. tense and politeness markers.
constexpr std::string_view kEndings[] = {
    "다", "고", "지", "게", "기", "면", "네", "니", "며", "서", "요", "죠", "음", "는", "은", "을", "던",
    "자", "야", "나", "아", "어", "여", "군", "냐",
    "는데", "은데", "지만", "는다", "어요", "아요", "여요", "어서", "아서", "어도", "아도", "어야", "아야",
    "었다", "았다", "였다", "었고", "았고", "었네", "았네", "었어", "았어", "었음", "았음", "었던", "았던",
    "었지", "았지", "었나", "습니다", "네요", "군요", "구나", "겠다", "겠네", "거든", "잖아", "더라",
    "더니", "다고", "다는", "기에", "기는", "기도", "지도", "지는", "지요", "고요", "도록", "면서", "으면",
    "으니", "으며", "을까", "을지", "는지", "은지", "세요", "셨다", "시는", "게요", "어라", "아라", "나요",
    "는게", "는건", "던데", "길래",
    "었는데", "았는데", "었지만", "았지만", "었어요", "았어요", "었습니다", "았습니다", "겠어요", "었다가",
    "었으면", "았으면", "었을", "았을", "었는지", "는구나", "더라구요", "더라고요", "었더니", "으세요",
    "었네요", "았네요", "겠네요", "었던것", "네여", "어여", "아여", "에요", "예요", "구요"};

// A suffix list as a hash set: a word's tails are looked up, longest first
// (so the first hit strips the most), instead of testing every suffix.
class SuffixSet {
 public:
  template <std::size_t N>
  explicit SuffixSet(const std::string_view (&list)[N]) : set_(N) {
    for (std::string_view s : list) {
      set_.insert(s, true);
      max_bytes_ = std::max(max_bytes_, s.size());
    }
  }
  // Calls `try_rest(rest)` for each strict prefix of `word` (Hangul
  // syllables, 3 bytes each) that a suffix in the set completes, longest
  // suffix first, until it returns true.
  template <typename F>
  bool each_rest(std::string_view word, F&& try_rest) const {
    if (word.size() < 6) return false;
    for (std::size_t n = std::min(max_bytes_, word.size() - 3) / 3 * 3; n >= 3; n -= 3) {
      if (set_.contains(word.substr(word.size() - n)) && try_rest(word.substr(0, word.size() - n))) return true;
    }
    return false;
  }

 private:
  FlatViewMap<bool> set_;
  std::size_t max_bytes_ = 0;
};

const SuffixSet& noun_suffixes() {
  static const SuffixSet set(kNounSuffixes);
  return set;
}

const SuffixSet& endings() {
  static const SuffixSet set(kEndings);
  return set;
}

// Words here are Hangul syllables only: 3 bytes each in UTF-8, so the last
// syllable is edited in place without decoding the word (and short stems
// stay within std::string's small buffer: no allocation).
char32_t syllable_at(std::string_view s, std::size_t i) {
  return static_cast<char32_t>(((static_cast<unsigned char>(s[i]) & 0x0F) << 12) |
                               ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                               (static_cast<unsigned char>(s[i + 2]) & 0x3F));
}

void put_syllable(std::string& s, std::size_t i, char32_t cp) {
  s[i] = static_cast<char>(0xE0 | (cp >> 12));
  s[i + 1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  s[i + 2] = static_cast<char>(0x80 | (cp & 0x3F));
}

// A contracted stem vowel back to its stem form: 예뻐 -> 예쁘, 봐 -> 보,
// 해 -> 하, 그려 -> 그리, 줘 -> 주, 돼 -> 되, 바빠 -> 바쁘.
// ㅏ -> ㅡ only after another syllable (바빠, 아파), as single-syllable
// ㅡ stems take ㅓ (커, 써); otherwise 갔 would become 그 rather than 가.
int uncontract(int vowel, bool single_syllable) {
  using namespace hangul;
  switch (vowel) {
    case kEo: return kEu;
    case kA: return single_syllable ? -1 : kEu;
    case kAe: return kA;
    case kWa: return kO;
    case kWo: return kU;
    case kYeo: return kI;
    case kWae: return kOe;
    default: return -1;
  }
}

// Candidate stems for what is left after an ending, most literal first.
// `out` is reused between calls.
struct Candidates {
  std::array<std::string, 5> forms;
  std::size_t size = 0;
  void add(std::string_view form) { forms[size++].assign(form.data(), form.size()); }
  std::string& add_copy(std::string_view form) {
    add(form);
    return forms[size - 1];
  }
};

void stem_candidates(std::string_view rest, Candidates& out) {
  using namespace hangul;
  out.size = 0;
  if (rest.size() < 3 || rest.size() % 3 != 0) return;
  out.add(rest);
  std::size_t last_at = rest.size() - 3;
  Syllable last = split(syllable_at(rest, last_at));
  bool single = rest.size() == 3;
  bool dropped_final = false;
  if (last.final == kFinalN || last.final == kFinalL || last.final == kFinalM || last.final == kFinalB ||
      last.final == kFinalSs) {
    put_syllable(out.add_copy(rest), last_at, join({last.initial, last.vowel, kNoFinal}));
    dropped_final = true;
  }
  if (last.final == kNoFinal || dropped_final) {
    int vowel = uncontract(last.vowel, single);
    if (vowel >= 0) put_syllable(out.add_copy(rest), last_at, join({last.initial, vowel, kNoFinal}));
  }
  if (single) return;
  Syllable prev = split(syllable_at(rest, last_at - 3));
  // ㅂ irregular: 아름다워, 귀여운, 무서웠 -> 아름답, 귀엽, 무섭.
  if (last.initial == kInitialIeung && (last.vowel == kWo || last.vowel == kU) && prev.final == kNoFinal) {
    std::string& base = out.add_copy(rest.substr(0, last_at));
    put_syllable(base, last_at - 3, join({prev.initial, prev.vowel, kFinalB}));
  }
  // 르 irregular: 몰라, 달라, 몰랐 -> 모르, 다르, 모르.
  if (last.initial == kInitialR && (last.vowel == kA || last.vowel == kEo) &&
      (last.final == kNoFinal || last.final == kFinalSs) && prev.final == kFinalL) {
    std::string& base = out.add_copy(rest);
    put_syllable(base, last_at - 3, join({prev.initial, prev.vowel, kNoFinal}));
    put_syllable(base, last_at, join({kInitialR, kEu, kNoFinal}));
  }
}

}  // namespace

const KoreanLexicon& KoreanLexicon::builtin() {
  static const KoreanLexicon lexicon(kKoreanLexiconTsv);
  return lexicon;
}

KoreanLexicon::KoreanLexicon(std::string_view tsv) {
  while (!tsv.empty()) {
    std::size_t eol = tsv.find('\n');
    std::string_view line = tsv.substr(0, eol);
    tsv = eol == std::string_view::npos ? std::string_view() : tsv.substr(eol + 1);
    if (line.size() < 3 || line[0] == '#' || line[1] != '\t') continue;
    std::size_t tab = line.find('\t', 2);
    if (tab == std::string_view::npos || tab == 2) continue;
    std::uint32_t n = 0;
    for (char c : line.substr(tab + 1)) {
      if (c < '0' || c > '9' || n > 100'000'000) break;
      n = n * 10 + static_cast<std::uint32_t>(c - '0');
    }
    Entry& entry = forms_[line.substr(2, tab - 2)];
    max_form_bytes_ = std::max(max_form_bytes_, tab - 2);
    (line[0] == 'V' ? entry.predicate_uses : entry.noun_uses) = std::max(n, 1u);
  }
}

KoreanLexicon::Entry KoreanLexicon::find(std::string_view form) const {
  if (form.size() > max_form_bytes_) return {};  // spaceless run-on text
  const Entry* entry = forms_.find(form);
  return entry ? *entry : Entry{};
}

KoreanStem korean_analyze(std::string_view word, const KoreanLexicon& lexicon) {
  if (word.empty() || word.size() % 3 != 0) return {std::string(word), false, false};
  if (lexicon.is_noun(word)) return {std::string(word), false, true};
  std::string_view noun;
  if (noun_suffixes().each_rest(word, [&](std::string_view rest) {
        noun = rest;
        return lexicon.is_noun(rest);
      })) {
    return {std::string(noun), false, true};
  }
  // 는 contracted into the noun's last syllable: 우린 -> 우리, 난 -> 나.
  hangul::Syllable last = hangul::split(syllable_at(word, word.size() - 3));
  if (last.final == hangul::kFinalN) {
    std::string open(word);
    put_syllable(open, word.size() - 3, hangul::join({last.initial, last.vowel, hangul::kNoFinal}));
    if (lexicon.is_noun(open)) return {open, false, true};
  }
  // The most used of the candidate stems: 몰라 -> 모르 (1880 uses), not the
  // misspelt 몰르 (5); 예쁜 -> 예쁘, not the adnominal 예쁜 (예쁜게).
  Candidates candidates;
  auto try_rest = [&](std::string_view rest) -> std::optional<KoreanStem> {
    stem_candidates(rest, candidates);
    std::size_t best = candidates.size;
    std::uint32_t best_uses = 0;
    for (std::size_t i = 0; i < candidates.size; ++i) {
      std::uint32_t n = lexicon.predicate_uses(candidates.forms[i]);
      if (n > best_uses) {
        best_uses = n;
        best = i;
      }
    }
    if (best_uses == 0) return std::nullopt;
    return KoreanStem{candidates.forms[best] + "다", true, true};
  };
  std::optional<KoreanStem> hit;
  if (endings().each_rest(word, [&](std::string_view rest) { return (hit = try_rest(rest)).has_value(); })) {
    return *hit;
  }
  // 예쁜, 빛날, 예뻐: the ending is inside the last syllable. Not for single
  // syllables, where it mostly mangles nouns (꿀 -> 꾸다).
  if (word.size() > 3) {
    if (auto whole = try_rest(word)) return *whole;
  }
  return {korean_stem(word), false, false};
}


}  // namespace revsearch::analysis
