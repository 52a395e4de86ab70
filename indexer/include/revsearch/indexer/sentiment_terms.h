// How a passage's sentiment is stored (issue 6): score value, label term,
// and per-entity label terms for targeted sentiment.
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

// "XSE<entity>:<label>" for each entity with a non-neutral sentiment; the
// index side of `actor:"..." sentiment:negative` (see targeted.h).
void add_entity_sentiment_terms(Xapian::Document& doc, const std::vector<sentiment::EntitySentiment>& entities);

// Targeted sentiment about the people a passage mentions (issues 5+6):
// XSE terms per actor and character (schema::person_sentiment_entity), also
// under the given name. Characters are entities of their own, so feelings
// about "Eun Soo" are not credited to the actor named nearby. `tokens` and
// `feeling` are the passage's analysis and sentiment, as build_document got
// them. Returns the per-person sentiment.
std::vector<sentiment::EntitySentiment> add_person_sentiment(Xapian::Document& doc, std::string_view text,
                                                             const std::vector<analysis::Token>& tokens,
                                                             const sentiment::Sentiment& feeling,
                                                             const std::vector<entities::Mention>& mentions);

}  // namespace revsearch::indexer
