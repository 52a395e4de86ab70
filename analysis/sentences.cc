// ICU sentence breaking over UTF-8 without copying to UTF-16.
#include "revsearch/analysis/sentences.h"

#include <unicode/brkiter.h>

#include "icu_util.h"

namespace revsearch::analysis {

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
};

SentenceSplitter::SentenceSplitter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->breaker.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  icu_util::check(status, "createSentenceInstance");
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<std::string_view> SentenceSplitter::split(std::string_view text) {
  std::vector<std::string_view> sentences;
  icu_util::Utf8Text ut(text);
  UErrorCode status = U_ZERO_ERROR;
  impl_->breaker->setText(ut.get(), status);
  icu_util::check(status, "BreakIterator::setText");
  int32_t start = impl_->breaker->first();
  for (int32_t end = impl_->breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = impl_->breaker->next()) {
    sentences.push_back(text.substr(start, end - start));
  }
  return sentences;
}

}  // namespace revsearch::analysis
