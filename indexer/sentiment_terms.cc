// Sentiment -> Xapian terms and values, following revsearch/schema.h.
#include "revsearch/indexer/sentiment_terms.h"

#include <map>

#include "revsearch/schema.h"

namespace revsearch::indexer {

void add_sentiment_terms(Xapian::Document& doc, const sentiment::Sentiment& s) {
  doc.add_value(schema::kSlotSentiment, Xapian::sortable_serialise(s.score));
  doc.add_boolean_term(schema::prefixed(schema::kSentimentLabel, sentiment::label_name(s.label)));
}

void add_entity_sentiment_terms(Xapian::Document& doc, const std::vector<sentiment::EntitySentiment>& entities) {
  for (const sentiment::EntitySentiment& e : entities) {
    if (e.label == sentiment::Label::kNeutral || e.entity.size() > schema::kMaxTermBytes) continue;
    doc.add_boolean_term(schema::entity_sentiment_term(e.entity, sentiment::label_name(e.label)));
  }
}

std::vector<sentiment::EntitySentiment> add_person_sentiment(Xapian::Document& doc, std::string_view text,
                                                             const std::vector<analysis::Token>& tokens,
                                                             const sentiment::Sentiment& feeling,
                                                             const std::vector<entities::Mention>& mentions) {
  std::vector<sentiment::Mention> people;
  std::map<std::string, std::string> given_of;  // entity -> its given-name entity
  for (const entities::Mention& m : mentions) {
    bool character = m.kind == entities::EntityKind::kCharacter;
    if ((!character && m.kind != entities::EntityKind::kActor) || m.key.empty()) continue;
    std::string entity = schema::person_sentiment_entity(character, m.key, false);
    people.push_back({m.begin, m.end, entity, !character});
    if (!m.given_key.empty()) given_of[entity] = schema::person_sentiment_entity(character, m.given_key, true);
  }
  if (people.empty()) return {};
  std::vector<sentiment::EntitySentiment> feelings = sentiment::targeted_sentiment(text, tokens, feeling, people);
  std::vector<sentiment::EntitySentiment> terms = feelings;
  for (const sentiment::EntitySentiment& e : feelings) {
    auto given = given_of.find(e.entity);
    if (given == given_of.end()) continue;
    sentiment::EntitySentiment by_given = e;
    by_given.entity = given->second;
    terms.push_back(std::move(by_given));
  }
  add_entity_sentiment_terms(doc, terms);
  return feelings;
}

}  // namespace revsearch::indexer
