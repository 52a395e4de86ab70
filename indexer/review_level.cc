// Review-level evidence (issue 18): one document per multi-passage review.
#include "revsearch/indexer/review_level.h"

#include "revsearch/passage_record.h"
#include "revsearch/schema.h"

namespace revsearch::indexer {

void ReviewLevelTerms::add(const std::vector<analysis::Token>& tokens) {
  for (const analysis::Token& token : tokens) {
    if (token.stopword) continue;  // as the passage stem terms
    ++wdf_[schema::prefixed(schema::kReviewWord, token.search_form())];
  }
}

Xapian::Document ReviewLevelTerms::document(const Review& review) const {
  Xapian::Document doc;
  for (const auto& [term, wdf] : wdf_) doc.add_term(term, wdf);
  doc.add_boolean_term(std::string(schema::kReviewDocument));
  doc.add_boolean_term(schema::unique_id(review.id, schema::kReviewDocumentPassage));
  doc.add_value(schema::kSlotReview, review.id);
  PassageRecord record;
  record.review_id = review.id;
  record.passage = schema::kReviewDocumentPassage;
  doc.add_value(schema::kSlotRecord, record.encode());
  return doc;
}

}  // namespace revsearch::indexer
