// Passage -> Xapian::Document, following revsearch/schema.h.
#include "revsearch/indexer/document_builder.h"

#include <algorithm>

#include "revsearch/analysis/korean.h"
#include "revsearch/indexer/sentiment_terms.h"  // sentiment (issue 6)
#include "revsearch/schema.h"

namespace revsearch::indexer {

void add_text_terms(Xapian::Document& doc, const std::vector<analysis::Token>& tokens,
                    std::string_view exact_prefix, std::string_view stem_prefix, Xapian::termpos base) {
  for (const analysis::Token& token : tokens) {
    if (base) {
      doc.add_posting(schema::prefixed(exact_prefix, token.text), base + token.position);
    } else {
      doc.add_term(schema::prefixed(exact_prefix, token.text));
    }
    // Stop words keep only their exact, positional term: phrases need them,
    // free-text queries drop them.
    if (!token.stopword) doc.add_term(schema::prefixed(stem_prefix, token.search_form()));
    // Korean words written without spaces after the first (뻔한스토리 -> 스토리).
    for (const std::string& stem : token.run_stems) doc.add_term(schema::prefixed(stem_prefix, stem));
    // Korean (issue 4): bigrams find words inside text written without
    // spaces, for the words the lexicon cannot stem. Body only.
    if (exact_prefix.empty()) {
      for (const std::string& bigram : analysis::token_bigrams(token)) {
        doc.add_term(schema::prefixed(schema::kHangulBigram, bigram));
      }
    }
  }
}

Xapian::Document build_document(const Review& review, const Passage& passage,
                                const std::vector<analysis::Token>& tokens, const sentiment::Sentiment& feeling,
                                const std::vector<analysis::Token>& title_tokens, bool positions) {
  Xapian::Document doc;
  // Positions count from 1; query/phrase_check.cc numbers words the same way.
  const Xapian::termpos base = positions ? 1 : 0;
  add_text_terms(doc, tokens, "", schema::kStem, base);
  add_text_terms(doc, title_tokens, schema::kTitle, schema::kTitleStem, base);

  doc.add_boolean_term(schema::unique_id(review.id, passage.number));
  doc.add_boolean_term(schema::prefixed(schema::kLanguage, passage.lang));
  if (passage.boilerplate) doc.add_boolean_term(schema::prefixed(schema::kKind, schema::kKindBoilerplate));

  if (review.rating) doc.add_value(schema::kSlotRating, Xapian::sortable_serialise(*review.rating));
  doc.add_value(schema::kSlotOrder, schema::order_key(review.id, passage.number));
  add_sentiment_terms(doc, feeling);  // sentiment (issue 6): score value and label term
  return doc;
}

PassageRecord passage_record(const Review& review, const Passage& passage, const sentiment::Sentiment& feeling) {
  PassageRecord record;
  record.review_id = review.id;
  record.passage = passage.number;
  record.rating = review.rating;
  record.sentiment = feeling.score;
  record.text = passage.text;
  record.title = review.title;
  record.lang = passage.lang;
  record.boilerplate = passage.boilerplate;
  auto [file, line] = split_source(review.source);
  record.source_file = file.empty() ? 0 : source_key(file);
  record.source_line = line;
  record.date = review.date;
  record.movie_id = review.movie_id;
  record.sentiment_label = std::string(sentiment::label_name(feeling.label));
  return record;
}

std::pair<std::string_view, std::uint64_t> split_source(std::string_view source) {
  std::size_t colon = source.rfind(':');
  if (colon == std::string_view::npos) return {source, 0};
  std::uint64_t line = 0;
  for (char c : source.substr(colon + 1)) {
    if (c < '0' || c > '9' || line > (UINT64_MAX - 9) / 10) return {source, 0};
    line = line * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return {source.substr(0, colon), line};
}

// Entities (issue 5). Person terms carry the mention count as wdf so BM25
// ranks passages that dwell on a person higher.
std::vector<std::pair<std::string, std::string>> add_entities(Xapian::Document& doc,
                                                              const std::vector<entities::Mention>& mentions,
                                                              const entities::ReviewContext& context,
                                                              PassageRecord& record) {
  using entities::EntityKind;
  std::vector<std::pair<std::string, std::string>> names;
  auto add_name = [](std::vector<std::string>& list, const std::string& name) {
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
  };
  for (const std::string& key : context.own_title_keys()) {
    doc.add_boolean_term(schema::prefixed(schema::kTitleEntity, key));
    names.emplace_back(schema::prefixed(schema::kTitleEntity, key), context.own_title_display());
  }
  if (!context.own_title_display().empty()) add_name(record.titles, context.own_title_display());
  std::string own_title = context.own_title_keys().empty() ? "" : context.own_title_keys().front();
  for (const entities::Mention& m : mentions) {
    std::string term;
    switch (m.kind) {
      case EntityKind::kActor:
        term = schema::prefixed(schema::kActor, m.key);
        doc.add_term(term);
        if (!m.given_key.empty()) doc.add_term(schema::prefixed(schema::kActorGiven, m.given_key));
        add_name(record.actors, m.name);
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
        add_name(record.characters, m.name);
        break;
      case EntityKind::kTitle:
        term = schema::prefixed(schema::kTitleEntity, m.key);
        doc.add_boolean_term(term);
        add_name(record.titles, m.name);
        break;
      case EntityKind::kCrew:
        term = schema::prefixed(schema::kCrew, m.key);
        doc.add_term(term);
        break;
    }
    names.emplace_back(term, m.name);
  }
  return names;
}

}  // namespace revsearch::indexer
