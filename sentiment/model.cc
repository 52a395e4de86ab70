// The learned linear models: features of a text, the embedded weights, and
// the score they give (see revsearch/sentiment/model.h).
#include "revsearch/sentiment/model.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "lexicon.h"
#include "rules.h"
#include "revsearch/numbers.h"

namespace revsearch::sentiment {
namespace embedded {
extern const char kEnglishModel[];
extern const std::size_t kEnglishModelSize;
extern const char kKoreanModel[];
extern const std::size_t kKoreanModelSize;
}  // namespace embedded

namespace {

std::string without_apostrophes(std::string_view word) {
  std::string key;
  key.reserve(word.size());
  for (char c : word) {
    if (c != '\'') key.push_back(c);
  }
  return key;
}

LinearModel parse_embedded(const char* text, std::size_t size) {
  return parse_model(embedded_lines({text, size}));
}

// A feature before it is spelled out: a word ("!" before it when negated),
// or a pair "first second". Scoring hashes the parts (no string is built);
// the trainer spells them out. Both walk the text the same way.
struct FeatureParts {
  std::string_view first, second;  // second: empty for a word
  bool negated = false;
  const analysis::Token* first_token = nullptr;
  const analysis::Token* last_token = nullptr;
};

template <typename Visit>
void walk_english(std::string_view text, const std::vector<analysis::Token>& tokens, Visit&& visit) {
  std::vector<Placed> placed = place_tokens(text, tokens, english_clause_starter);
  std::vector<std::string> keys;
  keys.reserve(placed.size());
  for (const Placed& p : placed) keys.push_back(without_apostrophes(p.token->text));
  bool in_scope = false;  // after a negation, to the end of its clause
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const analysis::Token* token = placed[i].token;
    bool same_clause = i > 0 && placed[i - 1].clause == placed[i].clause;
    if (!same_clause) in_scope = false;
    if (same_clause) visit(FeatureParts{keys[i - 1], keys[i], false, placed[i - 1].token, token});
    visit(FeatureParts{keys[i], {}, in_scope, token, token});
    in_scope = in_scope || english_negation(keys[i], token->text);
  }
}

template <typename Visit>
void walk_korean(const std::vector<analysis::Token>& tokens, Visit&& visit) {
  std::vector<std::string> keys = korean_keys(tokens);
  std::vector<bool> negated = korean_negated(tokens);
  std::size_t previous = tokens.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (keys[i].empty()) continue;
    if (previous < tokens.size()) visit(FeatureParts{keys[previous], keys[i], false, &tokens[previous], &tokens[i]});
    visit(FeatureParts{keys[i], {}, negated[i], &tokens[i], &tokens[i]});
    previous = i;
  }
}

std::string spelled(const FeatureParts& f) {
  if (!f.second.empty()) return std::string(f.first) + ' ' + std::string(f.second);
  return (f.negated ? "!" : "") + std::string(f.first);
}

