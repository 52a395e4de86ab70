// Review-level evidence (issue 18): a passage's review ranked as a whole
// for the query's free-text words (its review document, see
// schema::kReviewWord), and that score, weighted, added to each of its
// passages' own BM25 score, so the best passage of the best review ranks
// first.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace revsearch::query {

// The review-level terms of a query: its positive free-text stem terms
// (`Z...` -> `XW...`), each as often as the query holds it. Left out:
// what is under NOT, `-` or a filter, and phrase or NEAR words (review
// documents hold no positions).
std::vector<std::string> review_level_terms(const Xapian::Query& query);

// Whether `query` could match a review document. Those hold only review
// words (`XW...`), the `XWD` marker, their `Q` id and the review id value,
// so a query of passage terms cannot; only such a query (or one of
// unknown reach: match-all, wildcards, value ranges, posting sources)
// needs review documents excluded.
bool reaches_review_documents(const Xapian::Query& query);

// One review-level term's share of a passage's score, for --explain.
struct ReviewTermWeight {
  std::string term;
  Xapian::termcount wdf = 0;      // occurrences in the review
  Xapian::doccount termfreq = 0;  // reviews (review documents) holding it
  double weight = 0;              // BM25 weight in the review document, times the factor
  bool words_found = false;       // the words-found part: `wdf` words, `weight` their bonus
};

class ReviewEvidence {
 public:
  // Ranks the review documents for `terms` (an OR, the same `weight`
  // scheme as the passages); the first `candidates` reviews give their
  // passages `factor` times their score. Nothing when the database has no
  // review documents, `terms` is empty or `factor` is 0.
  // `found_bonus`: added for each of `terms` the review holds, as the
  // passages' query adds it for each word a passage holds
  // (weights::kEveryWordFound; 0 when the query's words are not counted):
  // a review that holds every word across its passages ranks with the
  // passages that hold them all.
  ReviewEvidence(const Xapian::Database& db, std::vector<std::string> terms, const Xapian::Weight& weight,
                 double factor, Xapian::doccount candidates, double found_bonus = 0);

  // `passage_query` over passages only: review documents excluded where
  // it could reach them.
  Xapian::Query passages(const Xapian::Query& passage_query) const;

  // `passages` with each passage's review bonus added (OP_AND_MAYBE with a
  // value-map source on the review id slot). Every match pays for the
  // source and Xapian can no longer skip weak matches, so a relevance
  // ranking uses boosted() beside passages() where it can.
  Xapian::Query apply(const Xapian::Query& passages) const;

  // When a few reviews (up to 16) have a bonus: only their passages, bonus
  // added, the hits whose score the evidence changes. Ranked beside
  // passages(), the better score of each passage counting, this gives
  // apply()'s ranking. An empty query when no review or many have one.
  Xapian::Query boosted(const Xapian::Query& passages) const;

  // The bonus of a review's passages (0 when it is not among the candidates).
  double bonus(const std::string& review_id) const;

  // The bonus split per term: the parts add up to bonus(review_id).
  std::vector<ReviewTermWeight> explain(const std::string& review_id) const;

 private:
  Xapian::Database db_;
  std::vector<std::string> terms_;
  std::unique_ptr<Xapian::Weight> weight_;
  double factor_ = 0;
  double found_bonus_ = 0;
  bool has_review_documents_ = false;
  std::unordered_map<std::string, double> bonus_;

  Xapian::Query bonus_source() const;
};

}  // namespace revsearch::query
