// Mention recognition: quoted titles, Latin names by pattern (surname +
// given name, the cast pattern), Hangul names from the gazetteer, and
// given-name-only mentions resolved against the review's context.
#include "revsearch/entities/recognizer.h"

#include <algorithm>
#include <optional>
#include <set>

#include "revsearch/entities/names.h"
#include "revsearch/utf8.h"

namespace revsearch::entities {
namespace {

constexpr std::size_t kMaxTitleKeyBytes = 100;
constexpr std::string_view kOpenQuote = "\u2018";   // ‘
constexpr std::string_view kCloseQuote = "\u2019";  // ’ (also the apostrophe)
constexpr std::string_view kOpenDouble = "\u201C";  // “ song titles: no names inside
constexpr std::string_view kCloseDouble = "\u201D";

// Capitalised English words that are also romanised surnames.
const std::set<std::string, std::less<>>& not_surnames() {
  static const std::set<std::string, std::less<>> set = {"An", "No", "Go", "Do", "So", "U", "I", "O", "Ma", "Mo", "Ok",
                                                         "On", "In", "Na", "Ha", "Ji"};
  return set;
}

// Words naming a non-acting role right before a name.
const std::set<std::string, std::less<>>& crew_words() {
  static const std::set<std::string, std::less<>> set = {
      "director", "directed", "directing", "screenwriter", "writer", "written", "producer",
      "pd",       "author",   "creator",   "showrunner",   "by",     "cinematographer"};
  return set;
}

// Korean particles and endings that may follow a name in the same word.
const std::set<std::string, std::less<>>& particles() {
  static const std::set<std::string, std::less<>> set = {
      "이", "가", "의", "은", "는", "을", "를", "도", "님", "씨", "과", "와", "랑", "이랑", "에게", "한테",
      "만", "이나", "이가", "이는", "이의", "이도", "이를", "이랑", "께서", "처럼", "보다", "까지", "이다", "이고",
      "배우", "님의", "님이", "씨의", "씨가", "형", "언니", "오빠", "누나", "짱", "이형", "아저씨", "누님", "형님", "언냐"};
  return set;
}

// First syllables of particles, endings and honorifics after a name.
const std::set<std::string, std::less<>>& particle_starts() {
  static const std::set<std::string, std::less<>> set = {
      "의", "이", "가", "은", "는", "을", "를", "도", "와", "과", "랑", "님", "씨", "에", "만", "처", "까", "밖",
      "때", "덕", "하", "라", "로", "짱", "옹", "께", "같",
      // Words often written without a space after a name: 보고, 대신, 혼자, 빼고, 외에.
      "보", "대", "혼", "빼", "외",
      // The copula and "rather than" after a name ending in a vowel: 소피마르소다, 에디 머피말고.
      "다", "말", "나", "야"};
  return set;
}

// Honorifics that mark the word before them as a person's name.
const std::set<std::string, std::less<>>& honorifics() {
  // Not a bare "님": "장난아님" is "no joke", not Mr 장난아.
  static const std::set<std::string, std::less<>> set = {"씨", "씨의", "씨가", "씨는", "씨께서", "님의",
                                                         "님이", "님은", "옹", "옹의", "선생님"};
  return set;
}

// Common Korean surnames in Hangul (one syllable).
bool is_hangul_surname(std::string_view syllable) {
  static const std::set<std::string, std::less<>> set = {
      "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안",
      "송", "전", "홍", "고", "문", "양", "손", "배", "백", "허", "유", "남", "심", "노", "하", "곽", "성",
      "차", "주", "우", "구", "민", "류", "나", "진", "지", "엄", "채", "원", "천", "방", "공", "현", "함",
      "변", "염", "여", "추", "도", "석", "선", "설", "마", "길", "연", "위", "표", "명", "기", "반", "왕",
      "금", "옥", "육", "인", "맹", "제", "모", "탁", "국", "어", "은", "편", "용", "예", "경", "봉", "사"};
  return set.count(syllable) > 0;
}

struct Word {
  std::size_t begin, end;
  bool hangul;
};

struct Span {
  std::size_t begin, end;
  bool contains(std::size_t a, std::size_t b) const { return a >= begin && b <= end; }
};

bool is_latin(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    char32_t c = utf8::next(text, i);
    bool h = is_hangul_syllable(c);
    if (!h && !is_latin(c)) continue;
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t j = end;
      char32_t d = utf8::next(text, j);
      if ((h && !is_hangul_syllable(d)) || (!h && !is_latin(d))) break;
      end = j;
    }
    out.push_back({start, end, h});
    i = end;
  }
  return out;
}

