// The learned linear models: features of a text, the embedded weights, and
// the score they give (see revsearch/sentiment/model.h).
#include "revsearch/sentiment/model.h"

#include <charconv>
#include <cmath>
#include <unordered_set>

#include "lexicon.h"
#include "rules.h"

namespace revsearch::sentiment {
namespace embedded {
extern const char* const kEnglishModel[];
extern const std::size_t kEnglishModelLines;
extern const char* const kKoreanModel[];
extern const std::size_t kKoreanModelLines;
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

LinearModel parse_embedded(const char* const* lines, std::size_t count) {
  return parse_model(std::vector<std::string_view>(lines, lines + count));
}

}  // namespace

std::vector<Feature> english_features(std::string_view text, const std::vector<analysis::Token>& tokens) {
  std::vector<Feature> out;
  std::vector<Placed> placed = place_tokens(text, tokens, english_clause_starter);
  out.reserve(placed.size() * 2);
  bool in_scope = false;  // after a negation, to the end of its clause
  std::string previous;
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const analysis::Token* token = placed[i].token;
    bool same_clause = i > 0 && placed[i - 1].clause == placed[i].clause;
    if (!same_clause) in_scope = false;
    std::string key = without_apostrophes(token->text);
    if (same_clause) out.push_back({previous + ' ' + key, placed[i - 1].token, token});
    out.push_back({in_scope ? '!' + key : key, token, token});
    in_scope = in_scope || english_negation(key, token->text);
    previous = std::move(key);
  }
  return out;
}

std::vector<Feature> korean_features(const std::vector<analysis::Token>& tokens) {
  std::vector<Feature> out;
  std::vector<std::string> keys = korean_keys(tokens);
  std::vector<bool> negated = korean_negated(tokens);
  out.reserve(tokens.size() * 2);
  std::size_t previous = tokens.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (keys[i].empty()) continue;
    if (previous < tokens.size()) out.push_back({keys[previous] + ' ' + keys[i], &tokens[previous], &tokens[i]});
    out.push_back({negated[i] ? '!' + keys[i] : keys[i], &tokens[i], &tokens[i]});
    previous = i;
  }
  return out;
}

LinearModel parse_model(const std::vector<std::string_view>& lines) {
  LinearModel model;
  for (std::string_view line : lines) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::string_view number = line.substr(tab + 1);
    double value = 0;
    auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc() || ptr != number.data() + number.size()) continue;
    std::string_view key = line.substr(0, tab);
    if (key == "@bias") {
      model.bias = value;
    } else if (key == "@lexicon") {
      model.lexicon = value;
    } else {
      model.weights.emplace(key, value);
    }
  }
  return model;
}

const LinearModel& english_model() {
  static const LinearModel model = parse_embedded(embedded::kEnglishModel, embedded::kEnglishModelLines);
  return model;
}

const LinearModel& korean_model() {
  static const LinearModel model = parse_embedded(embedded::kKoreanModel, embedded::kKoreanModelLines);
  return model;
}

void apply_model(const LinearModel& model, const std::vector<Feature>& features, Sentiment& s) {
  // The rules' opinion words stay as they are (targeted sentiment reads
  // them); the score is the model's, and the words that explain it are the
  // model's features plus each lexicon word's share of the rules score.
  Sentiment rules = s;
  s.lexicon_words = std::move(s.words);
  s.words.clear();
  double margin = model.bias;
  if (model.lexicon != 0) {
    double raw = 0;
    for (const WordScore& w : s.lexicon_words) raw += w.weight;
    if (raw != 0) {
      margin += model.lexicon * rules.score;
      for (const WordScore& w : s.lexicon_words) {
        s.words.push_back({w.word, w.term, model.lexicon * rules.score * w.weight / raw, w.begin, w.end});
      }
    }
  }
  std::unordered_set<std::string_view> seen;
  for (const Feature& f : features) {
    auto it = model.weights.find(f.key);
    if (it == model.weights.end() || !seen.insert(it->first).second) continue;
    margin += it->second;
    bool pair = f.first != f.last;
    s.words.push_back({pair ? it->first : f.first->text, pair ? std::string() : f.first->search_form(), it->second,
                       f.first->begin, f.last->end});
  }
  // The bias is the training data's prior (most NSMC reviews are positive):
  // it tips a review with evidence, but a text without any is neutral.
  s.score = s.words.empty() ? 0 : std::tanh(margin / 2);
  s.label = label_for(s.score, s.positive, s.negative);
}

}  // namespace revsearch::sentiment
