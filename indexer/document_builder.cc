// Passage -> Xapian::Document, following revsearch/schema.h.
#include "revsearch/indexer/document_builder.h"

#include <nlohmann/json.hpp>

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
                                analysis::Analyzer& analyzer, const std::vector<analysis::Token>& title_tokens) {
  Xapian::Document doc;
  std::vector<analysis::Token> tokens = analyzer.analyze(passage.text);
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

  // Sentiment (issue 6): score value, label and contributing-word terms.
  sentiment::Scorer scorer(analyzer);
  sentiment::Sentiment feeling = scorer.score_tokens(passage.text, tokens, passage.lang == "ko" ? "ko" : "en");
  add_sentiment_terms(doc, feeling);

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

}  // namespace revsearch::indexer
