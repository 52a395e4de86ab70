// Opinions about the actors and characters a passage names.
#include "revsearch/sentiment/people.h"

#include <map>

#include "revsearch/schema.h"

namespace revsearch::sentiment {

std::vector<Opinion> person_opinions(std::string_view text, const std::vector<analysis::Token>& tokens,
                                     const Sentiment& feeling, const std::vector<entities::Mention>& mentions) {
  std::vector<Mention> people;
  std::map<std::string, std::string> given_of;  // entity -> its given-name entity
  for (const entities::Mention& m : mentions) {
    bool character = m.kind == entities::EntityKind::kCharacter;
    if ((!character && m.kind != entities::EntityKind::kActor) || m.key.empty()) continue;
    std::string entity = schema::person_sentiment_entity(character, m.key, false);
    if (!m.given_key.empty()) given_of[entity] = schema::person_sentiment_entity(character, m.given_key, true);
    people.push_back({m.begin, m.end, std::move(entity), !character});
  }
  if (people.empty()) return {};
  std::vector<Opinion> out = opinions(text, tokens, feeling, people);
  std::size_t count = out.size();
  for (std::size_t i = 0; i < count; ++i) {
    auto given = given_of.find(out[i].entity);
    if (given == given_of.end()) continue;
    Opinion copy = out[i];
    copy.entity = given->second;
    out.push_back(std::move(copy));
  }
  return out;
}

}  // namespace revsearch::sentiment
