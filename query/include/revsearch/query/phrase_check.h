// Phrases and NEAR groups on passages whose words carry no positions.
//
// Positional postings were a quarter of the compacted index and of the
// indexing writer's work (ARCHITECTURE.md, "The index budget"), for the
// few queries that hold a phrase. So a phrase is the AND of its words,
// which gives it the weight Xapian's OP_PHRASE gives (the sum of its
// words' weights), filtered by PhraseCheck: a boolean posting source that
// reads a candidate passage's stored record and finds the words, in the
// text analysed again as the indexer analysed it, at the positions the
// phrase needs. The same passages match, with the same scores, as with
// positional postings; a candidate costs one record read and one word
// breaking.
//
// A database indexed with `index --positions` keeps positional postings
// (schema::kPositionsKey) and is searched with Xapian's own operators;
// so are remote shards, whose server knows no posting source of ours.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/passage_record.h"

namespace revsearch::query {

enum class Proximity {
  kPhrase,  // in order, each word after the one before, last - first < window
  kNear,    // in any order, last - first < window
};

// Whether words found at these positions (`positions[i]`: where the i-th
// word of the group occurs, ascending) satisfy the group, each word taking
// a position of its own, as Xapian's phrase and NEAR operators decide.
bool positions_match(Proximity kind, const std::vector<std::vector<Xapian::termpos>>& positions,
                     Xapian::termpos window);

class PhraseCheck;

// The query for a phrase or NEAR group of `terms` (exact terms: body words
// unprefixed, title words schema::kTitle): Xapian's OP_PHRASE / OP_NEAR
// when `words` is null, else the AND of the terms filtered by a
// PhraseCheck that re-reads passages with `words` (which must outlive the
// query and not be used by anything else while it runs), returned in
// `check` if asked for.
Xapian::Query proximity_query(Proximity kind, const std::vector<std::string>& terms, Xapian::termcount window,
                              analysis::Analyzer* words, PhraseCheck** check = nullptr);

// The boolean posting source behind proximity_query: the passages that hold
// every term (the rarest one's postings lead) where the terms stand as
// `kind` and `window` require. Local databases only (it has no name a
// remote server could know it by).
class PhraseCheck : public Xapian::PostingSource {
 public:
  PhraseCheck(Proximity kind, std::vector<std::string> terms, Xapian::termcount window, analysis::Analyzer* words);

  // From now on this source passes every passage that holds the words: a
  // PhraseDecider makes the check, on the passages that could make the
  // page. Only for a phrase every match must hold; before the match runs.
  void defer() { deferred_ = true; }
  // Whether the passage's words stand as the group requires.
  bool stands_in(const PassageRecord& record) const;

  PhraseCheck* clone() const override;
  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override;
  Xapian::doccount get_termfreq_min() const override;
  Xapian::doccount get_termfreq_est() const override;
  Xapian::doccount get_termfreq_max() const override;
  std::string get_description() const override;

 private:
  // Whether every term is in `did`'s postings (the iterators move there).
  bool holds_all(Xapian::docid did, Xapian::docid& next_candidate);
  // Whether `did`'s words stand as the group requires (always, deferred).
  bool stands(Xapian::docid did);
  void advance(Xapian::docid from);

  Proximity kind_;
  std::vector<std::string> terms_;
  Xapian::termcount window_;
  analysis::Analyzer* words_;

  Xapian::Database db_;
  std::vector<Xapian::PostingIterator> postings_;  // one per term, the rarest first
  std::vector<Xapian::PostingIterator> ends_;
  Xapian::ValueIterator records_;
  Xapian::doccount rarest_ = 0;
  Xapian::docid current_ = 0;
  bool on_match_ = false;  // current_ holds the group (not just a failed check)
  bool at_end_ = false;
  bool deferred_ = false;
};

// Xapian calls a match decider only for the passages that weigh enough to
// make the page (those that could not are skipped first), so checking the
// phrases every match must hold here, not in their PhraseCheck, costs a
// record read for a few hundred passages instead of every one that holds
// the words. Defers the checks it is given.
class PhraseDecider : public Xapian::MatchDecider {
 public:
  explicit PhraseDecider(std::vector<PhraseCheck*> checks);
  bool operator()(const Xapian::Document& doc) const override;

 private:
  std::vector<PhraseCheck*> checks_;
};

}  // namespace revsearch::query
