// Phrases and NEAR groups checked against the stored passage text.
#include "revsearch/query/phrase_check.h"

#include <algorithm>
#include <optional>

#include "revsearch/passage_record.h"
#include "revsearch/schema.h"

namespace revsearch::query {
namespace {

// In order: for each start, the earliest position of each next word after
// the one before gives the shortest span from that start.
bool phrase_stands(const std::vector<std::vector<Xapian::termpos>>& positions, Xapian::termpos window) {
  for (Xapian::termpos first : positions[0]) {
    Xapian::termpos last = first;
    for (std::size_t i = 1; i < positions.size(); ++i) {
      auto next = std::upper_bound(positions[i].begin(), positions[i].end(), last);
      if (next == positions[i].end()) return false;  // no later start can do better
      last = *next;
      if (last - first >= window) break;
    }
    if (last - first < window) return true;
  }
  return false;
}

// One position per word, all different (a word listed twice needs two
// occurrences): a matching of words to positions, by augmenting paths.
using Owners = std::vector<std::pair<Xapian::termpos, std::size_t>>;  // position -> word

bool assign(std::size_t word, const std::vector<std::vector<Xapian::termpos>>& candidates, Owners& owners,
            std::vector<Xapian::termpos>& visited) {
  for (Xapian::termpos pos : candidates[word]) {
    if (std::find(visited.begin(), visited.end(), pos) != visited.end()) continue;
    visited.push_back(pos);
    auto owner = std::find_if(owners.begin(), owners.end(), [pos](const auto& o) { return o.first == pos; });
    if (owner == owners.end()) {
      owners.emplace_back(pos, word);
      return true;
    }
    std::size_t index = static_cast<std::size_t>(owner - owners.begin());
    if (assign(owners[index].second, candidates, owners, visited)) {
      owners[index].second = word;
      return true;
    }
  }
  return false;
}

// Any order: some window [start, start + window) where each word has a
// position of its own; the group's first position is one of the words'.
bool near_stands(const std::vector<std::vector<Xapian::termpos>>& positions, Xapian::termpos window) {
  std::vector<Xapian::termpos> starts;
  for (const auto& list : positions) starts.insert(starts.end(), list.begin(), list.end());
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<std::vector<Xapian::termpos>> candidates(positions.size());
  for (Xapian::termpos start : starts) {
    bool each_has_one = true;
    for (std::size_t i = 0; i < positions.size(); ++i) {
      auto from = std::lower_bound(positions[i].begin(), positions[i].end(), start);
      auto to = std::lower_bound(from, positions[i].end(), start + window);
      candidates[i].assign(from, to);
      each_has_one = each_has_one && !candidates[i].empty();
    }
    if (!each_has_one) continue;
    Owners owners;
    bool all = true;
    for (std::size_t word = 0; word < positions.size() && all; ++word) {
      std::vector<Xapian::termpos> visited;
      all = assign(word, candidates, owners, visited);
    }
    if (all) return true;
  }
  return false;
}

// The field a term's words are read from: body words have no prefix, title
// words schema::kTitle; any other prefixed term has no positions.
enum class Field { kBody, kTitle, kNone };

Field field_of(const std::string& term) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (term.empty() || !upper(term[0])) return Field::kBody;
  if (schema::has_prefix(term, schema::kTitle) && (term.size() == schema::kTitle.size() ||
                                                   !upper(term[schema::kTitle.size()]))) {
    return Field::kTitle;
  }
  return Field::kNone;
}

}  // namespace

bool positions_match(Proximity kind, const std::vector<std::vector<Xapian::termpos>>& positions,
                     Xapian::termpos window) {
  if (positions.empty()) return false;
  for (const auto& list : positions) {
    if (list.empty()) return false;
  }
  return kind == Proximity::kPhrase ? phrase_stands(positions, window) : near_stands(positions, window);
}

Xapian::Query proximity_query(Proximity kind, const std::vector<std::string>& terms, Xapian::termcount window,
                              analysis::Analyzer* words, PhraseCheck** check) {
  if (!words) {
    return Xapian::Query(kind == Proximity::kPhrase ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, terms.begin(),
                         terms.end(), window);
  }
  Xapian::Query all(Xapian::Query::OP_AND, terms.begin(), terms.end());
  auto* source = new PhraseCheck(kind, terms, window, words);
  if (check) *check = source;
  return Xapian::Query(Xapian::Query::OP_FILTER, all, Xapian::Query(source->release()));
}

PhraseCheck::PhraseCheck(Proximity kind, std::vector<std::string> terms, Xapian::termcount window,
                         analysis::Analyzer* words)
    : kind_(kind), terms_(std::move(terms)), window_(window), words_(words) {}

PhraseCheck* PhraseCheck::clone() const {
  auto* copy = new PhraseCheck(kind_, terms_, window_, words_);
  copy->deferred_ = deferred_;
  return copy;
}

