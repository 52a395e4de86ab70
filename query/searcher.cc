// BM25 ranking over passages: boilerplate filtered out unless asked for,
// one hit per review and per distinct text unless all passages are
// wanted, with snippets,
// explanations and spelling suggestions.
#include "revsearch/query/searcher.h"

#include <algorithm>

#include <unordered_map>
#include <unordered_set>

#include <spdlog/spdlog.h>

#include "revsearch/cluster/shard_list.h"
#include "revsearch/errors.h"
#include "revsearch/query/database.h"
#include "revsearch/query/phrase_check.h"
#include "revsearch/query/query_reach.h"
#include "revsearch/query/spelling.h"
#include "revsearch/query/words_together.h"
#include "revsearch/schema.h"

namespace revsearch::query {

Searcher::Searcher(const std::string& db_path, const cluster::ConnectOptions& connect)
    : db_path_(db_path), connect_(connect), opened_(open_shards(db_path, OpenOptions{FormatCheck::kCurrent, connect})),
      db_(opened_.db) {}

const entities::Catalog* Searcher::catalog() {
  if (!catalog_) catalog_ = entities::Catalog::decode(db_.get_metadata(std::string(schema::kCatalogMetadata)));
  return catalog_->empty() ? nullptr : &*catalog_;
}

const analysis::VariantTable* Searcher::synonyms() {
  if (!synonyms_) {
    std::string text = Metadata(opened_.parts).get(std::string(schema::kSynonymsMetadata));
    try {
      synonyms_ = analysis::VariantTable::parse(text);
    } catch (const analysis::VariantsError&) {
      synonyms_ = analysis::VariantTable();  // written by hand, not by `revsearch synonyms`: searched without
    }
  }
  return synonyms_->groups() ? &*synonyms_ : nullptr;
}

const Searcher::PhraseMode& Searcher::phrase_mode() {
  if (!phrase_mode_) {
    bool remote = cluster::any_remote(opened_.shards);
    bool positions = Metadata(opened_.parts).get(std::string(schema::kPositionsKey)) == "1";
    phrase_mode_ = PhraseMode{positions || remote, remote && !positions};
  }
  return *phrase_mode_;
}

const std::optional<entities::Film>& Searcher::film(const std::string& movie_id) {
  auto [it, fresh] = films_.try_emplace(movie_id);
  if (fresh) it->second = entities::Catalog::decode_film(db_.get_metadata(std::string(schema::kFilmMetadata) + movie_id));
  return it->second;
}

namespace {

// Whether a query or its facets read the film catalogue.
bool needs_catalog(std::string_view query, const std::vector<std::string>& facets) {
  for (std::string_view field : {"title:", "cast:", "genre:", "year:"}) {
    if (query.find(field) != std::string_view::npos) return true;
  }
  return std::any_of(facets.begin(), facets.end(),
                     [](const std::string& f) { return f == "genre" || f == "year" || f == "film"; });
}

std::string boilerplate_term() { return schema::prefixed(schema::kKind, schema::kKindBoilerplate); }

// Equal scores in review id, then passage order (schema::kSlotOrder): the
// same in every layout of the same passages, where document ids are not.
void ordered_by_relevance(Xapian::Enquire& enquire) {
  enquire.set_sort_by_relevance_then_value(schema::kSlotOrder, false);
}

// Better score first; equal scores as ordered_by_relevance orders them.
bool ranks_before(const RankedMatch& x, const RankedMatch& y) {
  return x.weight > y.weight || (x.weight == y.weight && x.sort_key < y.sort_key);
}

// The matches. (Not their documents through MSet::fetch, which would ask a
// remote shard for all of them at once: Xapian 1.4.22 crashes fetching the
// items of an MSet that starts past its first match, --offset with
// --all-passages.)
std::vector<RankedMatch> matches_of(const Xapian::MSet& mset) {
  std::vector<RankedMatch> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    out.push_back({*it, it.get_weight(), it.get_collapse_count(), it.get_collapse_key(), it.get_sort_key(), false, {}});
  }
  return out;
}

// Two rankings of the same passages, where one gives some of them a
// better score: each passage once with its better score, one per collapse
// key, best first (ties by review id and passage, as ordered_by_relevance
// orders them), at most `limit`.
std::vector<RankedMatch> merge_rankings(std::vector<RankedMatch> a, std::vector<RankedMatch> b, std::size_t limit) {
  a.insert(a.end(), std::make_move_iterator(b.begin()), std::make_move_iterator(b.end()));
  std::sort(a.begin(), a.end(), ranks_before);
  std::vector<RankedMatch> out;
  std::unordered_map<Xapian::docid, std::size_t> by_docid;
  std::unordered_map<std::string, std::size_t> by_key;
  for (RankedMatch& m : a) {
    auto seen = by_docid.find(m.docid);
    if (seen == by_docid.end() && !m.collapse_key.empty()) {
      if (auto k = by_key.find(m.collapse_key); k != by_key.end()) seen = by_docid.find(out[k->second].docid);
    }
    if (seen != by_docid.end()) {
      out[seen->second].collapsed = std::max(out[seen->second].collapsed, m.collapsed);
      continue;
    }
    by_docid.emplace(m.docid, out.size());
    if (!m.collapse_key.empty()) by_key.emplace(m.collapse_key, out.size());
    out.push_back(std::move(m));
  }
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace

SearchResult Searcher::search(const std::string& query_text, const SearchOptions& options) {
  for (int attempt = 0;; ++attempt) {
    try {
      SearchResult result = run(query_text, options);
      result.missing_shards = opened_.missing;
      return result;
    } catch (const Xapian::NetworkError& e) {
      // A remote shard stopped answering (down, restarted, too slow): name
      // it; with allow_partial, search again without it.
      const cluster::Shard* shard = cluster::failed_shard(e, opened_.shards, std::min(connect_.timeout_s, 5.0));
      std::string what = shard ? cluster::shard_failure(*shard, e) : e.get_description();
      if (!connect_.allow_partial || !shard || attempt == 3) throw DatabaseError("database '" + db_path_ + "': " + what);
      std::string name = shard->name;
      std::vector<std::string> skip;
      for (const auto& missing : opened_.missing) skip.push_back(missing.name);
      skip.push_back(name);
      std::vector<cluster::MissingShard> reasons = opened_.missing;
      reasons.push_back({name, what});
      opened_ = open_shards(db_path_, OpenOptions{FormatCheck::kCurrent, connect_}, skip);
      for (const cluster::MissingShard& now_missing : opened_.missing) {  // keep the first reason given for each
        bool known = false;
        for (const cluster::MissingShard& r : reasons) known = known || r.name == now_missing.name;
        if (!known) reasons.push_back(now_missing);
      }
      opened_.missing = std::move(reasons);
      db_ = opened_.db;
      phrase_mode_.reset();
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed while we read: reopen and retry (a few times).
      if (attempt == 3) throw DatabaseError("database kept changing during the search; try again");
      db_.reopen();
    } catch (const Xapian::Error& e) {
      throw DatabaseError("database '" + db_path_ + "': search failed: " + e.get_description());
    }
  }
}

// Boilerplate passages are few, so asking whether the query reaches any of
// them is cheap where excluding them (AND_NOT) is work on every match.
// First by their terms (can_reach over the terms any of them holds), then,
// when it could, by a match restricted to their postings.
bool Searcher::matches_boilerplate(const Xapian::Query& query) {
  const std::string kind = boilerplate_term();
  const Xapian::doccount count = db_.get_termfreq(kind);
  if (count == 0) return false;
  // Term lists are read one round trip each from a remote shard, and a
  // serving copy has none.
  constexpr Xapian::doccount kReadTermsUpTo = 32;
  bool local = !cluster::any_remote(opened_.shards);
  if (local && count <= kReadTermsUpTo) {
    try {
      std::unordered_set<std::string> held;
      for (auto doc = db_.postlist_begin(kind); doc != db_.postlist_end(kind); ++doc) {
        for (auto term = db_.termlist_begin(*doc); term != db_.termlist_end(*doc); ++term) held.insert(*term);
      }
      if (!can_reach(query, [&](const std::string& term) { return held.count(term) > 0; })) return false;
    } catch (const Xapian::FeatureUnavailableError&) {
      // No term lists (compact --search-only): ask the postings below.
    }
  }
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(kind)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

// The matches from `first`, at most `fetch`, each scored with its review's
// bonus; the estimate and the facets go into `result`.
std::vector<RankedMatch> Searcher::rank(const Xapian::Query& query, const ReviewEvidence& evidence,
                                        const ParsedQuery& parsed, const entities::Catalog* catalog,
                                        const std::string& query_text, Xapian::doccount first, Xapian::doccount fetch,
                                        const SearchOptions& options, const PhraseDecider* phrases,
                                        SearchResult& result) {
  Xapian::Query passages = evidence.passages(query);
  // Ranked by relevance, the passages of the few reviews that the evidence
  // lifts are a second, small match (ReviewEvidence::boosted), so the main
  // one stays plain and Xapian can skip its weak matches.
  const bool by_relevance = options.sentiment_sort == SearchOptions::SentimentSort::kNone;
  Xapian::Query boosted = by_relevance ? evidence.boosted(passages) : Xapian::Query();
  Xapian::Query main = boosted.empty() ? evidence.apply(passages) : passages;
  spdlog::debug("Xapian query: {}", main.get_description());
  if (!boosted.empty()) spdlog::debug("Xapian query (review evidence): {}", boosted.get_description());
  if (phrases && boosted.empty() && by_relevance && options.facets.empty()) {
    if (auto best = rank_checking_the_best(main, *phrases, first, fetch, options, result)) return std::move(*best);
  }
  Xapian::Enquire enquire(db_);
  enquire.set_query(main);
  enquire.set_weighting_scheme(options.passage_weighting());
  if (!by_relevance) {  // sentiment (issue 6)
    enquire.set_sort_by_value_then_relevance(schema::kSlotSentiment,
                                             options.sentiment_sort == SearchOptions::SentimentSort::kDescending);
  } else {
    ordered_by_relevance(enquire);
  }
  if (!options.all_passages) enquire.set_collapse_key(schema::kSlotReview);
  FacetCounter facets(options.facets, parsed.opinions.people);
  facets.attach(enquire);
  Xapian::MSet mset = enquire.get_mset(boosted.empty() ? first : 0, boosted.empty() ? fetch : first + fetch,
                                       options.facets.empty() ? 0 : options.facet_sample, nullptr, phrases);
  result.facets = facets.results(Metadata(opened_.parts), query_text, catalog);
  result.total_estimate = mset.get_matches_estimated();
  std::vector<RankedMatch> matches = matches_of(mset);
  if (!boosted.empty()) {
    Xapian::Enquire lifted(db_);
    lifted.set_query(boosted);
    lifted.set_weighting_scheme(options.passage_weighting());
    ordered_by_relevance(lifted);
    if (!options.all_passages) lifted.set_collapse_key(schema::kSlotReview);
    matches = merge_rankings(std::move(matches), matches_of(lifted.get_mset(0, first + fetch, 0, nullptr, phrases)),
                             first + fetch);
    matches.erase(matches.begin(), matches.begin() + std::min<std::size_t>(first, matches.size()));
  }
  return matches;
}

// The phrases every match must hold, checked on the best matches of their
// words alone: when the best four pages' worth hold enough passages that
// stand as the phrases ask, the page is those, in the same order and
// collapsed the same way as a match with the decider gives it, for a
// fraction of its record reads (a common phrase's words weigh alike in
// short passages, so the decider sees many ties). Otherwise nullopt.
std::optional<std::vector<RankedMatch>> Searcher::rank_checking_the_best(const Xapian::Query& query,
                                                                         const PhraseDecider& phrases,
                                                                         Xapian::doccount first,
                                                                         Xapian::doccount fetch,
                                                                         const SearchOptions& options,
                                                                         SearchResult& result) {
  constexpr Xapian::doccount kWindowPages = 4;
  const Xapian::doccount wanted = first + fetch;
  const Xapian::doccount window = kWindowPages * wanted;
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(options.passage_weighting());
  ordered_by_relevance(enquire);
  Xapian::MSet mset = enquire.get_mset(0, window);
  std::vector<RankedMatch> kept;
  std::unordered_map<std::string, std::size_t> by_key;  // collapse key -> index in kept
  Xapian::doccount checked = 0, stood = 0;
  for (auto it = mset.begin(); it != mset.end() && kept.size() < wanted; ++it) {
    Xapian::Document doc = it.get_document();
    ++checked;
    if (!phrases(doc)) continue;
    ++stood;
    std::string key = options.all_passages ? std::string() : doc.get_value(schema::kSlotReview);
    if (!key.empty()) {
      if (auto seen = by_key.find(key); seen != by_key.end()) {
        ++kept[seen->second].collapsed;
        continue;
      }
      by_key.emplace(key, kept.size());
    }
    kept.push_back({*it, it.get_weight(), 0, std::move(key), it.get_sort_key(), false, std::move(doc)});
  }
  const bool saw_all = mset.size() < window;
  if (kept.size() < wanted && !saw_all) return std::nullopt;
  result.total_estimate =
      saw_all && checked == mset.size()
          ? stood
          : static_cast<Xapian::doccount>(static_cast<double>(mset.get_matches_estimated()) * stood / checked + 0.5);
  kept.erase(kept.begin(), kept.begin() + std::min<std::size_t>(first, kept.size()));
  return kept;
}

SearchResult Searcher::run(const std::string& query_text, const SearchOptions& options) {
  ParseOptions parse = options.parse;
  parse.vocabulary = &db_;
  parse.catalog = needs_catalog(query_text, options.facets) ? catalog() : nullptr;
  parse.positions = phrase_mode().positions;
  parse.synonyms = synonyms();
  ParsedQuery parsed = parse_query(query_text, analyzer_, parse);
  if (parsed.proximity && phrase_mode().remote_without_positions) {
    parsed.notices.push_back("this database's words carry no positions (indexed without --positions): on its "
                             "remote shards a phrase or NEAR matches its words anywhere in a passage");
  }
  // The phrases every match must hold are checked after weighing.
  std::optional<PhraseDecider> phrases;
  if (!parsed.required_phrases.empty()) phrases.emplace(parsed.required_phrases);
  Xapian::Query query = parsed.query;
  if (!options.include_boilerplate && matches_boilerplate(query)) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(boilerplate_term()));
  }
  // Sentiment (issue 6): score range filter on the sentiment value slot.
  if (options.sentiment_min && options.sentiment_max && *options.sentiment_min > *options.sentiment_max) {
    throw UsageError("--sentiment-min is greater than --sentiment-max");
  }
  if (options.sentiment_min || options.sentiment_max) {
    Xapian::Query range(Xapian::Query::OP_VALUE_RANGE, schema::kSlotSentiment,
                        Xapian::sortable_serialise(options.sentiment_min.value_or(-1.0)),
                        Xapian::sortable_serialise(options.sentiment_max.value_or(1.0)));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, range);
  }
  // Issue 18: each passage also scores its review's evidence for the query.
  const bool words_counted =
      std::any_of(parsed.parts.begin(), parsed.parts.end(), [](const ScoredPart& part) { return part.counted; });
  ReviewEvidence evidence(db_, review_level_terms(parsed.query), options.review_weighting(), options.review_weight,
                          options.review_candidates, words_counted ? weights::kEveryWordFound : 0.0);
  SearchResult result;
  result.query = query_text;
  result.notices = parsed.notices;
  // Near-identical passages of different reviews (the same text posted
  // twice) collapse too: fetch from the top, skip texts already shown, and
  // cut the page afterwards. --all-passages shows everything.
  // Words typed together are checked on the first hits of the ranking
  // (words_together.h), which then come from the top whatever the page.
  const bool by_relevance = options.sentiment_sort == SearchOptions::SentimentSort::kNone;
  std::optional<WordsTogether> together = by_relevance ? WordsTogether::of(parsed) : std::nullopt;
  const bool from_top = !options.all_passages || together;
  const Xapian::doccount wanted = options.offset + options.limit;
  Xapian::doccount fetch = !options.all_passages ? wanted + wanted / 2 + 10 : from_top ? wanted : options.limit;
  if (together) fetch = std::max<Xapian::doccount>(fetch, weights::kTogetherWindow);
  const Xapian::doccount first = from_top ? 0 : options.offset;
  std::vector<RankedMatch> matches =
      rank(query, evidence, parsed, parse.catalog, query_text, first, fetch, options, phrases ? &*phrases : nullptr,
           result);
  std::unordered_map<Xapian::docid, PassageRecord> records;  // read once, for the window and the hits
  auto record_of = [&](const RankedMatch& match) -> PassageRecord& {
    const Xapian::docid docid = match.docid;
    auto it = records.find(docid);
    if (it != records.end()) return it->second;
    Xapian::Document doc = match.document.get_docid() == docid ? match.document : db_.get_document(docid);
    std::optional<PassageRecord> record = PassageRecord::decode(doc.get_value(schema::kSlotRecord));
    if (!record) {
      throw DatabaseError("database '" + db_path_ + "': document " + std::to_string(docid) +
                          " has unreadable stored data");
    }
    return records.emplace(docid, std::move(*record)).first->second;
  };
  if (together) {
    std::size_t window = std::min<std::size_t>(matches.size(), weights::kTogetherWindow);
    // Only passages with every word found can have them together.
    const double every_word = weights::kEveryWordFound * static_cast<double>(together->words());
    for (std::size_t i = 0; i < window; ++i) {
      if (matches[i].weight < every_word) break;
      if (!together->stand_together(analyzer_.analyze(record_of(matches[i]).text))) continue;
      matches[i].weight += weights::kWordsTogether;
      matches[i].together = true;
    }
    std::stable_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(window), ranks_before);
  }
  std::unordered_map<std::string, std::size_t> shown;  // folded text -> index in kept
  std::vector<Hit> kept;
  for (auto it = matches.begin(); it != matches.end() && kept.size() < wanted; ++it) {
    Hit hit;
    hit.score = it->weight;
    hit.docid = it->docid;
    hit.collapsed = it->collapsed;
    hit.together = it->together;
    std::optional<PassageRecord> record = std::move(record_of(*it));
    if (!options.all_passages) {
      auto [seen, fresh] = shown.emplace(analyzer_.fold(record->text), kept.size());
      if (!fresh) {
        kept[seen->second].collapsed += 1 + hit.collapsed;
        continue;
      }
    }
    hit.review_score = evidence.bonus(record->review_id);
    fill_hit(hit, std::move(*record));
    kept.push_back(std::move(hit));
  }
  std::size_t skip = from_top ? std::min<std::size_t>(options.offset, kept.size()) : 0;
  std::size_t rank = options.offset;
  for (std::size_t i = skip; i < kept.size(); ++i) {
    Hit& hit = kept[i];
    hit.rank = ++rank;
    const StoredOpinion* opinion = asked_opinion(hit.opinions, parsed.opinions);
    hit.snippet = make_snippet(hit.text, analyzer_, parsed.highlights, 320, opinion);
    if (options.explain) {
      hit.doc_length = db_.get_doclength(hit.docid);
      hit.explanation = explain(hit, parsed, options, evidence);
    }
    result.hits.push_back(std::move(hit));
  }
  if (options.suggest) result.suggestion = suggest_spelling(db_, query_text, parsed.words, result.total_estimate);
  return result;
}

