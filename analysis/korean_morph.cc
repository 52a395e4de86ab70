// Korean stemming with the NSMC-derived lexicon; see korean_morph.h.
//
// Order of attempts, first hit wins:
//   1. the word is a known noun;
//   2. known noun + particle / copula (영화를 -> 영화), or + a light verb,
//      which makes a predicate of it (추천한다, 추천함 -> 추천하다);
//   3. known predicate stem + an ending of the inflection table, longest
//      first, the stem tried as written and with contractions and irregular
//      forms undone (the most used of those candidates wins);
//   4. the ending inside the last syllable (예쁜, 빛날, 예뻐, 어색함);
//   5. the lexicon-free particle rule (korean_stem) for unknown words, so
//      names such as 한소희가 still lose their particle.
// Suffixes are only stripped when the rest is in the lexicon: that is what
// keeps 수준 from becoming 수주 and 바다 from becoming 바. Ambiguous short
// forms take the more frequent reading (가는 -> the noun 가).
#include "korean_morph.h"

#include "revsearch/analysis/variants.h"

#include <algorithm>
#include <array>
#include <deque>
#include <optional>

#include "filters.h"
#include "flat_table.h"
#include "hangul.h"
#include "korean_inflection.h"
#include "revsearch/utf8.h"

namespace revsearch::analysis {

extern const std::string_view kKoreanLexiconTsv;

namespace {

// Nonstandard stems people write for a standard one: indexed as the standard.
constexpr std::pair<std::string_view, std::string_view> kStemVariants[] = {
    {"설레이", "설레"},  // 설레이는, 설레였던: the common misspelling of 설레다
};

// Nouns that look like a nominalised predicate (그리 + ㅁ) but are words of
// their own: never read as the predicate.
constexpr std::string_view kLexicalisedNouns[] = {"그림", "이름", "사람", "마음", "느낌", "꿈", "삶",   "잠",
                                                  "춤",   "싸움", "죽음", "믿음", "얼음", "걸음", "웃음", "울음",
                                                  "처음", "모임", "게임", "아픔", "기쁨", "슬픔", "보람", "요즘"};

// Adverbs, determiners and conjunctions, which the lexicon (nouns and
// predicates) does not hold, as words of an unspaced run (너무뻔한,
// 안촌스럽고, 정말재밌다). One-syllable ones only open a run.
constexpr std::string_view kClosedWords[] = {
    "좀", "잘", "또", "참", "더", "꼭", "왜", "안", "못", "딱", "늘", "곧", "넘", "걍", "그", "이", "저", "몇",
    "첫", "두", "세", "새", "온", "각", "제", "내", "너", "난", "넌", "첨", "젤", "확", "꽤", "쫌", "한",
    "너무", "너무나", "넘나", "정말", "정말로", "진짜", "진짜로", "완전", "그냥", "아주", "매우", "엄청", "되게",
    "다시", "역시", "결국", "계속", "전혀", "별로", "조금", "약간", "많이", "그리고", "근데", "그런데", "하지만",
    "그래도", "그러나", "이렇게", "그렇게", "저렇게", "제일", "가장", "특히", "항상", "진심", "솔직히", "굉장히",
    "상당히", "충분히", "정말루", "무척", "참으로", "나름", "그저", "오히려", "차라리", "아직", "이미", "벌써",
    "이런", "그런", "저런", "어떤", "무슨", "모든", "다른", "같은", "없이", "처음", "마지막", "끝까지", "여전히"};

// Closed-class words count as this common when splits are compared.
constexpr std::uint32_t kClosedWordUses = 10'000;

bool ends_with(std::string_view s, std::string_view suffix);

// How often the training reviews use a reading's word (at least 1).
std::uint32_t word_uses(const KoreanStem& stem, const KoreanLexicon& lexicon) {
  std::string_view form = stem.stem;
  if (!stem.predicate) return std::max(lexicon.noun_uses(form), 1u);
  form.remove_suffix(3);  // 다
  std::uint32_t uses = lexicon.predicate_uses(form);
  // Noun + light verb (추천하다): the noun's uses.
  for (std::string_view verb : {std::string_view("하"), std::string_view("되"), std::string_view("스럽")}) {
    if (!uses && ends_with(form, verb)) uses = lexicon.noun_uses(form.substr(0, form.size() - verb.size()));
  }
  return std::max(uses, 1u);
}

bool closed_word(std::string_view piece) {
  return std::find(std::begin(kClosedWords), std::end(kClosedWords), piece) != std::end(kClosedWords);
}

// What follows a prospective -ㄹ form as one construction with it (될뻔한,
// 볼만한, 할수, 갈줄, 그럴리, 올듯): never split off as a word of its own.
constexpr std::string_view kBoundAfterProspective[] = {"뻔", "만", "수", "줄", "법", "리", "듯", "걸", "거", "게", "것"};

bool binds_after_prospective(std::string_view syllable) {
  return std::find(std::begin(kBoundAfterProspective), std::end(kBoundAfterProspective), syllable) !=
         std::end(kBoundAfterProspective);
}

// Light verbs after a noun: the suffix makes a predicate named noun + this.
constexpr std::string_view kLightVerbs[] = {"하다", "되다", "스럽다"};

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

hangul::Syllable last_syllable(std::string_view s) { return hangul::split(syllable_at(s, s.size() - 3)); }

// Where a suffix may stand: conditions on the syllable before it. A suffix
// string may come from several table lines, so these are bits.
enum Accept : std::uint8_t {
  kAfterAnything = 1,      // a long form: the stem as written (먹은데, 먹어도, 먹고)
  kAfterFinalN = 2,        // 은 fused into a vowel stem: 뻔한|데
  kAfterFinalL = 4,        // 을 fused: 볼|까
  kAfterFinalM = 8,        // 음 fused: (rare after the ㅁ itself)
  kAfterVowelOrL = 16,     // 으 dropped after a vowel or ㄹ stem: 보|면, 만들|면
  kAfterFusedVowel = 32,   // 아/어 fused into the stem's vowel: 해|도, 봐|서
  kAfterNominaliser = 64,  // after -ㅁ/-음/-기: 어색함|이, 좋음|을, 보기|가
};

struct SuffixRule {
  std::uint8_t accepts = 0;
  const Inflection* source = nullptr;  // the first table line that made this suffix
};

// A suffix list as a hash set: a word's tails are looked up, longest first
// (so the first hit strips the most), instead of testing every suffix.
class SuffixSet {
 public:
  void add(std::string_view form, std::uint8_t accepts, const Inflection* source) {
    SuffixRule& rule = set_[form];
    rule.accepts |= accepts;
    if (!rule.source) rule.source = source;
    max_bytes_ = std::max(max_bytes_, form.size());
  }
  // Owns a derived suffix (tense infix + ending) so the set can view it.
  void add_owned(std::string form, std::uint8_t accepts, const Inflection* source) {
    owned_.push_back(std::move(form));
    add(owned_.back(), accepts, source);
  }
  // Calls `try_rest(rest, suffix, rule)` for each strict prefix of `word`
  // (Hangul syllables, 3 bytes each) that a suffix in the set completes,
  // longest suffix first, until it returns true.
  template <typename F>
  bool each_rest(std::string_view word, F&& try_rest) const {
    if (word.size() < 6) return false;
    for (std::size_t n = std::min(max_bytes_, word.size() - 3) / 3 * 3; n >= 3; n -= 3) {
      std::string_view suffix = word.substr(word.size() - n);
      if (const SuffixRule* rule = set_.find(suffix); rule && try_rest(word.substr(0, word.size() - n), suffix, *rule)) {
        return true;
      }
    }
    return false;
  }

