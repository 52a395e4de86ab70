// Opinions about the people a passage names: the entity recognizer's actor
// and character mentions, keyed as the index keys sentiment about people
// (schema::person_sentiment_entity), shared by the indexer and the snippets.
#pragma once

#include <string_view>
#include <vector>

#include "revsearch/analysis/token.h"
#include "revsearch/entities/recognizer.h"
#include "revsearch/sentiment/targeted.h"

namespace revsearch::sentiment {

// Each opinion (see targeted.h) about an actor ("han-so-hui") or a character
// ("character:eun-su"; characters are entities of their own, so "Eun Soo is
// struggling" is not credited to the actress named beside her), and a copy
// under the given name ("given:so-hui") when the mention has one. `feeling`
// is Scorer::score_tokens on `tokens`.
std::vector<Opinion> person_opinions(std::string_view text, const std::vector<analysis::Token>& tokens,
                                     const Sentiment& feeling, const std::vector<entities::Mention>& mentions);

}  // namespace revsearch::sentiment