void PhraseCheck::init(const Xapian::Database& db) {
  db_ = db;
  postings_.clear();
  ends_.clear();
  current_ = 0;
  on_match_ = false;
  at_end_ = terms_.empty();
  rarest_ = 0;
  std::vector<std::pair<Xapian::doccount, std::string>> by_frequency;
  for (const std::string& term : terms_) by_frequency.emplace_back(db.get_termfreq(term), term);
  std::sort(by_frequency.begin(), by_frequency.end());
  by_frequency.erase(std::unique(by_frequency.begin(), by_frequency.end()), by_frequency.end());
  for (const auto& [frequency, term] : by_frequency) {
    postings_.push_back(db.postlist_begin(term));
    ends_.push_back(db.postlist_end(term));
  }
  if (!by_frequency.empty()) rarest_ = by_frequency.front().first;
  if (rarest_ == 0) at_end_ = true;
  records_ = db.valuestream_begin(schema::kSlotRecord);
}

bool PhraseCheck::holds_all(Xapian::docid did, Xapian::docid& next_candidate) {
  next_candidate = 0;
  for (std::size_t i = 0; i < postings_.size(); ++i) {
    postings_[i].skip_to(did);
    if (postings_[i] == ends_[i]) return false;
    if (*postings_[i] != did) {
      next_candidate = *postings_[i];
      return false;
    }
  }
  return true;
}

bool PhraseCheck::stands(Xapian::docid did) {
  if (deferred_) return true;
  if (records_ == db_.valuestream_end(schema::kSlotRecord)) return false;
  records_.skip_to(did);
  if (records_ == db_.valuestream_end(schema::kSlotRecord) || records_.get_docid() != did) return false;
  std::optional<PassageRecord> record = PassageRecord::decode(*records_);
  return record && stands_in(*record);
}

bool PhraseCheck::stands_in(const PassageRecord& record) const {
  std::optional<std::vector<analysis::Token>> body, title;
  std::vector<std::vector<Xapian::termpos>> positions(terms_.size());
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    Field field = field_of(terms_[i]);
    if (field == Field::kNone) return false;
    std::optional<std::vector<analysis::Token>>& read = field == Field::kBody ? body : title;
    if (!read) read = words_->words(field == Field::kBody ? record.text : record.title);
    std::string_view word = terms_[i];
    if (field == Field::kTitle) word.remove_prefix(schema::kTitle.size());
    // As the indexer numbers them (indexer/document_builder.cc): from 1.
    for (const analysis::Token& token : *read) {
      if (token.text == word) positions[i].push_back(token.position + 1);
    }
    if (positions[i].empty()) return false;
    std::sort(positions[i].begin(), positions[i].end());
  }
  return positions_match(kind_, positions, window_);
}

void PhraseCheck::advance(Xapian::docid from) {
  on_match_ = false;
  Xapian::docid did = from;
  while (!at_end_) {
    Xapian::docid next_candidate = 0;
    if (holds_all(did, next_candidate)) {
      if (stands(did)) {
        current_ = did;
        on_match_ = true;
        return;
      }
      ++did;
    } else if (next_candidate == 0) {
      at_end_ = true;
    } else {
      did = next_candidate;
    }
  }
}

void PhraseCheck::next(double) {
  on_match_ = false;
  advance(current_ + 1);
}

void PhraseCheck::skip_to(Xapian::docid did, double) {
  if (at_end_ || (on_match_ && did <= current_)) return;
  advance(did > current_ ? did : current_ + 1);
}

bool PhraseCheck::check(Xapian::docid did, double) {
  if (at_end_) return true;
  Xapian::docid next_candidate = 0;
  bool holds = holds_all(did, next_candidate);
  if (!holds && next_candidate == 0) {
    at_end_ = true;
    return true;
  }
  // When it does not stand, the position is `did`, as Xapian allows: the
  // next move goes past it.
  current_ = did;
  on_match_ = holds && stands(did);
  return on_match_;
}

bool PhraseCheck::at_end() const { return at_end_; }

Xapian::docid PhraseCheck::get_docid() const { return current_; }

Xapian::doccount PhraseCheck::get_termfreq_min() const { return 0; }

// As Xapian estimates its own phrase and NEAR postings: half their AND.
// Deferred, it passes the AND: the words' postings lead, not this source.
Xapian::doccount PhraseCheck::get_termfreq_est() const { return deferred_ ? rarest_ : rarest_ / 2; }

Xapian::doccount PhraseCheck::get_termfreq_max() const { return rarest_; }

std::string PhraseCheck::get_description() const {
  std::string out = kind_ == Proximity::kPhrase ? "PhraseCheck(phrase " : "PhraseCheck(near ";
  out += std::to_string(window_);
  for (const std::string& term : terms_) out += " " + term;
  return out + ")";
}

PhraseDecider::PhraseDecider(std::vector<PhraseCheck*> checks) : checks_(std::move(checks)) {
  for (PhraseCheck* check : checks_) check->defer();
}

bool PhraseDecider::operator()(const Xapian::Document& doc) const {
  std::optional<PassageRecord> record = PassageRecord::decode(doc.get_value(schema::kSlotRecord));
  if (!record) return false;
  return std::all_of(checks_.begin(), checks_.end(),
                     [&record](const PhraseCheck* check) { return check->stands_in(*record); });
}

}  // namespace revsearch::query
