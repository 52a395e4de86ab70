// Review-level evidence (issue 18): one document per multi-passage review.
#include "revsearch/indexer/review_level.h"

#include <nlohmann/json.hpp>

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
  doc.set_data(nlohmann::json{{"review_id", review.id}, {"passage", schema::kReviewDocumentPassage}}.dump());
  return doc;
}

}  // namespace revsearch::indexer
