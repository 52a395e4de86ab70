// Targeted sentiment: attributes each scored word of a passage to the entity
// its clause (or, failing that, its sentence) is about.
#include "revsearch/sentiment/targeted.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "rules.h"

namespace revsearch::sentiment {
namespace {

const std::set<std::string, std::less<>> kPronouns = {"her", "hers", "she", "his", "he", "him",
                                                      "their", "they", "them", "그녀"};
const std::set<std::string, std::less<>> kPlural = {"their", "they", "them"};
const std::set<std::string, std::less<>> kRoleNouns = {"actress", "actor", "lead", "star", "배우"};
const std::set<std::string, std::less<>> kClauseStarters = {"but", "however", "although", "though",
                                                            "despite", "while", "whereas"};

// Words inside a sentence after which it says something else: each part is
// an opinion of its own.
const std::set<std::string, std::less<>> kTurns = {"but", "however", "nevertheless", "nonetheless",
                                                   "하지만", "그러나", "그런데", "근데"};

struct Unit {
  std::size_t begin = 0, end = 0;  // byte span of the token
  unsigned sentence = 0, clause = 0;
  unsigned part = 0;  // the sentence part: a new one at each sentence and at a turn inside one
  std::string text;
};

// "Lee Eun Soo ( Han So-Hee- ...)": a name right after an opening
// parenthesis is a cast credit, so a later "her" still means the character.
bool credit(std::string_view passage, const Mention& m) {
  std::size_t at = m.begin;
  while (at > 0 && passage[at - 1] == ' ') --at;
  return at > 0 && passage[at - 1] == '(';
}

}  // namespace

std::vector<EntitySentiment> targeted_sentiment(Scorer& scorer, std::string_view passage,
                                                const std::vector<Mention>& mentions, std::string_view lang) {
  std::vector<analysis::Token> tokens = scorer.analyzer().analyze(passage);
  return targeted_sentiment(passage, tokens, scorer.score_tokens(passage, tokens, lang), mentions);
}

std::vector<Opinion> opinions(std::string_view passage, const std::vector<analysis::Token>& tokens,
                              const Sentiment& full, const std::vector<Mention>& mentions) {
  // Sentences and clauses, as the English scorer sees them.
  std::vector<Unit> units;
  auto starts_clause = [](std::string_view word) { return kClauseStarters.count(word) > 0; };
  unsigned part = 0;
  for (const Placed& p : place_tokens(passage, tokens, starts_clause)) {
    if (!units.empty() && (p.sentence != units.back().sentence || kTurns.count(p.token->text))) ++part;
    units.push_back({p.token->begin, p.token->end, p.sentence, p.clause, part, p.token->text});
  }
  auto unit_at = [&](std::size_t offset) -> const Unit* {
    auto it = std::lower_bound(units.begin(), units.end(), offset,
                               [](const Unit& u, std::size_t at) { return u.end <= at; });
    return it == units.end() ? nullptr : &*it;
  };

  // Which entities each clause refers to: by mention, or by a pronoun or
  // "the actress"/"the actor" pointing back to the latest mention before it.
  std::vector<Mention> valid;
  for (const Mention& m : mentions) {
    if (m.begin >= m.end || m.end > passage.size() || m.entity.empty()) continue;
    valid.push_back(m);
  }
  std::sort(valid.begin(), valid.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  std::map<unsigned, std::set<std::string>> clause_entities, sentence_entities;
  for (const Mention& m : valid) {
    if (const Unit* u = unit_at(m.begin)) {
      clause_entities[u->clause].insert(m.entity);
      sentence_entities[u->sentence].insert(m.entity);
    }
  }
  // Walk the passage keeping the latest referent: a mention, or the
  // performer a role noun pointed to ("The actress' ... her" is the actress
  // even when a character was named in between).
  // "Their" after a sentence naming two people means both of them.
  const Mention* latest = nullptr;
  const Mention* latest_performer = nullptr;
  std::set<std::string> latest_group;
  unsigned group_sentence = 0;
  std::size_t next_mention = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    bool in_name = false;
    for (; next_mention < valid.size() && valid[next_mention].begin <= u.begin; ++next_mention) {
      const Mention& m = valid[next_mention];
      if (credit(passage, m)) continue;
      latest = &m;
      if (m.performer) latest_performer = &m;
      if (u.sentence != group_sentence) latest_group.clear();
      group_sentence = u.sentence;
      latest_group.insert(m.entity);
    }
    for (const Mention& m : valid) in_name = in_name || (m.begin <= u.begin && u.end <= m.end);
    if (in_name) continue;
    bool role_noun = kRoleNouns.count(u.text) && i > 0 && units[i - 1].text == "the";
    if (!role_noun && !kPronouns.count(u.text)) continue;
    const Mention* antecedent = role_noun ? latest_performer : latest;
    if (!antecedent) continue;
    latest = antecedent;
    std::set<std::string> referents = {antecedent->entity};
    if (kPlural.count(u.text) && latest_group.size() > 1) referents = latest_group;
    for (const std::string& entity : referents) {
      clause_entities[u.clause].insert(entity);
      sentence_entities[u.sentence].insert(entity);
    }
  }

  // Each word goes to the entities of its clause, else of its sentence when
  // that names exactly one; opinions gather by entity and sentence part.
  std::map<std::pair<unsigned, std::string>, Opinion> by_part;
  const std::vector<WordScore>& words = full.lexicon_words.empty() ? full.words : full.lexicon_words;
  for (const WordScore& w : words) {
    const Unit* u = unit_at(w.begin);
    if (!u) continue;
    const std::set<std::string>* owners = nullptr;
    if (auto c = clause_entities.find(u->clause); c != clause_entities.end()) {
      owners = &c->second;
    } else if (auto s = sentence_entities.find(u->sentence); s != sentence_entities.end() && s->second.size() == 1) {
      owners = &s->second;
    }
    if (!owners) continue;
    for (const std::string& entity : *owners) by_part[{u->part, entity}].words.push_back(w);
  }
  std::vector<Opinion> out;
  for (auto& [key, opinion] : by_part) {
    opinion.entity = key.second;
    const auto this_part = key.first;  // a copy: clang 14 lambdas cannot capture structured bindings
    auto first = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.part == this_part; });
    auto last = std::find_if(first, units.end(), [&](const Unit& u) { return u.part != this_part; });
    opinion.begin = first->begin;
    opinion.end = std::prev(last)->end;
    Sentiment s;
    s.words = std::move(opinion.words);
    finish(s, 0);
    opinion.score = s.score;
    // One sentence says one thing: its sign, never "mixed" ("despite her
    // talents ... stilted" is a criticism).
    opinion.label = label_for(s.score, 0, 0);
    opinion.words = std::move(s.words);
    out.push_back(std::move(opinion));
  }
  return out;
}

std::vector<EntitySentiment> targeted_sentiment(std::string_view passage, const std::vector<analysis::Token>& tokens,
                                                const Sentiment& full, const std::vector<Mention>& mentions) {
  std::vector<std::string> order;  // entities in order of first mention
  std::vector<Mention> sorted = mentions;
  std::sort(sorted.begin(), sorted.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  for (const Mention& m : sorted) {
    if (m.begin >= m.end || m.end > passage.size() || m.entity.empty()) continue;
    if (std::find(order.begin(), order.end(), m.entity) == order.end()) order.push_back(m.entity);
  }
  std::map<std::string, Sentiment> per_entity;
  for (Opinion& o : opinions(passage, tokens, full, mentions)) {
    auto& words = per_entity[o.entity].words;
    words.insert(words.end(), o.words.begin(), o.words.end());
  }
  std::vector<EntitySentiment> out;
  for (const std::string& entity : order) {
    Sentiment s = per_entity[entity];
    std::sort(s.words.begin(), s.words.end(), [](const WordScore& a, const WordScore& b) { return a.begin < b.begin; });
    finish(s, 0);
    out.push_back({entity, s.score, s.label, std::move(s.words)});
  }
  return out;
}

}  // namespace revsearch::sentiment
