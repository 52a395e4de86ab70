// Sentiment -> Xapian terms and values, following revsearch/schema.h.
#include "revsearch/indexer/sentiment_terms.h"

#include <map>

#include "revsearch/schema.h"
#include "revsearch/sentiment/people.h"

namespace revsearch::indexer {

void add_sentiment_terms(Xapian::Document& doc, const sentiment::Sentiment& s) {
  doc.add_value(schema::kSlotSentiment, Xapian::sortable_serialise(s.score));
  doc.add_boolean_term(schema::prefixed(schema::kSentimentLabel, sentiment::label_name(s.label)));
}

void add_opinion_terms(Xapian::Document& doc, const std::vector<sentiment::Opinion>& opinions) {
  std::map<std::string, Xapian::termcount> counts;
  for (const sentiment::Opinion& o : opinions) {
    if (o.label == sentiment::Label::kNeutral || o.entity.size() > schema::kMaxTermBytes) continue;
    ++counts[schema::entity_sentiment_term(o.entity, sentiment::label_name(o.label))];
  }
  for (const auto& [term, count] : counts) doc.add_term(term, count);
}

std::vector<sentiment::Opinion> add_person_sentiment(Xapian::Document& doc, std::string_view text,
                                                     const std::vector<analysis::Token>& tokens,
                                                     const sentiment::Sentiment& feeling,
                                                     const std::vector<entities::Mention>& mentions) {
  std::vector<sentiment::Opinion> opinions = sentiment::person_opinions(text, tokens, feeling, mentions);
  add_opinion_terms(doc, opinions);
  return opinions;
}

}  // namespace revsearch::indexer
