// Targeted sentiment: attributes each scored word of a passage to the entity
// its clause (or, failing that, its sentence) is about.
#include "revsearch/sentiment/targeted.h"

#include <algorithm>
#include <map>
#include <set>

#include "rules.h"

namespace revsearch::sentiment {
namespace {

const std::set<std::string, std::less<>> kPronouns = {"her", "hers", "she", "his", "he", "him",
                                                      "their", "they", "them", "그녀"};
const std::set<std::string, std::less<>> kRoleNouns = {"actress", "actor", "lead", "star", "배우"};
const std::set<std::string, std::less<>> kClauseStarters = {"but", "however", "although", "though",
                                                            "despite", "while", "whereas"};

struct Unit {
  std::size_t begin = 0, end = 0;  // byte span of the token
  unsigned sentence = 0, clause = 0;
  std::string text;
};

}  // namespace

std::vector<EntitySentiment> targeted_sentiment(Scorer& scorer, std::string_view passage,
                                                const std::vector<Mention>& mentions, std::string_view lang) {
  std::vector<analysis::Token> tokens = scorer.analyzer().analyze(passage);
  return targeted_sentiment(passage, tokens, scorer.score_tokens(passage, tokens, lang), mentions);
}

std::vector<EntitySentiment> targeted_sentiment(std::string_view passage, const std::vector<analysis::Token>& tokens,
                                                const Sentiment& full, const std::vector<Mention>& mentions) {
  // Sentences and clauses, as the English scorer sees them.
  std::vector<Unit> units;
  auto starts_clause = [](std::string_view word) { return kClauseStarters.count(word) > 0; };
  for (const Placed& p : place_tokens(passage, tokens, starts_clause)) {
    units.push_back({p.token->begin, p.token->end, p.sentence, p.clause, p.token->text});
  }
  auto unit_at = [&](std::size_t offset) -> const Unit* {
    for (const Unit& u : units) {
      if (u.end > offset) return &u;
    }
    return nullptr;
  };

  // Which entities each clause refers to: by mention, or by a pronoun or
  // "the actress"/"the actor" pointing back to the latest mention before it.
  std::vector<Mention> valid;
  std::vector<std::string> order;
  for (const Mention& m : mentions) {
    if (m.begin >= m.end || m.end > passage.size() || m.entity.empty()) continue;
    valid.push_back(m);
    if (std::find(order.begin(), order.end(), m.entity) == order.end()) order.push_back(m.entity);
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
  const Mention* latest = nullptr;
  const Mention* latest_performer = nullptr;
  std::size_t next_mention = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    bool in_name = false;
    for (; next_mention < valid.size() && valid[next_mention].begin <= u.begin; ++next_mention) {
      const Mention& m = valid[next_mention];
      latest = &m;
      if (m.performer) latest_performer = &m;
    }
    for (const Mention& m : valid) in_name = in_name || (m.begin <= u.begin && u.end <= m.end);
    if (in_name) continue;
    bool role_noun = kRoleNouns.count(u.text) && i > 0 && units[i - 1].text == "the";
    if (!role_noun && !kPronouns.count(u.text)) continue;
    const Mention* antecedent = role_noun ? latest_performer : latest;
    if (!antecedent) continue;
    latest = antecedent;
    clause_entities[u.clause].insert(antecedent->entity);
    sentence_entities[u.sentence].insert(antecedent->entity);
  }

  std::map<std::string, Sentiment> per_entity;
  for (const WordScore& w : full.words) {
    const Unit* u = unit_at(w.begin);
    if (!u) continue;
    const std::set<std::string>* owners = nullptr;
    if (auto c = clause_entities.find(u->clause); c != clause_entities.end()) {
      owners = &c->second;
    } else if (auto s = sentence_entities.find(u->sentence); s != sentence_entities.end() && s->second.size() == 1) {
      owners = &s->second;
    }
    if (!owners) continue;
    for (const std::string& entity : *owners) per_entity[entity].words.push_back(w);
  }

  std::vector<EntitySentiment> out;
  for (const std::string& entity : order) {
    Sentiment s = per_entity[entity];
    s.positive = s.negative = 0;
    finish(s, 0);
    out.push_back({entity, s.score, s.label, std::move(s.words)});
  }
  return out;
}

}  // namespace revsearch::sentiment
