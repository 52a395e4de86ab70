// The analysis pipeline: one ICU word breaker, folder and stemmer per
// Analyzer, created once and reused for every text.
#include "revsearch/analysis/analyzer.h"

#include <unicode/brkiter.h>

#include "filters.h"
#include "icu_util.h"
#include "korean_morph.h"

namespace revsearch::analysis {

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> word_breaker;
  Folder folder;
  Xapian::Stem english{"english"};
  Xapian::Stem none;
  StemCache english_cache;
  StemCache none_cache;
  KoreanCache korean_cache;
  Pipeline pipeline = Pipeline::kAuto;
};

Analyzer::Analyzer(Pipeline pipeline) : impl_(std::make_unique<Impl>()) {
  impl_->pipeline = pipeline;
  UErrorCode status = U_ZERO_ERROR;
  impl_->word_breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  icu_util::check(status, "createWordInstance");
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::words(std::string_view text) {
  std::vector<Token> tokens = break_words(*impl_->word_breaker, text);
  fold_tokens(tokens, text, impl_->folder);
  strip_possessives(tokens);
  join_compounds(tokens, text);
  return tokens;
}

// The stages after words() set stems and marks; they never change a
// token's text or position (a test holds words() and analyze() to that).
std::vector<Token> Analyzer::analyze(std::string_view text) {
  std::vector<Token> tokens = words(text);
  if (impl_->pipeline != Pipeline::kKorean) mark_stopwords(tokens);
  if (impl_->pipeline == Pipeline::kKorean) {
    stem_tokens(tokens, impl_->none, impl_->none_cache);
  } else {
    stem_tokens(tokens, impl_->english, impl_->english_cache);
  }
  if (impl_->pipeline != Pipeline::kEnglish) stem_korean(tokens, KoreanLexicon::builtin(), impl_->korean_cache);
  return tokens;
}

std::string Analyzer::fold(std::string_view text) { return impl_->folder.fold_text(text); }

std::string describe(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    if (token.compound) out += '+';
    if (token.stopword) out += '~';
    out += token.text;
    if (!token.stem.empty()) out += '>' + token.stem;
    out += '[' + std::to_string(token.position) + ']';
  }
  return out;
}

}  // namespace revsearch::analysis