// ‘Quoted titles’: the closing ’ is one not followed by a letter (It’s).
std::vector<Span> quoted(std::string_view text, std::string_view open, std::string_view close, bool apostrophe_rule) {
  std::vector<Span> out;
  std::size_t from = 0;
  while ((from = text.find(open, from)) != std::string_view::npos) {
    std::size_t content = from + open.size();
    std::size_t at = content;
    std::optional<std::size_t> end;
    while ((at = text.find(close, at)) != std::string_view::npos && at - content <= 120) {
      std::size_t after = at + close.size();
      if (!apostrophe_rule || after >= text.size() || !is_latin(static_cast<unsigned char>(text[after]))) {
        end = at;
        break;
      }
      at = after;
    }
    if (!end || text.substr(content, *end - content).find('\n') != std::string_view::npos) {
      from = content;
      continue;
    }
    out.push_back({content, *end});
    from = *end + close.size();
  }
  return out;
}

bool title_case(std::string_view w) {
  if (w.empty() || w.size() > 10 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  return std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A full-name candidate: by the surname pattern (syllables), or a person
// of the people table (person set, any script or origin).
struct Candidate {
  std::size_t begin, end;
  std::vector<std::string> syllables;
  bool hangul = false;
  std::string surface;
  const Person* person = nullptr;
};

// Lower-case ASCII of a Latin word.
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

// English words that must not stand for a person alone, even after the
// review named someone with them ("will", "stone" are kept: too rare to matter
// beside a full name earlier in the same review).
bool too_common_alone(std::string_view word) {
  static const std::set<std::string, std::less<>> set = {
      "the", "and", "for", "with", "from", "that", "this", "not", "but", "all", "one", "two", "man", "men",
      "new", "big", "little", "young", "old", "jr", "sr", "van", "von", "der", "den", "del", "della",
      "mac", "mc", "saint", "john", "michael", "david", "james", "robert", "lee", "kim", "park", "chan"};
  return word.size() < 3 || set.count(word) > 0;
}

// Words (by index) left over after full names, in runs, for given names.
struct Run {
  std::vector<std::size_t> words;
};

}  // namespace

std::string_view kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::kActor: return "actor";
    case EntityKind::kCharacter: return "character";
    case EntityKind::kTitle: return "title";
    case EntityKind::kCrew: return "crew";
  }
  return "";
}

std::string title_key(std::string_view title) {
  std::string out;
  std::size_t i = 0;
  while (i < title.size()) {
    std::size_t start = i;
    char32_t c = utf8::next(title, i);
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '#') out += static_cast<char>(c);
    else if (is_hangul_syllable(c) || (c >= 0x00C0 && c < 0x2000)) out.append(title.substr(start, i - start));
  }
  return out;
}

ReviewContext::ReviewContext(std::string_view own_title) {
  std::string whole = collapse_spaces(own_title);
  std::string key = title_key(whole);
  // Keys become Xapian terms (at most 245 bytes with prefixes).
  if (key.empty() || key.size() > kMaxTitleKeyBytes) return;
  own_title_display_ = whole;
  // A heading "Soundtrack #1; A Discordant Love Story" reviews the work
  // "Soundtrack #1"; the rest is the review's own headline.
  std::size_t cut = whole.find_first_of(";:|");
  if (cut != std::string::npos) {
    std::string head = collapse_spaces(std::string_view(whole).substr(0, cut));
    if (!title_key(head).empty() && title_key(head).size() <= kMaxTitleKeyBytes) {
      own_title_keys_.push_back(title_key(head));
      own_title_display_ = head;
      return;
    }
  }
  own_title_keys_.push_back(key);
}