void Searcher::fill_hit(Hit& hit, PassageRecord&& record) {
  hit.review_id = std::move(record.review_id);
  hit.passage = record.passage;
  hit.text = std::move(record.text);
  hit.title = std::move(record.title);
  hit.lang = std::move(record.lang);
  hit.source = source_path(record.source_file);
  if (record.source_line) hit.source += ":" + std::to_string(record.source_line);
  hit.rating = record.rating;
  hit.sentiment = record.sentiment;  // sentiment (issue 6)
  if (hit.sentiment) hit.sentiment_label = std::move(record.sentiment_label);
  hit.actors = std::move(record.actors);  // issue 5: entity display names
  hit.characters = std::move(record.characters);
  hit.titles = std::move(record.titles);
  if (!record.movie_id.empty()) hit.film = film(record.movie_id);
  hit.opinions = std::move(record.opinions);
}

// Source paths are stored once per file, in the database metadata. Only
// found paths are kept: one not committed yet may be there next time.
std::string Searcher::source_path(std::uint32_t key) {
  if (key == 0) return {};
  if (auto it = source_paths_.find(key); it != source_paths_.end()) return it->second;
  std::string path = Metadata(opened_.parts).get(source_metadata_key(key));
  if (!path.empty()) source_paths_.emplace(key, path);
  return path;
}

