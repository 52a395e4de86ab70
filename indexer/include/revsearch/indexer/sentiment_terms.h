// How a passage's sentiment is stored (issue 6): score value, label term,
// contributing-word terms, and per-entity label terms for targeted sentiment.
#pragma once

#include <xapian.h>

#include <vector>

#include "revsearch/sentiment/sentiment.h"
#include "revsearch/sentiment/targeted.h"

namespace revsearch::indexer {

// Score in schema::kSlotSentiment, "XSL<label>", "XSW<search form>" per word.
void add_sentiment_terms(Xapian::Document& doc, const sentiment::Sentiment& s);

// "XSE<entity>:<label>" for each entity with a non-neutral sentiment; the
// index side of `actor:"..." sentiment:negative` (see targeted.h).
void add_entity_sentiment_terms(Xapian::Document& doc, const std::vector<sentiment::EntitySentiment>& entities);

}  // namespace revsearch::indexer