std::vector<Mention> Recognizer::find_mentions(std::string_view text, ReviewContext& context) const {
  std::vector<Mention> mentions;
  if (!utf8::is_valid(text)) return mentions;

  std::vector<Span> titles = quoted(text, kOpenQuote, kCloseQuote, true);
  std::vector<Span> excluded = titles;
  for (const Span& s : quoted(text, kOpenDouble, kCloseDouble, false)) excluded.push_back(s);
  auto is_excluded = [&](std::size_t b, std::size_t e) {
    return std::any_of(excluded.begin(), excluded.end(), [&](const Span& s) { return s.contains(b, e); });
  };

  for (const Span& s : titles) {
    std::string_view inner = text.substr(s.begin, s.end - s.begin);
    std::size_t lead = inner.find_first_not_of(" \t");
    std::size_t trail = inner.find_last_not_of(" \t,.");
    if (lead == std::string_view::npos || trail < lead) continue;
    std::string display = collapse_spaces(inner.substr(lead, trail + 1 - lead));
    std::string key = title_key(display);
    if (key.empty() || key.size() > kMaxTitleKeyBytes) continue;
    Mention m;
    m.kind = EntityKind::kTitle;
    m.begin = s.begin + lead;
    m.end = s.begin + trail + 1;
    m.key = key;
    m.name = display;
    mentions.push_back(std::move(m));
  }

  std::vector<Word> words = words_of(text);
  std::vector<Candidate> full;
  std::vector<Run> runs;
  std::vector<std::vector<std::string>> syl(words.size());
  std::vector<bool> used(words.size(), false);  // words inside a full name
  // A Korean person of the table keeps the syllables of the name as written,
  // for given-name-only mentions later ("So Hee" after "Han So-hee").
  auto korean_reading = [&](const std::string& surface, const Person& p) {
    std::vector<std::string> s = name_syllables(surface);
    return !s.empty() && gazetteer_.resolve(join_key(s)) == p.key ? s : std::vector<std::string>{};
  };

  // People of the table by their Latin name, longest first: "Bruce Willis",
  // "samuel l. jackson" (English reviews may be all lower case; where the
  // text has capitals, a name must be capitalised).
  bool lower_case_text = std::none_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  auto gap_ok = [&](std::size_t a, std::size_t b) {
    if (b <= a || b - a > 3) return false;
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(a), text.begin() + static_cast<std::ptrdiff_t>(b),
                       [](char c) { return c == ' ' || c == '-' || c == '.' || c == '\''; });
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].hangul || is_excluded(words[i].begin, words[i].end)) continue;
    std::string form;
    std::size_t last = i;
    const Person* found = nullptr;
    std::size_t found_end = i;
    for (std::size_t k = i; k < words.size() && k - i < gazetteer_.max_latin_words(); ++k) {
      if (words[k].hangul || (k > i && !gap_ok(words[k - 1].end, words[k].begin))) break;
      std::string_view w = text.substr(words[k].begin, words[k].end - words[k].begin);
      if (!lower_case_text && !(w[0] >= 'A' && w[0] <= 'Z') && !(k > i && w.size() == 1)) break;
      if (k > i) form += ' ';
      form += lower(w);
      last = k;
      if (k == i) continue;  // two words at least
      if (const Person* p = gazetteer_.by_latin(form)) found = p, found_end = last;
    }
    if (!found) continue;
    Candidate c{words[i].begin, words[found_end].end, {}, false,
                std::string(text.substr(words[i].begin, words[found_end].end - words[i].begin)), found};
    c.syllables = korean_reading(c.surface, *found);
    full.push_back(std::move(c));
    for (std::size_t k = i; k <= found_end; ++k) used[k] = true;
    i = found_end;
  }

  // Latin: chunks of capitalised, Korean-shaped words joined by one space or
  // hyphen; a chunk starting with a surname is a full name.
  for (std::size_t i = 0; i < words.size();) {
    // A part after a hyphen may be lower case ("So-hee", "Hyung-sik").
    auto name_like = [&](std::size_t k, bool after_hyphen = false) {
      const Word& w = words[k];
      if (w.hangul || used[k] || is_excluded(w.begin, w.end)) return false;
      std::string_view s = text.substr(w.begin, w.end - w.begin);
      bool lower = !s.empty() && s[0] >= 'a' && s[0] <= 'z' && s.size() <= 10;
      if (!title_case(s) && !(after_hyphen && lower)) return false;
      syl[k] = name_syllables(s);
      return !syl[k].empty() && syl[k].size() <= 2;
    };
    if (!name_like(i)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < words.size() && words[j].begin == words[j - 1].end + 1 &&
           (text[words[j - 1].end] == ' ' || text[words[j - 1].end] == '-') &&
           name_like(j, text[words[j - 1].end] == '-')) {
      ++j;
    }
    // Within the chunk [i, j): surname + 1-2 given syllables, else leftovers.
    Run leftover;
    for (std::size_t k = i; k < j;) {
      std::string_view surface = text.substr(words[k].begin, words[k].end - words[k].begin);
      if (syl[k].size() == 1 && is_surname(syl[k][0]) && !not_surnames().count(surface) && k + 1 < j) {
        std::vector<std::string> name = syl[k];
        std::size_t m = k + 1;
        while (m < j && name.size() - 1 + syl[m].size() <= 2) {
          name.insert(name.end(), syl[m].begin(), syl[m].end());
          ++m;
        }
        if (m > k + 1) {
          if (!leftover.words.empty()) runs.push_back(std::move(leftover)), leftover = Run{};
          std::string shown(text.substr(words[k].begin, words[m - 1].end - words[k].begin));
          full.push_back({words[k].begin, words[m - 1].end, name, false, shown});
          k = m;
          continue;
        }
      }
      leftover.words.push_back(k);
      ++k;
    }
    if (!leftover.words.empty()) runs.push_back(std::move(leftover));
    i = j;
  }

  // Hangul: a known name at the start of a word, followed by at most a
  // particle ("박형식이", "한소희의").
  std::vector<std::size_t> hangul_rest;  // Hangul words with no full name, for given names
  // What may follow a name in the same word: nothing, a particle, or (for
  // names of three syllables or more) something that starts like one.
  auto tail_ok = [&](std::string_view rest, std::size_t syllables) {
    if (rest.empty() || particles().count(rest)) return true;
    return syllables >= 3 && particle_starts().count(rest.substr(0, 3)) > 0;
  };
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    if (!w.hangul || is_excluded(w.begin, w.end)) continue;
    // People of the table by their Hangul name, written with or without
    // its spaces ("브루스 윌리스", "브루스윌리스의"): up to three words.
    const Person* person = nullptr;
    std::size_t person_end = 0, person_last = k;
    std::string joined;
    for (std::size_t m = k; m < words.size() && m < k + 3 && !person; ++m) {
      if (!words[m].hangul || (m > k && (words[m].begin != words[m - 1].end + 1 || text[words[m - 1].end] != ' '))) break;
      std::size_t before = joined.size();  // bytes of the earlier words
      joined.append(text.substr(words[m].begin, words[m].end - words[m].begin));
      for (std::size_t bytes = joined.size(); bytes > before && bytes >= 6; bytes -= 3) {
        std::string_view rest = std::string_view(joined).substr(bytes);
        if (!tail_ok(rest, bytes / 3)) continue;
        const Person* p = gazetteer_.by_hangul(std::string_view(joined).substr(0, bytes));
        // Two syllables name someone only with a known spelling in Latin
        // script (성룡 = Jackie Chan; not every two-syllable word).
        if (!p || (bytes == 6 && p->latin.empty())) continue;
        person = p;
        person_end = words[m].begin + (bytes - before);
        person_last = m;
        break;
      }
    }
    // The longest reading wins: a one-word name inside a longer match is
    // not tried again.
    if (person) {
      std::string surface(text.substr(w.begin, person_end - w.begin));
      full.push_back({w.begin, person_end, korean_reading(surface, *person), true, surface, person});
      for (std::size_t m = k; m <= person_last; ++m) used[m] = true;
      k = person_last;
      continue;
    }
    std::string_view word = text.substr(w.begin, w.end - w.begin);
    bool found = false;
    for (std::size_t len : {4u, 3u, 2u}) {
      std::size_t bytes = len * 3;  // Hangul syllables are 3 bytes in UTF-8
      if (word.size() < bytes) continue;
      std::string_view name = word.substr(0, bytes);
      std::string_view rest = word.substr(bytes);
      // What follows the name in the same word must start like a particle
      // or honorific ("하정우의연기", "박보영이랑"), not like the rest of a
      // longer word ("장난아니다").
      if (!rest.empty() && !particles().count(rest) && !particle_starts().count(rest.substr(0, 3))) continue;
      // Transliteration is the costly part: only for plausible names.
      bool listed = gazetteer_.is_actor(name);
      // Not in the gazetteer: surname + two syllables marked as a person by
      // an honorific ("정준용씨께서", "임세관님의"). (Adjacency to "배우"
      // was tried and dropped: "배우 최고의", "배우 명작이" are not names.)
      bool honoured = len == 3 && is_hangul_surname(name.substr(0, 3)) && honorifics().count(rest) > 0;
      if (!listed && !honoured && (len < 3 || context.people_.empty())) continue;
      std::vector<std::string> s = name_syllables(name);
      if (s.empty()) continue;
      bool known = (listed && (len >= 3 || !gazetteer_.display(join_key(s)).empty())) || honoured ||
                   (len >= 3 && context.people_.count(gazetteer_.resolve(join_key(s))));
      if (!known) continue;
      full.push_back({w.begin, w.begin + bytes, s, true, std::string(name)});
      found = true;
      break;
    }
    if (!found) hangul_rest.push_back(k);
  }

  std::sort(full.begin(), full.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });

  // Roles, in order: known from context, the cast pattern, a crew word just
  // before the name, else actor.
  // Where each person was first named in this passage: a given name alone
  // counts only after the full name.
  std::map<std::string, std::size_t, std::less<>> named_here;
  auto add_person = [&](std::size_t begin, std::size_t end, const std::string& key, bool given_only) {
    if (auto it = named_here.find(key); given_only && it != named_here.end() && begin < it->second) return;
    const ReviewContext::Person& p = context.people_.at(key);
    Mention m;
    m.kind = p.kind;
    m.begin = begin;
    m.end = end;
    m.key = key;
    m.name = p.name;
    m.given_key = p.given_key;
    m.given_name_only = given_only;
    m.actor_key = p.actor_key;
    m.actor_given_key = p.actor_given_key;
    mentions.push_back(std::move(m));
  };
  auto register_person = [&](const std::string& key, const Candidate& c, EntityKind kind) {
    auto [it, inserted] = context.people_.try_emplace(key);
    if (inserted) {
      named_here.emplace(key, c.begin);
      const Person* known = c.person ? c.person : gazetteer_.by_key(key);
      // Shown in the script the review wrote the name in.
      std::string shown = known ? std::string(known->display_like(c.surface)) : std::string();
      if (shown.empty()) shown = c.surface;
      it->second = {kind, shown, join_key(c.syllables, 1), "", ""};
      if (!c.syllables.empty()) context.given_.try_emplace(loose_key(c.syllables, 1), key);
      if (c.person && c.syllables.empty()) {
        // Surname or given name alone, in either script, once named in
        // full: "Willis", "윌리스의".
        std::vector<std::string> parts;
        std::string word;
        for (char ch : std::string(c.person->latin) + " ") {
          if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
            word += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
          } else if (!word.empty()) {
            parts.push_back(word), word.clear();
          }
        }
        if (parts.size() >= 2) {
          for (const std::string& part : {parts.front(), parts.back()}) {
            if (!too_common_alone(part)) context.words_.try_emplace(part, key);
          }
        }
        std::string_view hangul = c.person->hangul;
        if (std::size_t space = hangul.find(' '); space != std::string_view::npos) {
          for (std::string_view part : {hangul.substr(0, space), hangul.substr(hangul.rfind(' ') + 1)}) {
            if (part.size() >= 6) context.words_.try_emplace(std::string(part), key);
          }
        }
      }
    }
    return &it->second;
  };
  for (std::size_t n = 0; n < full.size(); ++n) {
    const Candidate& c = full[n];
    std::string key = c.person ? std::string(c.person->key) : gazetteer_.resolve(join_key(c.syllables));
    if (!context.people_.count(key)) {
      // People the table lists with no cast credit are directors or crew.
      const Person* known = c.person ? c.person : gazetteer_.by_key(key);
      EntityKind kind = known && !known->actor ? EntityKind::kCrew : EntityKind::kActor;
      // Cast pattern: "Name ( Actor - 'Title' ...": the next name inside the
      // parenthesis, before any quote or ')', is the actor playing Name.
      std::size_t after = text.find_first_not_of(" \t", c.end);
      const Candidate* actor = nullptr;
      if (after != std::string_view::npos && text[after] == '(' && n + 1 < full.size()) {
        std::size_t stop = std::min({text.find(')', after), text.find(kOpenQuote, after), after + 200});
        if (full[n + 1].begin < stop) {
          kind = EntityKind::kCharacter;
          actor = &full[n + 1];
        }
      }
      if (kind == EntityKind::kActor && !c.hangul) {
        // The word right before the name ("director Kim Hee-Won").
        std::size_t end = c.begin;
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '(')) --end;
        std::size_t start = end;
        while (start > 0 && is_latin(static_cast<unsigned char>(text[start - 1]))) --start;
        std::string prev;
        for (char ch : text.substr(start, end - start)) prev += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        if (crew_words().count(prev)) kind = EntityKind::kCrew, context.directed_.insert(key);
      }
      if (kind == EntityKind::kActor && c.hangul) {
        std::string_view next = text.substr(c.end, 12);
        if (next.find("감독") != std::string_view::npos) kind = EntityKind::kCrew, context.directed_.insert(key);
        if (next.find("작가") != std::string_view::npos) kind = EntityKind::kCrew;
      }
      ReviewContext::Person* p = register_person(key, c, kind);
      if (actor) {
        std::string actor_key =
            actor->person ? std::string(actor->person->key) : gazetteer_.resolve(join_key(actor->syllables));
        ReviewContext::Person* a = register_person(actor_key, *actor, EntityKind::kActor);
        a->kind = EntityKind::kActor;
        p->actor_key = actor_key;
        p->actor_given_key = a->given_key;
      }
    }
    add_person(c.begin, c.end, key, false);
  }

  // Given names alone, against names the review has already used: the
  // longest run of up to two syllables that matches.
  auto match_given = [&](const std::vector<std::string>& s) -> const std::string* {
    auto it = context.given_.find(loose_key(s));
    return it == context.given_.end() ? nullptr : &it->second;
  };
  for (const Run& run : runs) {
    for (std::size_t a = 0; a < run.words.size();) {
      bool matched = false;
      for (std::size_t b = std::min(run.words.size(), a + 2); b > a; --b) {
        std::vector<std::string> s;
        for (std::size_t k = a; k < b; ++k) s.insert(s.end(), syl[run.words[k]].begin(), syl[run.words[k]].end());
        if (s.size() > 2) continue;
        if (const std::string* key = match_given(s)) {
          add_person(words[run.words[a]].begin, words[run.words[b - 1]].end, *key, true);
          a = b;
          matched = true;
          break;
        }
      }
      if (!matched) ++a;
    }
  }
  for (std::size_t k : context.given_.empty() ? std::vector<std::size_t>{} : hangul_rest) {
    std::string_view word = text.substr(words[k].begin, words[k].end - words[k].begin);
    if (word.size() < 6) continue;
    std::string_view rest = word.substr(6);
    if (!rest.empty() && !particles().count(rest)) continue;
    std::vector<std::string> s = name_syllables(word.substr(0, 6));
    if (const std::string* key = match_given(s)) add_person(words[k].begin, words[k].begin + 6, *key, true);
  }

  // Parts of names the review named in full ("Willis", "윌리스가"), in words
  // no other mention covers.
  if (!context.words_.empty()) {
    auto covered = [&](std::size_t b) {
      return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) { return b >= m.begin && b < m.end; });
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
      const Word& w = words[k];
      if (used[k] || is_excluded(w.begin, w.end) || covered(w.begin)) continue;
      std::string_view word = text.substr(w.begin, w.end - w.begin);
      if (!w.hangul) {
        if (!lower_case_text && !(word[0] >= 'A' && word[0] <= 'Z')) continue;
        auto it = context.words_.find(lower(word));
        if (it != context.words_.end()) add_person(w.begin, w.end, it->second, true);
        continue;
      }
      for (std::size_t bytes = word.size(); bytes >= 6; bytes -= 3) {
        auto it = context.words_.find(word.substr(0, bytes));
        if (it == context.words_.end() || !tail_ok(word.substr(bytes), bytes / 3)) continue;
        add_person(w.begin, w.begin + bytes, it->second, true);
        break;
      }
    }
  }

  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  for (Mention& m : mentions) m.directed = context.directed_.count(m.key) > 0;
  return mentions;
}

