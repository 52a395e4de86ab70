// How a passage's sentiment is stored (issue 6): score value, label term,
// and per-person opinion terms for targeted sentiment.
#pragma once

#include <xapian.h>

#include <string_view>
#include <vector>

#include "revsearch/entities/recognizer.h"
#include "revsearch/sentiment/sentiment.h"
#include "revsearch/sentiment/targeted.h"

namespace revsearch::indexer {

// Score in schema::kSlotSentiment, "XSL<label>".
void add_sentiment_terms(Xapian::Document& doc, const sentiment::Sentiment& s);

// "XSE<entity>:<label>" for each entity and label some opinion has (neutral
// ones are not stored), wdf = how many opinions (sentences) say it: the
// index side of `actor:"..." sentiment:negative`, which ranks by it, and of
// the opinion counts of facets (see targeted.h).
void add_opinion_terms(Xapian::Document& doc, const std::vector<sentiment::Opinion>& opinions);

// Targeted sentiment about the people a passage mentions (issues 5+6): the
// opinion terms of sentiment::person_opinions (actors, characters, and the
// same under the given name). `tokens` and `feeling` are the passage's
// analysis and sentiment, as build_document got them. Returns the opinions.
std::vector<sentiment::Opinion> add_person_sentiment(Xapian::Document& doc, std::string_view text,
                                                     const std::vector<analysis::Token>& tokens,
                                                     const sentiment::Sentiment& feeling,
                                                     const std::vector<entities::Mention>& mentions);

}  // namespace revsearch::indexer
