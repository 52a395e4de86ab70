// Sentiment about named entities (actors) in a passage: the feelings in the
// clause or sentence of a mention, or of a pronoun/possessive that refers
// back to it ("her", "his", "their", "the actress", "the actor"), as one
// opinion per sentence, so a passage can praise and criticise one person.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/sentiment/sentiment.h"

namespace revsearch::sentiment {

// Where an entity is named in the passage: byte offsets into the passage
// text and the entity's key (e.g. the actor term "han-so-hee").
struct Mention {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string entity;
  // False for a character: "the actress"/"the actor" then skip it and point
  // back to the latest performer (pronouns refer to either).
  bool performer = true;
};

struct EntitySentiment {
  std::string entity;
  double score = 0;  // -1..+1, as Sentiment::score
  Label label = Label::kNeutral;
  std::vector<WordScore> words;  // the contributions attributed to this entity
};

// One opinion: what a sentence says about one entity. A sentence split by a
// "but"/"however" inside it holds two ("improved somewhat ... but could
// feel lacking").
struct Opinion {
  std::string entity;
  std::size_t begin = 0;  // byte span of the sentence (or its part) in the passage
  std::size_t end = 0;
  double score = 0;       // -1..+1, from the words below alone
  Label label = Label::kNeutral;
  std::vector<WordScore> words;  // the contributions attributed to the entity there
};

// The opinions in text order: one per entity and sentence part that holds a
// word attributed to the entity (the rules below); parts without such a word
// hold no opinion. `full` is Scorer::score_tokens on `tokens`; the opinion
// words are its lexicon_words (kModel) or words (kRules).
std::vector<Opinion> opinions(std::string_view passage, const std::vector<analysis::Token>& tokens,
                              const Sentiment& full, const std::vector<Mention>& mentions);

// Per-entity sentiment, one entry per entity in order of first mention: all
// its opinions' words together.
// `passage` is scored once with the full rules (English or Korean, `lang` as
// for Scorer::score); each contribution is then attributed to the entity of
// its clause (a mention or a referring pronoun in the clause), else of its
// sentence when exactly one entity is referred to there. Mentions with bad
// offsets are ignored.
std::vector<EntitySentiment> targeted_sentiment(Scorer& scorer, std::string_view passage,
                                                const std::vector<Mention>& mentions, std::string_view lang = "");

// The same from what a caller already has: the passage's tokens and its
// full-rules sentiment (Scorer::score_tokens on those tokens).
std::vector<EntitySentiment> targeted_sentiment(std::string_view passage, const std::vector<analysis::Token>& tokens,
                                                const Sentiment& full, const std::vector<Mention>& mentions);

}  // namespace revsearch::sentiment