std::vector<Mention> find_mentions(std::string_view text, std::string_view own_title) {
  ReviewContext context(own_title);
  return Recognizer().find_mentions(text, context);
}

NameQuery resolve_name(std::string_view name, const Gazetteer& gazetteer) {
  // People of the table first, in either script: "Bruce Willis", "bruce
  // willis", "브루스 윌리스", "브루스윌리스".
  std::string hangul, latin;
  bool other = false;
  std::size_t i = 0;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!latin.empty()) latin += ' ';
    latin += word;
    word.clear();
  };
  while (i < name.size()) {
    std::size_t start = i;
    char32_t c = utf8::next(name, i);
    if (is_hangul_syllable(c)) {
      hangul.append(name.substr(start, i - start));
    } else if (is_latin(c)) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c == ' ' || c == '-' || c == '.' || c == '\'' || c == '\t') {
      flush();
    } else {
      other = true;
    }
  }
  flush();
  if (!other && latin.empty() && !hangul.empty()) {
    if (const Person* p = gazetteer.by_hangul(hangul)) return {std::string(p->key), false, true};
  }
  if (!other && hangul.empty() && !latin.empty()) {
    if (const Person* p = gazetteer.by_latin(latin)) return {std::string(p->key), false, true};
  }
  std::vector<std::string> s = name_syllables(name);
  if (s.empty()) return {};
  if (s.size() >= 2 && s.size() <= 4 && is_surname(s[0])) {
    // A surname followed by syllables: a full name, unless the whole thing
    // is known only as a given name (rare; full names win).
    std::string key = gazetteer.resolve(join_key(s));
    return {key, false, gazetteer.by_key(key) != nullptr};
  }
  if (s.size() <= 2) return {join_key(s), true, true};
  return {};
}

}  // namespace revsearch::entities
