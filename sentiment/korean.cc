// Korean scoring: weights from the NSMC-derived lexicon (see
// tools/make_korean_lexicon.cc) plus rules the bag of words cannot learn:
// negation before (안, 못) and after (없다, 아니다, 않다) a word flips it,
// intensifiers (너무, 진짜, 정말...) strengthen the next word. Chat markers
// (ㅋㅋ, ㅠㅠ, ㅡㅡ) are lexicon keys of their own at any length. Adjacent
// word pairs have learned weights of their own ("연기 최고").
#include <set>

#include "lexicon.h"
#include "rules.h"

namespace revsearch::sentiment {
namespace {

constexpr double kNegationScale = -0.74;  // as in English: a negated word is weaker
constexpr double kIntensifier = 1.3;

const std::set<std::string, std::less<>> kNegateNext = {"안", "못"};
const std::set<std::string, std::less<>> kIntensifiers = {"너무", "진짜", "정말", "완전", "엄청", "넘", "진심", "매우",
                                                          "아주"};

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// 없다/없어/없는, 아니다/아닌/아니고, 않다/않은: negate the word before.
bool negates_previous(const std::string& form) {
  return starts_with(form, "없") || starts_with(form, "아니") || starts_with(form, "아닌") || starts_with(form, "않");
}

}  // namespace

std::vector<std::string> korean_bigrams(const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  const std::string* prev = nullptr;
  for (const std::string& key : keys) {
    if (key.empty()) continue;
    if (prev) out.push_back(*prev + " " + key);
    prev = &key;
  }
  return out;
}

std::vector<bool> korean_negated(const std::vector<analysis::Token>& tokens) {
  std::vector<bool> negated(tokens.size(), false);
  std::size_t prev = tokens.size();  // index of the previous non-compound token
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].compound) continue;
    if (prev < tokens.size()) {
      if (kNegateNext.count(tokens[prev].text)) negated[i] = true;
      if (negates_previous(tokens[i].search_form())) negated[prev] = true;
    }
    prev = i;
  }
  return negated;
}

Sentiment score_korean(std::string_view text, const std::vector<analysis::Token>& tokens, Method method) {
  (void)text;
  const auto& lexicon = lexicons().korean;
  Sentiment s;
  s.lang = "ko";
  std::vector<std::string> keys = korean_keys(tokens);
  std::vector<bool> negated = korean_negated(tokens);
  std::vector<std::size_t> order;  // non-compound tokens, in text order
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!keys[i].empty()) order.push_back(i);
  }
  for (std::size_t n = 0; n < order.size(); ++n) {
    const analysis::Token& token = tokens[order[n]];
    auto it = lexicon.find(keys[order[n]]);
    if (it == lexicon.end() || it->second == 0) continue;
    double w = it->second;
    if (method == Method::kPlain) {
      w = w > 0 ? 1.0 : -1.0;
    } else {
      const analysis::Token* prev = n > 0 ? &tokens[order[n - 1]] : nullptr;
      if (prev && kIntensifiers.count(prev->text)) w *= kIntensifier;
      if (negated[order[n]]) w *= kNegationScale;
    }
    s.words.push_back({token.text, token.search_form(), w, token.begin, token.end});
  }
  // Word pairs carry their own context (negation included): no rules.
  if (method == Method::kRules) {
    for (std::size_t n = 1; n < order.size(); ++n) {
      const analysis::Token& first = tokens[order[n - 1]];
      const analysis::Token& second = tokens[order[n]];
      std::string bigram = keys[order[n - 1]] + " " + keys[order[n]];
      auto it = lexicon.find(bigram);
      // No term: a pair is not a searchable sentiment word.
      if (it != lexicon.end()) s.words.push_back({bigram, "", it->second, first.begin, second.end});
    }
  }
  finish(s, 0);
  return s;
}

}  // namespace revsearch::sentiment
