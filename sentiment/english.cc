// English scoring: VADER's lexicon and rules (negation, boosters and hedges,
// "but" contrast, capitals and "!" emphasis) adapted to review passages:
// clause-bounded scopes, concessive clauses ("although ..."), sentence-initial
// "However", post-modifying "enough", and a few idioms that are not feelings.
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "lexicon.h"
#include "rules.h"

namespace revsearch::sentiment {
namespace {

// VADER's empirically derived constants.
constexpr double kBoost = 0.293;
constexpr double kCapsBoost = 0.733;
constexpr double kNegationScale = -0.74;
// Litotes: "not unwatchable", "not bad" is faint praise, weaker than the
// criticism it denies.
constexpr double kDeniedCriticism = 0.5;
constexpr double kBeforeContrast = 0.5;
constexpr double kAfterContrast = 1.5;
constexpr double kConcession = 0.5;

const std::set<std::string, std::less<>> kNegations = {
    "not", "no", "never", "nothing", "nowhere", "none", "neither", "nor", "without", "hardly",
    "rarely", "seldom", "cannot", "nope", "aint", "isnt", "dont", "doesnt", "didnt", "wasnt",
    "werent", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt"};

// Boosters (+) and hedges (-): they scale the next sentiment word.
const std::unordered_map<std::string, double>& boosters() {
  static const std::unordered_map<std::string, double> table = [] {
    std::unordered_map<std::string, double> t;
    for (const char* w : {"absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly",
                          "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely",
                          "fabulously", "fully", "greatly", "highly", "hugely", "incredibly", "intensely",
                          "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
                          "thoroughly", "totally", "tremendously", "unbelievably", "unusually", "utterly",
                          "very", "truly", "certainly", "definitely", "heavily", "widely", "perfectly",
                          "most", "more", "super"}) {
      t[w] = kBoost;
    }
    for (const char* w : {"almost", "barely", "kinda", "less", "little", "marginally", "occasionally",
                          "partly", "scarcely", "slightly", "somewhat", "sorta", "fairly", "rather",
                          "mildly", "relatively", "reasonably", "perhaps", "arguably"}) {
      t[w] = -kBoost;
    }
    return t;
  }();
  return table;
}

const std::set<std::string, std::less<>> kContrast = {"but", "however", "nevertheless", "nonetheless"};
const std::set<std::string, std::less<>> kConcessive = {"although", "though", "despite", "while", "whereas"};

struct Word {
  const analysis::Token* token;
  std::string key;  // apostrophes removed: "isn't" -> "isnt"
  unsigned sentence = 0;
  unsigned clause = 0;
  double scale = 1.0;  // contrast and concession weights
};

bool is_negation(const Word& w) { return english_negation(w.key, w.token->text); }

// Words that look like sentiment in the lexicon but are not, in context.
bool idiom(const std::vector<Word>& words, std::size_t i) {
  // Both branches string_view: `cond ? std::string : ""` would make a
  // temporary std::string and return a view of it.
  auto at = [&](std::size_t j) { return j < words.size() ? std::string_view(words[j].key) : std::string_view(); };
  const std::string& w = words[i].key;
  if (w == "kind" || w == "sort") return at(i + 1) == "of";   // "kind of" is a hedge
  if (w == "best") return at(i + 1) == "of" && at(i + 2) == "times";  // "lacking at the best of times"
  if (w == "fair") return at(i + 1) == "to" && at(i + 2) == "say";    // "it is fair to say"
  // "hard to deny", "difficult to ignore": an affirmation, not a complaint.
  if (w == "hard" || w == "difficult") {
    return at(i + 1) == "to" && (at(i + 2) == "deny" || at(i + 2) == "ignore" || at(i + 2) == "say");
  }
  if ((w == "deny" || w == "ignore") && i >= 2) {
    return at(i - 1) == "to" && (at(i - 2) == "hard" || at(i - 2) == "difficult");
  }
  if (w == "like") return true;  // mostly a preposition in reviews ("like a ...")
  if (w == "no" || w == "yes") return true;
  return false;
}

bool shouting(std::string_view surface) {
  bool letters = false;
  for (char c : surface) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letters = letters || std::isupper(static_cast<unsigned char>(c));
  }
  return letters && surface.size() > 1;
}

// A capitalised word inside a sentence is a name ("Sun Woo", "Joy"), not a
// feeling; sentence-initial words and all-caps shouting are not names.
bool proper_noun(std::string_view text, const std::vector<Word>& words, std::size_t i) {
  if (i == 0 || words[i - 1].sentence != words[i].sentence) return false;
  std::string_view surface = text.substr(words[i].token->begin, words[i].token->end - words[i].token->begin);
  return surface.size() > 1 && std::isupper(static_cast<unsigned char>(surface[0])) &&
         std::islower(static_cast<unsigned char>(surface[1]));
}

}  // namespace

bool english_negation(std::string_view key, std::string_view text) {
  return kNegations.count(key) || (text.size() > 3 && text.substr(text.size() - 3) == "n't");
}

bool english_clause_starter(std::string_view word) { return kContrast.count(word) || kConcessive.count(word); }

Sentiment score_english(std::string_view text, const std::vector<analysis::Token>& tokens, Method method) {
  const auto& lexicon = lexicons().english;
  Sentiment s;
  s.lang = "en";

  std::vector<Word> words;
  for (const Placed& p : place_tokens(text, tokens, english_clause_starter)) {
    Word w{p.token, p.token->text, p.sentence, p.clause};
    w.key.erase(std::remove(w.key.begin(), w.key.end(), '\''), w.key.end());
    words.push_back(std::move(w));
  }

  if (method == Method::kPlain) {
    for (const Word& w : words) {
      auto it = lexicon.find(w.token->text);
      if (it != lexicon.end() && it->second != 0) {
        s.words.push_back({w.token->text, w.token->search_form(), it->second, w.token->begin, w.token->end});
      }
    }
    finish(s, 0);
    return s;
  }

  // Contrast: what follows "but"/"however" outweighs what precedes it; a
  // sentence-initial "However" contrasts with the previous sentence.
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!kContrast.count(words[i].key)) continue;
    bool initial = i == 0 || words[i - 1].sentence != words[i].sentence;
    if (initial && i == 0) continue;
    unsigned before = initial ? words[i - 1].sentence : words[i].sentence;
    for (std::size_t j = 0; j < i; ++j) {
      if (words[j].sentence == before) words[j].scale *= kBeforeContrast;
    }
    for (std::size_t j = i; j < words.size() && words[j].sentence == words[i].sentence; ++j) {
      words[j].scale *= kAfterContrast;
    }
    // Only the first contrast of a sentence counts (VADER's "but" rule).
    while (i + 1 < words.size() && words[i + 1].sentence == words[i].sentence) ++i;
  }
  // Concession: "although X, Y" — X is granted, Y is the point.
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!kConcessive.count(words[i].key)) continue;
    for (std::size_t j = i; j < words.size() && words[j].clause == words[i].clause; ++j) words[j].scale *= kConcession;
  }

  bool all_caps = shouting(text);
  const auto& boost = boosters();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (boost.count(w.key) || is_negation(w) || kContrast.count(w.key) || kConcessive.count(w.key)) continue;
    auto it = lexicon.find(w.token->text);
    if (it == lexicon.end() || it->second == 0 || idiom(words, i) || proper_noun(text, words, i)) continue;
    double v = it->second;
    double sign = v > 0 ? 1.0 : -1.0;
    if (!all_caps && shouting(text.substr(w.token->begin, w.token->end - w.token->begin))) v += sign * kCapsBoost;

    bool negated = false;
    for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
      const Word& prev = words[i - back];
      if (prev.clause != w.clause) break;
      auto b = boost.find(prev.key);
      if (b != boost.end()) {
        double factor = back == 1 ? 1.0 : back == 2 ? 0.95 : 0.9;
        double scalar = b->second * factor;
        if (!all_caps && shouting(text.substr(prev.token->begin, prev.token->end - prev.token->begin))) {
          scalar += scalar > 0 ? kCapsBoost : -kCapsBoost;
        }
        v += sign * scalar;
      }
      // "kind of"/"sort of" hedge the word after them.
      if (back == 1 && i >= 2 && prev.key == "of" && (words[i - 2].key == "kind" || words[i - 2].key == "sort")) {
        v -= sign * kBoost;
      }
      negated = negated || is_negation(prev);
    }
    // "decent enough": a post-modifying "enough" hedges.
    if (i + 1 < words.size() && words[i + 1].key == "enough" && words[i + 1].clause == w.clause) v -= sign * kBoost;
    if (negated) v *= kNegationScale * (v < 0 ? kDeniedCriticism : 1.0);
    v *= w.scale;
    s.words.push_back({w.token->text, w.token->search_form(), v, w.token->begin, w.token->end});
  }

  // Exclamation marks (up to four) and repeated question marks amplify.
  double extra = 0;
  auto bangs = static_cast<double>(std::min<std::ptrdiff_t>(std::count(text.begin(), text.end(), '!'), 4));
  extra += bangs * 0.292;
  auto questions = std::count(text.begin(), text.end(), '?');
  if (questions > 1) extra += questions <= 3 ? static_cast<double>(questions) * 0.18 : 0.96;
  finish(s, extra);
  return s;
}

}  // namespace revsearch::sentiment
