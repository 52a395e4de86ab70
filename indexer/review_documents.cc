// Review -> passages -> documents, stamped with the review's content hash.
#include "revsearch/indexer/review_documents.h"

#include <cstdio>
#include <cstring>

#include "revsearch/facet_terms.h"
#include "revsearch/indexer/document_builder.h"
#include "revsearch/indexer/review_level.h"
#include "revsearch/indexer/sentiment_terms.h"
#include "revsearch/schema.h"

namespace revsearch::indexer {

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t content_hash(const Review& review) {
  // Length-prefixed fields, so ("ab","c") and ("a","bc") differ.
  std::uint64_t h = 14695981039346656037ull;
  auto field = [&h](std::string_view value) {
    h = fnv1a64(std::to_string(value.size()) + ":", h);
    h = fnv1a64(value, h);
  };
  field(review.id);
  field(review.text);
  field(review.title);
  field(review.lang);
  field(review.date);
  field(review.movie_id);
  field(review.rating ? std::to_string(*review.rating) : std::string());
  field(review.source);
  return h;
}

std::string content_stamp(std::uint64_t hash, std::size_t passages) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(buf) + ":" + std::to_string(passages);
}

ReviewDocuments documents_for(const Review& review, ReviewAnalysis& analysis) {
  ReviewDocuments out;
  out.review_id = review.id;
  SplitReview split = analysis.splitter.split(review);
  std::vector<analysis::Token> title_tokens = analysis.analyzer.analyze(review.title);
  std::string stamp = content_stamp(content_hash(review), split.passages.size());
  out.documents.reserve(split.passages.size());
  entities::ReviewContext entity_context(review.title);  // issue 5: names carry across passages
  ReviewLevelTerms review_terms;  // review-level evidence for ranking
  bool film = analysis.catalog && !review.movie_id.empty() && analysis.catalog->film(review.movie_id);
  for (const Passage& passage : split.passages) {
    // Analysed and scored once: the terms, the passage sentiment and the
    // targeted sentiment all read the same tokens.
    std::vector<analysis::Token> tokens = analysis.analyzer.analyze(passage.text);
    sentiment::Sentiment feeling =
        analysis.scorer.score_tokens(passage.text, tokens, sentiment_language(passage), sentiment::Method::kModel, false);
    Xapian::Document doc = build_document(review, passage, tokens, feeling, title_tokens, analysis.positions);
    PassageRecord record = passage_record(review, passage, feeling);
    std::vector<entities::Mention> mentions = analysis.recognizer.find_mentions(passage.text, entity_context);
    for (auto& [term, name] : add_entities(doc, mentions, entity_context, record)) {
      out.metadata.emplace_back(std::string(schema::kEntityNameMetadata) + term, std::move(name));
    }
    for (sentiment::Opinion& o : add_person_sentiment(doc, passage.text, tokens, feeling, mentions)) {
      if (o.label == sentiment::Label::kNeutral) continue;
      record.opinions.push_back({std::move(o.entity), std::string(sentiment::label_name(o.label)),
                                 static_cast<std::uint32_t>(o.begin), static_cast<std::uint32_t>(o.end), o.score});
    }
    // Several passages: they name their review, and collapse to one hit.
    if (split.passages.size() > 1) {
      doc.add_boolean_term(schema::prefixed(schema::kReview, review.id));
      doc.add_value(schema::kSlotReview, review.id);
    }
    if (passage.number == 1) doc.add_value(schema::kSlotContentHash, stamp);
    // The film, once per passage: title:, cast:, genre:, year: reach it
    // through the catalogue stored in the database.
    if (film) doc.add_boolean_term(schema::prefixed(schema::kMovie, review.movie_id));
    if (std::string facets = facet_terms_value(doc); !facets.empty()) doc.add_value(schema::kSlotFacets, facets);
    doc.add_value(schema::kSlotRecord, record.encode());
    out.documents.push_back(std::move(doc));
    out.boilerplate += passage.boilerplate;
    if (!passage.boilerplate) review_terms.add(tokens);
  }
  if (auto [file, line] = split_source(review.source); !file.empty()) {
    out.metadata.emplace_back(source_metadata_key(source_key(file)), std::string(file));
  }
  if (split.passages.size() >= 2) out.review_document = review_terms.document(review);
  out.duplicates = split.duplicates;
  return out;
}

}  // namespace revsearch::indexer
