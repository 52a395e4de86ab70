// How a review becomes passages: real paragraphs (blank lines, indentation,
// <br>/<p>, or a paragraph a line), and where a text has none (a sentence a
// line, hard-wrapped lines, one long block) windows of whole sentences of
// about a target size; repeated passages dropped; each tagged with its language;
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
  // Paragraphs longer than `max_passage_bytes`, and text with no
  // paragraphs, are cut at sentence boundaries into windows of about
  // `target_words` words, each at most `max_passage_bytes` long.
  explicit PassageSplitter(analysis::Analyzer& analyzer, std::size_t max_passage_bytes = 1500,
                           std::size_t target_words = kDefaultTargetWords);

  // Words per window of sentences; chosen with benchmarks/known_items (README).
  static constexpr std::size_t kDefaultTargetWords = 100;

  SplitReview split(const Review& review);

 private:
  std::vector<std::string> paragraphs(std::string_view text);
  void block_passages(const std::vector<std::string_view>& lines, std::vector<std::string>& out);
  void paragraph(std::string_view text, std::vector<std::string>& out);
  void windows(const std::vector<std::string_view>& units, std::vector<std::string>& out);

  analysis::Analyzer& analyzer_;
  analysis::SentenceSplitter sentences_;
  std::size_t max_passage_bytes_;
  std::size_t target_words_;
};

// Phrases that review sites append to every review ("Was this review
// helpful?" in several languages), folded.
bool is_site_boilerplate(std::string_view folded_text);

}  // namespace revsearch::indexer