// FNV-1a, 64 bits, fed piece by piece: the hash of the spelled-out key.
constexpr std::uint64_t kHashSeed = 14695981039346656037ull;
std::uint64_t hash_more(std::uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t hash_of(const FeatureParts& f) {
  if (!f.second.empty()) return hash_more(hash_more(hash_more(kHashSeed, f.first), " "), f.second);
  return hash_more(hash_more(kHashSeed, f.negated ? "!" : ""), f.first);
}

// The rules' opinion words stay as they are (targeted sentiment reads them);
// the score is the model's, and, when explaining, the words that moved it
// are the model's features plus each lexicon word's share of the rules score.
template <typename Walk>
void apply_model(const LinearModel& model, Walk&& walk, Sentiment& s, bool explain) {
  double rules_score = s.score;
  s.lexicon_words = std::move(s.words);
  s.words.clear();
  double margin = model.bias;
  bool evidence = false;
  if (model.lexicon != 0) {
    double raw = 0;
    for (const WordScore& w : s.lexicon_words) raw += w.weight;
    if (raw != 0) {
      margin += model.lexicon * rules_score;
      evidence = true;
      for (const WordScore& w : s.lexicon_words) {
        if (explain) s.words.push_back({w.word, w.term, model.lexicon * rules_score * w.weight / raw, w.begin, w.end});
      }
    }
  }
  // The rules' praise and blame on their own (blame weighs more in the
  // English model), each shared among its words when explaining.
  if ((model.praise != 0 || model.blame != 0) && (s.positive > 0 || s.negative > 0)) {
    double praise = model.praise * normalised_sum(s.positive);
    double blame = model.blame * normalised_sum(s.negative);
    margin += praise + blame;
    evidence = true;
    for (const WordScore& w : s.lexicon_words) {
      if (!explain || w.weight == 0) continue;
      double share = w.weight > 0 ? praise * w.weight / s.positive : blame * -w.weight / s.negative;
      auto same = std::find_if(s.words.begin(), s.words.end(),
                               [&](const WordScore& x) { return x.begin == w.begin && x.end == w.end; });
      if (same != s.words.end()) {
        same->weight += share;
      } else {
        s.words.push_back({w.word, w.term, share, w.begin, w.end});
      }
    }
  }
  std::vector<std::uint64_t> seen;  // each key counts once
  walk([&](const FeatureParts& f) {
    std::uint64_t h = hash_of(f);
    const double* weight = model.weights.find(h);
    if (!weight || std::find(seen.begin(), seen.end(), h) != seen.end()) return;
    seen.push_back(h);
    margin += *weight;
    evidence = true;
    if (!explain) return;
    bool pair = !f.second.empty();
    if (!pair) {  // one line per word: its lexicon share and its own weight together
      auto same = std::find_if(s.words.begin(), s.words.end(), [&](const WordScore& w) {
        return w.begin == f.first_token->begin && w.end == f.first_token->end;
      });
      if (same != s.words.end()) {
        same->weight += *weight;
        return;
      }
    }
    s.words.push_back({pair ? spelled(f) : f.first_token->text, pair ? std::string() : f.first_token->search_form(),
                       *weight, f.first_token->begin, f.last_token->end});
  });
  // The bias is the training data's prior (most NSMC reviews are positive):
  // it tips a text with evidence, but a text without any is neutral.
  s.score = evidence ? std::tanh(margin / 2) : 0;
  s.label = label_for(s.score, s.positive, s.negative);
}

}  // namespace

std::vector<Feature> english_features(std::string_view text, const std::vector<analysis::Token>& tokens) {
  std::vector<Feature> out;
  walk_english(text, tokens, [&](const FeatureParts& f) { out.push_back({spelled(f), f.first_token, f.last_token}); });
  return out;
}

std::vector<Feature> korean_features(const std::vector<analysis::Token>& tokens) {
  std::vector<Feature> out;
  walk_korean(tokens, [&](const FeatureParts& f) { out.push_back({spelled(f), f.first_token, f.last_token}); });
  return out;
}

void apply_english_model(std::string_view text, const std::vector<analysis::Token>& tokens, Sentiment& s,
                         bool explain) {
  apply_model(english_model(), [&](auto&& visit) { walk_english(text, tokens, visit); }, s, explain);
}

void apply_korean_model(const std::vector<analysis::Token>& tokens, Sentiment& s, bool explain) {
  apply_model(korean_model(), [&](auto&& visit) { walk_korean(tokens, visit); }, s, explain);
}

std::uint64_t feature_hash(std::string_view key) { return hash_more(kHashSeed, key); }

double LinearModel::weight(std::string_view key) const {
  const double* w = weights.find(feature_hash(key));
  return w ? *w : 0;
}

LinearModel parse_model(const std::vector<std::string_view>& lines) {
  LinearModel model;
  for (std::string_view line : lines) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::optional<double> number = parse_number<double>(line.substr(tab + 1));
    if (!number) continue;
    const double value = *number;
    std::string_view key = line.substr(0, tab);
    if (key == "@bias") {
      model.bias = value;
    } else if (key == "@lexicon") {
      model.lexicon = value;
    } else if (key == "@praise") {
      model.praise = value;
    } else if (key == "@blame") {
      model.blame = value;
    } else {
      model.weights.emplace(feature_hash(key), value);
    }
  }
  return model;
}

const LinearModel& english_model() {
  static const LinearModel model = parse_embedded(embedded::kEnglishModel, embedded::kEnglishModelSize);
  return model;
}

const LinearModel& korean_model() {
  static const LinearModel model = parse_embedded(embedded::kKoreanModel, embedded::kKoreanModelSize);
  return model;
}

}  // namespace revsearch::sentiment
