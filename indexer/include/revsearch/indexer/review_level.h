// Review-level evidence (issue 18): the review document of a review with
// several passages (see schema::kReviewWord), built from the tokens its
// passages were indexed with.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/indexer/review.h"

namespace revsearch::indexer {

class ReviewLevelTerms {
 public:
  // The searchable words of one passage (stop words are left out, as in
  // passage stem terms).
  void add(const std::vector<analysis::Token>& tokens);
  // The review document: kReviewWord terms, the kReviewDocument marker, the
  // unique id of passage 0 and the review id value.
  Xapian::Document document(const Review& review) const;

 private:
  std::unordered_map<std::string, Xapian::termcount> wdf_;
};

}  // namespace revsearch::indexer
