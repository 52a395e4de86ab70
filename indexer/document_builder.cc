// Passage -> Xapian::Document, following revsearch/schema.h.
#include "revsearch/indexer/document_builder.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "revsearch/analysis/korean.h"
#include "revsearch/indexer/sentiment_terms.h"  // sentiment (issue 6)
#include "revsearch/schema.h"

namespace revsearch::indexer {

void add_text_terms(Xapian::Document& doc, const std::vector<analysis::Token>& tokens,
                    std::string_view exact_prefix, std::string_view stem_prefix, Xapian::termpos base) {
  for (const analysis::Token& token : tokens) {
    doc.add_posting(schema::prefixed(exact_prefix, token.text), base + token.position);
    // Stop words keep only their exact, positional term: phrases need them,
    // free-text queries drop them.
    if (!token.stopword) doc.add_term(schema::prefixed(stem_prefix, token.search_form()));
    // Korean (issue 4): bigrams find words inside text written without
    // spaces; 초성 keys serve the opt-in initials: query field. Body only.
    if (exact_prefix.empty() && token.script == analysis::Script::kHangul) {
      for (const std::string& bigram : analysis::token_bigrams(token)) {
        doc.add_term(schema::prefixed(schema::kHangulBigram, bigram));
      }
      std::string initials = analysis::token_initials(token);
      if (!initials.empty()) doc.add_term(schema::prefixed(schema::kInitials, initials));
    }
  }
}

Xapian::Document build_document(const Review& review, const Passage& passage,
                                const std::vector<analysis::Token>& tokens, const sentiment::Sentiment& feeling,
                                const std::vector<analysis::Token>& title_tokens) {
  Xapian::Document doc;
  add_text_terms(doc, tokens, "", schema::kStem, 1);
  add_text_terms(doc, title_tokens, schema::kTitle, schema::kTitleStem, 1);

  doc.add_boolean_term(schema::unique_id(review.id, passage.number));
  doc.add_boolean_term(schema::prefixed(schema::kReview, review.id));
  doc.add_boolean_term(schema::prefixed(schema::kLanguage, passage.lang));
  doc.add_boolean_term(schema::prefixed(schema::kKind, passage.boilerplate ? schema::kKindBoilerplate
                                                                            : schema::kKindReview));

  doc.add_value(schema::kSlotPassage, Xapian::sortable_serialise(passage.number));
  doc.add_value(schema::kSlotReview, review.id);
  if (review.rating) doc.add_value(schema::kSlotRating, Xapian::sortable_serialise(*review.rating));
  if (!review.date.empty()) doc.add_value(schema::kSlotDate, review.date);

  add_sentiment_terms(doc, feeling);  // sentiment (issue 6): score value, label and contributing-word terms

  nlohmann::json data = {
      {"review_id", review.id},
      {"passage", passage.number},
      {"title", review.title},
      {"lang", passage.lang},
      {"kind", passage.boilerplate ? schema::kKindBoilerplate : schema::kKindReview},
      {"source", review.source},
      {"text", passage.text},
  };
  if (review.rating) data["rating"] = *review.rating;
  if (!review.date.empty()) data["date"] = review.date;
  if (!review.movie_id.empty()) data["movie_id"] = review.movie_id;
  data["sentiment"] = feeling.score;                               // sentiment (issue 6)
  data["sentiment_label"] = std::string(sentiment::label_name(feeling.label));  // sentiment (issue 6)
  doc.set_data(data.dump());
  return doc;
}

// Entities (issue 5). Person terms carry the mention count as wdf so BM25
// ranks passages that dwell on a person higher.
std::vector<std::pair<std::string, std::string>> add_entities(Xapian::Document& doc,
                                                              const std::vector<entities::Mention>& mentions,
                                                              const entities::ReviewContext& context) {
  using entities::EntityKind;
  std::vector<std::pair<std::string, std::string>> names;
  std::vector<std::string> actors, characters, titles;
  auto add_name = [](std::vector<std::string>& list, const std::string& name) {
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
  };
  for (const std::string& key : context.own_title_keys()) {
    doc.add_boolean_term(schema::prefixed(schema::kTitleEntity, key));
    names.emplace_back(schema::prefixed(schema::kTitleEntity, key), context.own_title_display());
  }
  if (!context.own_title_display().empty()) add_name(titles, context.own_title_display());
  std::string own_title = context.own_title_keys().empty() ? "" : context.own_title_keys().front();
  for (const entities::Mention& m : mentions) {
    std::string term;
    switch (m.kind) {
      case EntityKind::kActor:
        term = schema::prefixed(schema::kActor, m.key);
        doc.add_term(term);
        if (!m.given_key.empty()) doc.add_term(schema::prefixed(schema::kActorGiven, m.given_key));
        add_name(actors, m.name);
        break;
      case EntityKind::kCharacter:
        term = schema::prefixed(schema::kCharacter, m.key);
        doc.add_term(term);
        if (!m.given_key.empty()) doc.add_term(schema::prefixed(schema::kCharacterGiven, m.given_key));
        if (!m.actor_key.empty()) {
          doc.add_term(schema::prefixed(schema::kActorViaCharacter, m.actor_key));
          if (!m.actor_given_key.empty()) {
            doc.add_term(schema::prefixed(schema::kActorGivenViaCharacter, m.actor_given_key));
          }
          doc.add_boolean_term(schema::prefixed(schema::kCharacterLink, own_title + "|" + m.key + "|" + m.actor_key));
        }
        add_name(characters, m.name);
        break;
      case EntityKind::kTitle:
        term = schema::prefixed(schema::kTitleEntity, m.key);
        doc.add_boolean_term(term);
        add_name(titles, m.name);
        break;
      case EntityKind::kCrew:
        continue;
    }
    names.emplace_back(term, m.name);
  }
  auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (data.is_object()) {
    data["actors"] = actors;
    data["characters"] = characters;
    data["titles"] = titles;
    doc.set_data(data.dump());
  }
  return names;
}

}  // namespace revsearch::indexer
