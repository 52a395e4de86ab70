// How a review becomes passages: paragraphs, over-long ones cut at sentence
// boundaries; repeated passages dropped; each tagged with its language;
// short foreign-language site boilerplate marked so it is not ranked as
// review text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/sentences.h"
#include "revsearch/indexer/review.h"

namespace revsearch::indexer {

struct Passage {
  unsigned number = 0;  // 1-based, in review order, counting kept passages only
  std::string text;
  std::string lang;
  bool boilerplate = false;
};

struct SplitReview {
  std::vector<Passage> passages;
  std::vector<std::string> main_languages;  // languages holding >= 25% of the review's letters
  std::size_t duplicates = 0;               // repeated passages dropped
};

class PassageSplitter {
 public:
  // Paragraphs longer than `max_passage_bytes` are cut at sentence
  // boundaries into pieces of at most about that size.
  explicit PassageSplitter(analysis::Analyzer& analyzer, std::size_t max_passage_bytes = 1500);

  SplitReview split(const Review& review);

 private:
  std::vector<std::string> paragraphs(std::string_view text);

  analysis::Analyzer& analyzer_;
  analysis::SentenceSplitter sentences_;
  std::size_t max_passage_bytes_;
};

// Phrases that review sites append to every review ("Was this review
// helpful?" in several languages), folded.
bool is_site_boilerplate(std::string_view folded_text);

}  // namespace revsearch::indexer
