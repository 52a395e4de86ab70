// How a passage becomes a Xapian document: terms and values from the shared
// schema, stored data for display.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/entities/recognizer.h"
#include "revsearch/indexer/passages.h"
#include "revsearch/indexer/review.h"
#include "revsearch/passage_record.h"
#include "revsearch/sentiment/sentiment.h"

namespace revsearch::indexer {

// Adds the terms of `tokens` to `doc`: exact words, at positions from
// `base` (0: without positions), and stems. `prefix` is empty for body
// text, "S" for title.
void add_text_terms(Xapian::Document& doc, const std::vector<analysis::Token>& tokens,
                    std::string_view exact_prefix, std::string_view stem_prefix, Xapian::termpos base);


// The terms and values of a passage document, from the passage's `tokens`
// and sentiment `feeling` (computed once per passage by the caller, who
// also needs them for targeted sentiment). The stored data is set by the
// caller from passage_record(). Exact words carry positions only with
// `positions` (`index --positions`; phrases are otherwise checked against
// the stored text, see query/phrase_check.h).
Xapian::Document build_document(const Review& review, const Passage& passage,
                                const std::vector<analysis::Token>& tokens, const sentiment::Sentiment& feeling,
                                const std::vector<analysis::Token>& title_tokens, bool positions);

// What a hit shows of the passage (its stored data, see passage_record.h).
PassageRecord passage_record(const Review& review, const Passage& passage, const sentiment::Sentiment& feeling);

// "dir/file.jsonl:12" -> ("dir/file.jsonl", 12); no line: (source, 0).
std::pair<std::string_view, std::uint64_t> split_source(std::string_view source);

// The language a passage's sentiment is scored in: Korean or English rules.
inline std::string_view sentiment_language(const Passage& passage) { return passage.lang == "ko" ? "ko" : "en"; }

// Entities (issue 5): adds actor/character/title terms for the passage's
// mentions and the review's own title, and their display names to the
// record's actors, characters and titles. Returns the (term, display name)
// pairs, for the database's display-name metadata.
std::vector<std::pair<std::string, std::string>> add_entities(Xapian::Document& doc,
                                                              const std::vector<entities::Mention>& mentions,
                                                              const entities::ReviewContext& context,
                                                              PassageRecord& record);

// Review ids must fit in a Xapian term with room for the passage number.
inline constexpr std::size_t kMaxReviewIdBytes = 200;

}  // namespace revsearch::indexer
