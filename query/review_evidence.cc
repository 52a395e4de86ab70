// Review-level evidence (issue 18): review documents ranked for the
// query, their scores added to their passages' through a value-map source.
#include "revsearch/query/review_evidence.h"

#include <memory>
#include <set>

#include "revsearch/query/query_reach.h"
#include "revsearch/schema.h"

namespace revsearch::query {
namespace {

void collect(const Xapian::Query& query, std::vector<std::string>& out) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      std::string term = *query.get_terms_begin();
      if (schema::has_prefix(term, schema::kStem)) {
        out.push_back(schema::prefixed(schema::kReviewWord, std::string_view(term).substr(schema::kStem.size())));
      }
      return;
    }
    case Xapian::Query::OP_AND_NOT:  // the right side excludes
    case Xapian::Query::OP_FILTER:   // the right side only filters
      if (query.get_num_subqueries() > 0) collect(query.get_subquery(0), out);
      return;
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
    case Xapian::Query::OP_WILDCARD:
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE:
      return;
    default:  // OR, AND, AND_MAYBE, SYNONYM, SCALE_WEIGHT, ...: every side scores
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect(query.get_subquery(i), out);
  }
}

}  // namespace

bool reaches_review_documents(const Xapian::Query& query) {
  return can_reach(query, [](const std::string& term) {
    return schema::has_prefix(term, schema::kReviewWord) || schema::has_prefix(term, schema::kUniqueId);
  });
}

std::vector<std::string> review_level_terms(const Xapian::Query& query) {
  std::vector<std::string> out;
  collect(query, out);
  return out;
}

ReviewEvidence::ReviewEvidence(const Xapian::Database& db, std::vector<std::string> terms,
                               const Xapian::Weight& weight, double factor, Xapian::doccount candidates,
                               double found_bonus)
    : db_(db), terms_(std::move(terms)), weight_(weight.clone()), factor_(factor), found_bonus_(found_bonus) {
  has_review_documents_ = db_.term_exists(std::string(schema::kReviewDocument));
  if (!has_review_documents_ || terms_.empty() || factor_ <= 0) return;
  std::vector<Xapian::Query> leaves;
  std::set<std::string> counted;
  for (const std::string& term : terms_) {
    if (found_bonus_ > 0 && counted.insert(term).second) {
      // The bonus is scaled by `factor` with the rest of the review's weight.
      leaves.push_back(Xapian::Query(Xapian::Query::OP_AND,
                                     Xapian::Query((new Xapian::FixedWeightPostingSource(found_bonus_ / factor_))->release()),
                                     Xapian::Query(term)));
    } else {
      leaves.emplace_back(term);
    }
  }
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, leaves.begin(), leaves.end()));
  enquire.set_weighting_scheme(*weight_);
  enquire.set_sort_by_relevance_then_value(schema::kSlotReview, false);  // the same candidates in every layout
  Xapian::MSet reviews = enquire.get_mset(0, candidates);
  for (auto it = reviews.begin(); it != reviews.end(); ++it) {
    bonus_[it.get_document().get_value(schema::kSlotReview)] = factor_ * it.get_weight();
  }
}

Xapian::Query ReviewEvidence::passages(const Xapian::Query& passage_query) const {
  if (!has_review_documents_ || !reaches_review_documents(passage_query)) return passage_query;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, passage_query, Xapian::Query(std::string(schema::kReviewDocument)));
}

Xapian::Query ReviewEvidence::bonus_source() const {
  auto* source = new Xapian::ValueMapPostingSource(schema::kSlotReview);
  for (const auto& [review_id, bonus] : bonus_) source->add_mapping(review_id, bonus);
  return Xapian::Query(source->release());
}

Xapian::Query ReviewEvidence::apply(const Xapian::Query& passages) const {
  if (bonus_.empty()) return passages;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, passages, bonus_source());
}

Xapian::Query ReviewEvidence::boosted(const Xapian::Query& passages) const {
  // The source alone would match every passage of every review with
  // several: the few reviews' own terms narrow it down. (Opening many
  // reviews' terms costs more than apply()'s source on every match.)
  constexpr std::size_t kFewReviews = 16;
  if (bonus_.empty() || bonus_.size() > kFewReviews) return {};
  std::vector<Xapian::Query> reviews;
  for (const auto& entry : bonus_) reviews.emplace_back(schema::prefixed(schema::kReview, entry.first));
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, passages, bonus_source()),
                       Xapian::Query(Xapian::Query::OP_OR, reviews.begin(), reviews.end()));
}

double ReviewEvidence::bonus(const std::string& review_id) const {
  auto it = bonus_.find(review_id);
  return it == bonus_.end() ? 0.0 : it->second;
}

std::vector<ReviewTermWeight> ReviewEvidence::explain(const std::string& review_id) const {
  std::vector<ReviewTermWeight> out;
  if (bonus(review_id) == 0) return out;
  std::string unique = schema::unique_id(review_id, schema::kReviewDocumentPassage);
  Xapian::PostingIterator doc = db_.postlist_begin(unique);
  if (doc == db_.postlist_end(unique)) return out;
  for (const std::string& term : terms_) {
    ReviewTermWeight part{term, 0, db_.get_termfreq(term), 0.0};
    Xapian::PostingIterator p = db_.postlist_begin(term);
    if (p != db_.postlist_end(term)) {
      p.skip_to(*doc);
      if (p != db_.postlist_end(term) && *p == *doc) part.wdf = p.get_wdf();
    }
    if (part.wdf > 0) {
      Xapian::Enquire enquire(db_);
      enquire.set_weighting_scheme(*weight_);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), Xapian::Query(unique)),
                                      factor_));
      Xapian::MSet m = enquire.get_mset(0, 1);
      if (!m.empty()) part.weight = m.begin().get_weight();
    }
    out.push_back(std::move(part));
  }
  if (found_bonus_ > 0) {
    std::set<std::string> held;
    for (const ReviewTermWeight& part : out) {
      if (part.wdf > 0) held.insert(part.term);
    }
    ReviewTermWeight found{"", static_cast<Xapian::termcount>(held.size()), 0, found_bonus_ * static_cast<double>(held.size()), true};
    if (!held.empty()) out.push_back(std::move(found));
  }
  return out;
}

}  // namespace revsearch::query