 private:
  FlatViewMap<SuffixRule> set_;
  std::deque<std::string> owned_;  // a deque never moves its strings: views stay valid
  std::size_t max_bytes_ = 0;
};

// The suffix sets, derived once from the inflection table.
struct SuffixSets {
  SuffixSet noun;
  SuffixSet predicate;

  SuffixSets() {
    for (const Inflection& line : korean_inflections()) {
      std::string_view form = line.form;
      std::string_view first = form.substr(0, 3);
      std::string_view tail = form.substr(3);
      switch (line.joins) {
        case Joins::kNoun:
          noun.add(form, kAfterAnything, &line);
          break;
        case Joins::kStem:
          predicate.add(form, kAfterAnything, &line);
          break;
        case Joins::kEu:
          predicate.add(form, kAfterAnything, &line);
          if (!tail.empty()) {
            std::uint8_t fused = first == "으"   ? kAfterVowelOrL
                                 : first == "은" ? kAfterFinalN
                                 : first == "을" ? kAfterFinalL
                                                 : kAfterFinalM;
            predicate.add(tail, fused, &line);
          }
          break;
        case Joins::kAeo:
          predicate.add(form, kAfterAnything, &line);
          if (!tail.empty()) predicate.add(tail, kAfterFusedVowel, &line);
          break;
        case Joins::kNominal:
          predicate.add(form, kAfterNominaliser, &line);
          break;
      }
      if (line.joins == Joins::kStem || line.joins == Joins::kEu || line.joins == Joins::kAeo) {
        for (std::string_view infix : korean_tense_infixes()) {
          predicate.add_owned(std::string(infix) + std::string(form), kAfterAnything, &line);
        }
      }
    }
  }
};

const SuffixSets& suffix_sets() {
  static const SuffixSets sets;
  return sets;
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

// A vowel that an ending's 아/어 has fused into (해도, 봐도, 가도, 써도, 돼도).
bool fused_vowel(int vowel) {
  using namespace hangul;
  return vowel == kA || vowel == kEo || vowel == kAe || vowel == kYeo || vowel == kWa || vowel == kWo ||
         vowel == kWae || vowel == 5 /* ㅔ */;
}

bool accepts(std::uint8_t accept, std::string_view rest) {
  if (accept & kAfterAnything) return true;
  hangul::Syllable last = last_syllable(rest);
  using namespace hangul;
  if ((accept & kAfterFinalN) && last.final == kFinalN) return true;
  if ((accept & kAfterFinalL) && last.final == kFinalL) return true;
  if ((accept & kAfterFinalM) && last.final == kFinalM) return true;
  if ((accept & kAfterVowelOrL) && (last.final == kNoFinal || last.final == kFinalL)) return true;
  if ((accept & kAfterFusedVowel) && last.final == kNoFinal && fused_vowel(last.vowel)) return true;
  if (accept & kAfterNominaliser) {
    std::string_view tail = rest.substr(rest.size() - 3);
    if (last.final == kFinalM || tail == "기") return true;
  }
  return false;
}

// How a candidate stem was restored from what an ending left.
constexpr std::string_view kAsWritten = "";
constexpr std::string_view kFusedFinal = "ending fused into the stem's last syllable";
constexpr std::string_view kContraction = "contraction undone";
constexpr std::string_view kIrregularB = "ㅂ irregular";
constexpr std::string_view kIrregularReu = "르 irregular";
constexpr std::string_view kIrregularD = "ㄷ irregular";
constexpr std::string_view kIrregularS = "ㅅ irregular";
constexpr std::string_view kIrregularH = "ㅎ irregular";
constexpr std::string_view kIrregularReo = "러 irregular";
constexpr std::string_view kNominalised = "nominaliser -ㅁ/-음/-기";

// Candidate stems for what is left after an ending, most literal first.
struct Candidates {
  std::array<std::string, 12> forms;
  std::array<std::string_view, 12> changes;
  std::size_t size = 0;
  std::string& add(std::string_view form, std::string_view change) {
    changes[size] = change;
    std::string& out = forms[size++];
    out.assign(form.data(), form.size());
    return out;
  }
  bool full() const { return size + 3 > forms.size(); }
};

// `vowel_ending`: the ending as written begins with 아/어/으 (들어, 나아,
// 들은), where ㄷ and ㅅ stems change.
void stem_candidates(std::string_view rest, bool vowel_ending, Candidates& out) {
  using namespace hangul;
  if (rest.size() < 3 || rest.size() % 3 != 0 || out.full()) return;
  out.add(rest, kAsWritten);
  std::size_t last_at = rest.size() - 3;
  Syllable last = split(syllable_at(rest, last_at));
  bool single = rest.size() == 3;
  bool dropped_final = false;
  if (last.final == kFinalN || last.final == kFinalL || last.final == kFinalM || last.final == kFinalB ||
      last.final == kFinalSs) {
    put_syllable(out.add(rest, kFusedFinal), last_at, join({last.initial, last.vowel, kNoFinal}));
    dropped_final = true;
    // ㅎ irregular: 빨간, 그런 -> 빨갛, 그렇 (the ㅎ dropped before ㄴ/ㄹ/ㅁ).
    if (!single && last.final != kFinalSs && last.final != kFinalB && (last.vowel == kA || last.vowel == kEo)) {
      put_syllable(out.add(rest, kIrregularH), last_at, join({last.initial, last.vowel, 27 /* ㅎ */}));
    }
  }
  if (last.final == kNoFinal || dropped_final) {
    int vowel = uncontract(last.vowel, single);
    if (vowel >= 0) put_syllable(out.add(rest, kContraction), last_at, join({last.initial, vowel, kNoFinal}));
    // ㅎ irregular contracted: 그래, 빨개 -> 그렇, 빨갛.
    if (!single && last.vowel == kAe) {
      put_syllable(out.add(rest, kIrregularH), last_at, join({last.initial, kEo, 27}));
      put_syllable(out.add(rest, kIrregularH), last_at, join({last.initial, kA, 27}));
    }
  }
  // ㄷ irregular: 들어, 들은 -> 듣; ㅅ irregular: 나아, 지어 -> 낫, 짓.
  if (vowel_ending && last.final == kFinalL) {
    put_syllable(out.add(rest, kIrregularD), last_at, join({last.initial, last.vowel, 7 /* ㄷ */}));
  }
  if (vowel_ending && last.final == kNoFinal) {
    put_syllable(out.add(rest, kIrregularS), last_at, join({last.initial, last.vowel, 19 /* ㅅ */}));
  }
  if (single) return;
  Syllable prev = split(syllable_at(rest, last_at - 3));
  // ㅂ irregular: 아름다워, 귀여운, 무서웠 -> 아름답, 귀엽, 무섭.
  if (last.initial == kInitialIeung && (last.vowel == kWo || last.vowel == kU) && prev.final == kNoFinal) {
    std::string& base = out.add(rest.substr(0, last_at), kIrregularB);
    put_syllable(base, last_at - 3, join({prev.initial, prev.vowel, kFinalB}));
  }
  // 르 irregular: 몰라, 달라, 몰랐 -> 모르, 다르, 모르.
  if (last.initial == kInitialR && (last.vowel == kA || last.vowel == kEo) &&
      (last.final == kNoFinal || last.final == kFinalSs) && prev.final == kFinalL) {
    std::string& base = out.add(rest, kIrregularReu);
    put_syllable(base, last_at - 3, join({prev.initial, prev.vowel, kNoFinal}));
    put_syllable(base, last_at, join({kInitialR, kEu, kNoFinal}));
  }
  // 러 irregular: 푸르러, 이르렀 -> 푸르, 이르.
  if (last.initial == kInitialR && last.vowel == kEo && prev.initial == kInitialR && prev.vowel == kEu &&
      prev.final == kNoFinal) {
    out.add(rest.substr(0, last_at), kIrregularReo);
  }
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool lexicalised_noun(std::string_view word) {
  return std::find(std::begin(kLexicalisedNouns), std::end(kLexicalisedNouns), word) != std::end(kLexicalisedNouns);
}

std::string_view standard_stem(std::string_view stem) {
  for (const auto& [variant, standard] : kStemVariants) {
    if (stem == variant) return standard;
  }
  return stem;
}

// Auxiliary constructions written as one word (아깝지않은, 촌스럽지않고):
// the predicate before them, if the lexicon knows it.
constexpr std::string_view kAuxiliaries[] = {"지않", "지도않", "지못하", "지는않"};

// The predicate reading of `word` (steps 3 and 4), if any.
std::optional<KoreanStem> predicate_reading(std::string_view word, const KoreanLexicon& lexicon) {
  Candidates candidates;
  auto best_of = [&](std::string_view suffix, std::string_view meaning) -> std::optional<KoreanStem> {
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
    std::string_view stem = standard_stem(candidates.forms[best]);
    std::string_view change = candidates.changes[best];
    for (std::string_view aux : kAuxiliaries) {
      if (ends_with(stem, aux) && stem.size() > aux.size() && lexicon.predicate_uses(stem.substr(0, stem.size() - aux.size()))) {
        stem.remove_suffix(aux.size());
        change = "auxiliary -지 않다 taken off";
        break;
      }
    }
    KoreanStem out{std::string(stem) + "다", true, true, KoreanRule::kEnding, suffix, meaning, change};
    if (suffix.empty()) out.rule = KoreanRule::kInflectedWord;
    return out;
  };
  auto try_rest = [&](std::string_view rest, std::string_view suffix, const SuffixRule& rule) -> std::optional<KoreanStem> {
    if (!accepts(rule.accepts, rest)) return std::nullopt;
    hangul::Syllable first = hangul::split(syllable_at(suffix, 0));
    bool vowel_ending = (rule.accepts & kAfterAnything) && first.initial == hangul::kInitialIeung &&
                        (first.vowel == hangul::kA || first.vowel == hangul::kEo || first.vowel == hangul::kEu);
    candidates.size = 0;
    stem_candidates(rest, vowel_ending, candidates);
    // 좋음을, 보기가: the nominaliser syllable itself.
    if ((rule.accepts & kAfterNominaliser) && rest.size() > 3 && (ends_with(rest, "기") || ends_with(rest, "음"))) {
      std::size_t before = candidates.size;
      stem_candidates(rest.substr(0, rest.size() - 3), false, candidates);
      for (std::size_t i = before; i < candidates.size; ++i) candidates.changes[i] = kNominalised;
    }
    return best_of(suffix, rule.source ? rule.source->meaning : std::string_view());
  };
  std::optional<KoreanStem> hit;
  if (suffix_sets().predicate.each_rest(word, [&](std::string_view rest, std::string_view suffix, const SuffixRule& rule) {
        return (hit = try_rest(rest, suffix, rule)).has_value();
      })) {
    return hit;
  }
  // 예쁜, 빛날, 예뻐, 어색함: the ending is inside the last syllable. Not for
  // single syllables, where it mostly mangles nouns (꿀 -> 꾸다).
  if (word.size() > 3) {
    candidates.size = 0;
    stem_candidates(word, false, candidates);
    return best_of({}, {});
  }
  return std::nullopt;
}

// A lexicon noun that is really an inflected predicate: 아름다워 (122 uses
// as a "noun") is 아름답다 (2318), 설렘 is 설레다. A nominalised form
// (-ㅁ) goes to its predicate when that is at least as used, other forms
// when it is three times as used; lexicalised nouns (그림) stay nouns.
bool noun_is_inflected_predicate(std::string_view word, const KoreanLexicon& lexicon) {
  if (word.size() < 6 || lexicalised_noun(word)) return false;
  std::optional<KoreanStem> reading = predicate_reading(word, lexicon);
  if (!reading) return false;
  std::string_view stem(reading->stem);
  stem.remove_suffix(3);  // 다
  std::uint32_t predicate = lexicon.predicate_uses(stem);
  std::uint32_t noun = lexicon.noun_uses(word);
  bool nominalised = last_syllable(word).final == hangul::kFinalM && reading->rule == KoreanRule::kInflectedWord;
  return nominalised ? predicate >= noun : predicate >= 3 * noun;
}

}  // namespace

// The NSMC-derived lexicon, and as nouns the Hangul words of the film
// vocabulary table it does not know (씨지, 애니멀): 씨지가 is then 씨지 + 가,
// and 애니멀은 is not 애니 + 멀. Their uses count as common nouns'.
const KoreanLexicon& KoreanLexicon::builtin() {
  static const std::string tsv = [] {
    const KoreanLexicon derived(kKoreanLexiconTsv);
    std::string text(kKoreanLexiconTsv);
    if (!text.empty() && text.back() != '\n') text.push_back('\n');
    constexpr std::string_view kDa = "다";
    for (const std::string& word : VariantTable::builtin().hangul_words()) {
      bool predicate = word.size() > kDa.size() && word.compare(word.size() - kDa.size(), kDa.size(), kDa) == 0;
      if (predicate || derived.is_noun(word) || derived.predicate_uses(word) > 0) continue;
      text += "N\t" + word + "\t100\n";
    }
    return text;
  }();
  static const KoreanLexicon lexicon(tsv);
  return lexicon;
}

KoreanLexicon::KoreanLexicon(std::string_view tsv) {
  std::vector<std::string_view> nouns;
  std::vector<std::string_view> all_forms;
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
    std::string_view form = line.substr(2, tab - 2);
    Entry& entry = forms_[form];
    max_form_bytes_ = std::max(max_form_bytes_, tab - 2);
    (line[0] == 'V' ? entry.predicate_uses : entry.noun_uses) = std::max(n, 1u);
    if (line[0] == 'N') nouns.push_back(form);
    all_forms.push_back(form);
  }
  // The generator counts words, not readings: drop the "nouns" that the
  // inflection table reads as a more used predicate.
  std::vector<std::string_view> inflected;
  for (std::string_view noun : nouns) {
    if (noun_is_inflected_predicate(noun, *this)) inflected.push_back(noun);
  }
  for (std::string_view noun : inflected) forms_[noun].noun_uses = 0;
  // Nor are phrases written without spaces words of their own: 뻔한스토리
  // (adnominal + noun) and 너무재밌 (word + predicate) are read as the
  // words they are made of, so 뻔하다 and 재밌다 find them.
  std::vector<std::pair<std::string_view, bool>> phrases;
  for (std::string_view form : all_forms) {
    if (form.size() < 9) continue;
    std::vector<KoreanPiece> pieces = korean_segment(form, *this);
    if (pieces.size() < 2 || pieces.back().end != form.size()) continue;
    const KoreanPiece& last = pieces.back();
    if (is_noun(form) && pieces.front().stem.predicate) phrases.emplace_back(form, true);
    // (Not a noun + light verb: 억지스럽 is a predicate of its own.)
    bool light_verb = std::find(std::begin(kLightVerbs), std::end(kLightVerbs), last.stem.stem) != std::end(kLightVerbs);
    if (predicate_uses(form) && last.end - last.begin >= 6 && !light_verb) phrases.emplace_back(form, false);
  }
  for (auto [form, noun] : phrases) (noun ? forms_[form].noun_uses : forms_[form].predicate_uses) = 0;
}

KoreanLexicon::Entry KoreanLexicon::find(std::string_view form) const {
  if (form.size() > max_form_bytes_) return {};  // spaceless run-on text
  const Entry* entry = forms_.find(form);
  return entry ? *entry : Entry{};
}

KoreanStem korean_analyze(std::string_view word, const KoreanLexicon& lexicon) {
  if (std::optional<KoreanStem> known = known_reading(word, lexicon)) return *std::move(known);
  std::string stem = korean_stem(word);
  KoreanRule rule = stem.size() == word.size() ? KoreanRule::kUnknown : KoreanRule::kParticleOnly;
  std::string_view suffix = word.substr(stem.size());
  return {std::move(stem), false, false, rule, suffix, {}, {}};
}

std::optional<KoreanStem> known_reading(std::string_view word, const KoreanLexicon& lexicon) {
  if (word.empty() || word.size() % 3 != 0) return std::nullopt;
  if (lexicon.is_noun(word)) return KoreanStem{std::string(word), false, true, KoreanRule::kNoun, {}, {}, {}};
  std::optional<KoreanStem> noun;
  suffix_sets().noun.each_rest(word, [&](std::string_view rest, std::string_view suffix, const SuffixRule& rule) {
    if (!lexicon.is_noun(rest)) return false;
    noun = KoreanStem{std::string(rest), false, true, KoreanRule::kNounSuffix, suffix, rule.source->meaning, {}};
    // A light verb makes a predicate: 추천한다, 추천함, 추천했지만 -> 추천하다.
    std::string_view meaning = rule.source->meaning;
    for (std::string_view verb : kLightVerbs) {
      if (meaning.substr(0, verb.size()) == verb) {
        noun->stem += verb;
        noun->predicate = true;
        noun->rule = KoreanRule::kLightVerb;
      }
    }
    return true;
  });
  if (noun) return noun;
  // 는 contracted into the noun's last syllable: 우린 -> 우리, 난 -> 나.
  hangul::Syllable last = last_syllable(word);
  if (last.final == hangul::kFinalN) {
    std::string open(word);
    put_syllable(open, word.size() - 3, hangul::join({last.initial, last.vowel, hangul::kNoFinal}));
    if (lexicon.is_noun(open)) {
      return KoreanStem{open, false, true, KoreanRule::kNounContracted, word.substr(word.size() - 3), "topic", {}};
    }
  }
  // 유치하지만 (stem 유치하) and 유치한 (noun 유치 + 한) meet at 유치하다.
  return predicate_reading(word, lexicon);
}

std::vector<KoreanPiece> korean_segment(std::string_view word, const KoreanLexicon& lexicon) {
  // Longer words than this are not looked up as one piece, and longer runs
  // are left to bigrams: both bound the work per run.
  constexpr std::size_t kMaxPieceSyllables = 7;
  constexpr std::size_t kMaxRunSyllables = 24;
  constexpr std::uint8_t kUnreached = 0xFF;
  std::size_t n = word.size() / 3;
  if (word.size() % 3 != 0 || n < 3 || n > kMaxRunSyllables) return {};
  // Fewest pieces that end at each syllable, and where the last one begins;
  // the readings of the chosen pieces are taken again at the end rather
  // than kept for every candidate.
  std::array<std::uint8_t, kMaxRunSyllables + 1> fewest;
  std::array<std::uint8_t, kMaxRunSyllables + 1> from{};
  // Uses in the training reviews of the least used word on the way: of two
  // splits into as many words, the one whose every word is common wins
  // (안|아깝다, not 안아|깝다; 유치한|영화, not 유치|한영화).
  std::array<std::uint32_t, kMaxRunSyllables + 1> weakest{};
  fewest.fill(kUnreached);
  fewest[0] = 0;
  weakest[0] = UINT32_MAX;
  for (std::size_t i = 0; i < n; ++i) {
    if (fewest[i] == kUnreached) continue;
    if (i > 0 && bound_to_previous(word.substr(from[i] * 3, (i - from[i]) * 3), word.substr(i * 3))) continue;
    for (std::size_t len = 1; len <= kMaxPieceSyllables && i + len <= n; ++len) {
      if (i + len == n && i == 0) break;  // the whole run: the caller has tried it
      if (fewest[i] + 1 > fewest[i + len]) continue;
      std::string_view piece = word.substr(i * 3, len * 3);
      std::uint32_t uses = 0;
      if (closed_word(piece)) {
        uses = kClosedWordUses;
      } else if (len == 1) {
        uses = i > 0 ? lexicon.noun_uses(piece) : 0;
      } else if (std::optional<KoreanStem> stem = known_reading(piece, lexicon)) {
        uses = word_uses(*stem, lexicon);
      }
      if (uses == 0) continue;
      std::uint32_t path = std::min(weakest[i], uses);
      if (fewest[i] + 1 == fewest[i + len] && path <= weakest[i + len]) continue;
      fewest[i + len] = static_cast<std::uint8_t>(fewest[i] + 1);
      from[i + len] = static_cast<std::uint8_t>(i);
      weakest[i + len] = path;
    }
  }
  std::size_t end = n;
  while (end > 0 && fewest[end] == kUnreached) --end;
  std::vector<KoreanPiece> pieces;
  bool has_word = false;
  for (std::size_t at = end; at > 0; at = from[at]) {
    std::string_view piece = word.substr(from[at] * 3, (at - from[at]) * 3);
    KoreanStem stem = closed_word(piece) ? KoreanStem{std::string(piece), false, false, KoreanRule::kClosedWord, {}, {}, {}}
                                         : korean_analyze(piece, lexicon);
    has_word = has_word || (stem.known && piece.size() >= 6);
    pieces.push_back({from[at] * 3u, at * 3, std::move(stem)});
  }
  if (!has_word) return {};
  std::reverse(pieces.begin(), pieces.end());
  return pieces;
}

bool bound_to_previous(std::string_view previous, std::string_view rest) {
  // 죽을, 볼, 할: read as a noun + 을 or as a predicate, either may be -ㄹ.
  if (previous.size() < 3 || rest.size() < 3) return false;
  return last_syllable(previous).final == hangul::kFinalL && !ends_with(previous, "를") &&
         binds_after_prospective(rest.substr(0, 3));
}

std::string describe_rule(const KoreanStem& s) {
  std::string out;
  auto suffix = [&] {
    if (s.suffix.empty()) return;
    out += " + -" + std::string(s.suffix);
    if (!s.meaning.empty()) out += " (" + std::string(s.meaning) + ")";
  };
  switch (s.rule) {
    case KoreanRule::kUnknown: return "unknown word, as written";
    case KoreanRule::kParticleOnly: out = "unknown word"; suffix(); out += " (particle rule)"; return out;
    case KoreanRule::kNoun: return "noun";
    case KoreanRule::kNounSuffix: out = "noun"; suffix(); return out;
    case KoreanRule::kLightVerb: out = "noun + light verb"; suffix(); return out;
    case KoreanRule::kNounContracted: return "noun + 는 fused (topic)";
    case KoreanRule::kEnding: out = "predicate stem"; suffix(); break;
    case KoreanRule::kInflectedWord: out = "predicate stem, ending inside the last syllable"; break;
    case KoreanRule::kClosedWord: return "adverb / determiner opening an unspaced run";
  }
  // (Inside the last syllable the ending is always fused: no need to say so.)
  if (!s.change.empty() && !(s.rule == KoreanRule::kInflectedWord && s.change == kFusedFinal)) {
    out += ", " + std::string(s.change);
  }
  return out;
}

}  // namespace revsearch::analysis
