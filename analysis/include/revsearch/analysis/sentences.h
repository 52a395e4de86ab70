// Sentence boundaries (ICU), used to split over-long paragraphs.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace revsearch::analysis {

class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  // Sentences of `text` (valid UTF-8) as views into it, in order.
  std::vector<std::string_view> split(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace revsearch::analysis
