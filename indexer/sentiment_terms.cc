// Sentiment -> Xapian terms and values, following revsearch/schema.h.
#include "revsearch/indexer/sentiment_terms.h"

#include "revsearch/schema.h"

namespace revsearch::indexer {

void add_sentiment_terms(Xapian::Document& doc, const sentiment::Sentiment& s) {
  doc.add_value(schema::kSlotSentiment, Xapian::sortable_serialise(s.score));
  doc.add_boolean_term(schema::prefixed(schema::kSentimentLabel, sentiment::label_name(s.label)));
  for (const sentiment::WordScore& w : s.words) {
    if (w.term.empty() || w.term.size() > schema::kMaxTermBytes) continue;
    // wdf 1 per occurrence, so BM25 can rank `sentiment:word` queries.
    doc.add_term(schema::prefixed(schema::kSentimentWord, w.term));
  }
}

void add_entity_sentiment_terms(Xapian::Document& doc, const std::vector<sentiment::EntitySentiment>& entities) {
  for (const sentiment::EntitySentiment& e : entities) {
    if (e.label == sentiment::Label::kNeutral || e.entity.size() > schema::kMaxTermBytes) continue;
    doc.add_boolean_term(schema::entity_sentiment_term(e.entity, sentiment::label_name(e.label)));
  }
}

}  // namespace revsearch::indexer