// Each part's weight in this passage: the part's own query, restricted to
// the passage, weighed with the same scheme (a term's BM25 weight depends
// on its statistics and the passage, not on the rest of the query). Every
// weight of the query lies in one part, so with the words-found bonus and
// the review's evidence the parts add up to the hit's score.
std::vector<TermExplanation> Searcher::explain(const Hit& hit, const ParsedQuery& parsed,
                                               const SearchOptions& options, const ReviewEvidence& evidence) {
  std::vector<TermExplanation> out;
  const std::string this_passage = schema::unique_id(hit.review_id, hit.passage);
  const Xapian::Query only_this(this_passage);
  // `query` matched against this passage alone, with the passages' scheme.
  struct InPassage {
    Xapian::Enquire enquire;
    Xapian::MSet mset;
  };
  auto in_passage = [&](const Xapian::Query& query) {
    InPassage m{Xapian::Enquire(db_), {}};
    m.enquire.set_weighting_scheme(options.passage_weighting());
    m.enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, only_this));
    m.mset = m.enquire.get_mset(0, 1);
    return m;
  };
  auto weigh = [&](const Xapian::Query& part) -> std::optional<double> {
    InPassage m = in_passage(part);
    if (m.mset.empty()) return std::nullopt;
    return m.mset.begin().get_weight();
  };
  // The term of `query` the passage holds (for the words beginning with
  // what was typed: the one it wrote), else `otherwise`.
  auto matching_term = [&](const Xapian::Query& query, const std::string& otherwise) {
    InPassage m = in_passage(query);
    if (m.mset.empty()) return otherwise;
    for (auto t = m.enquire.get_matching_terms_begin(m.mset.begin()); t != m.enquire.get_matching_terms_end(m.mset.begin());
         ++t) {
      if (*t != this_passage) return *t;
    }
    return otherwise;
  };
  auto describe_term = [&](TermExplanation& e) {
    if (e.term.empty() || e.term.back() == '*') return;
    e.termfreq = db_.get_termfreq(e.term);
    Xapian::PostingIterator p = db_.postlist_begin(e.term);
    if (p == db_.postlist_end(e.term)) return;
    p.skip_to(hit.docid);
    if (p != db_.postlist_end(e.term) && *p == hit.docid) e.wdf = p.get_wdf();
  };
  std::size_t found = 0;
  for (const ScoredPart& part : parsed.parts) {
    TermExplanation e;
    e.word = part.label;
    e.field = part.field;
    std::optional<double> weight = weigh(part.query);
    e.weight = weight.value_or(0.0);
    if (weight && part.counted) ++found;
    if (weight) {
      // The alternative that counted: the first one the passage holds.
      for (const weights::Alternative& alternative : part.alternatives) {
        if (!weigh(alternative.query)) continue;
        e.matched = alternative.label;
        e.term = alternative.term;
        e.boost = alternative.scale;
        if (!e.term.empty() && e.term.back() == '*') e.term = matching_term(alternative.query, e.term);
        break;
      }
      if (part.alternatives.empty()) e.matched = "as typed";
    }
    if (e.term.empty() && !part.alternatives.empty()) e.term = part.alternatives.front().term;
    describe_term(e);
    out.push_back(std::move(e));
  }
  if (hit.together) {
    TermExplanation e;
    e.field = "words together";
    e.word = "the query's words within " + std::to_string(weights::kTogetherDistance) + " words of each other";
    e.boost = weights::kWordsTogether;
    e.weight = weights::kWordsTogether;
    out.push_back(std::move(e));
  }
  if (found) {
    TermExplanation e;
    e.field = "words found";
    e.word = std::to_string(found) + " of the query's words";
    e.boost = weights::kEveryWordFound;
    e.weight = static_cast<double>(found) * weights::kEveryWordFound;
    out.push_back(std::move(e));
  }
  // Issue 18: the review-level part, term by term, in the review document.
  for (ReviewTermWeight& part : evidence.explain(hit.review_id)) {
    if (part.words_found) {
      out.push_back({"", "review words found", weights::kEveryWordFound, part.wdf, 0, part.weight,
                     std::to_string(part.wdf) + " of the query's words in the review", {}});
      continue;
    }
    out.push_back({std::move(part.term), "review", options.review_weight, part.wdf, part.termfreq, part.weight, {}, {}});
  }
  return out;
}

}  // namespace revsearch::query
