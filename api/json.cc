// The JSON forms of results, shared by the CLI and the HTTP server.
#include "revsearch/api/json.h"

#include "revsearch/analysis/variants.h"

#include <charconv>

#include "revsearch/analysis/korean.h"
#include "revsearch/analysis/language.h"
#include "revsearch/query/entity_facets.h"
#include "revsearch/schema.h"

namespace revsearch::api {

nlohmann::json search_json(const query::SearchResult& result) {
  // Contract (issue 3): query, total_estimate, hits[rank, score, review_id,
  // passage, title, text, snippet]; later fields are only ever added.
  nlohmann::json hits = nlohmann::json::array();
  for (const query::Hit& hit : result.hits) {
    nlohmann::json highlights = nlohmann::json::array();
    for (auto [b, e] : hit.snippet.matches) highlights.push_back({b, e});
    nlohmann::json h = {
        {"rank", hit.rank},
        {"score", hit.score},
        {"review_id", hit.review_id},
        {"passage", hit.passage},
        {"title", hit.title},
        {"text", hit.text},
        {"snippet", hit.snippet.render("<b>", "</b>", true)},
        {"lang", hit.lang},
        {"source", hit.source},
        {"highlights", highlights},
        {"collapsed", hit.collapsed},
    };
    if (hit.rating) h["rating"] = *hit.rating;
    if (!hit.explanation.empty()) {
      nlohmann::json parts = nlohmann::json::array();
      for (const auto& e : hit.explanation) {
        nlohmann::json part = {{"term", e.term},         {"field", e.field},       {"boost", e.boost},
                               {"wdf", e.wdf},           {"termfreq", e.termfreq}, {"weight", e.weight}};
        if (!e.word.empty()) part["word"] = e.word;
        if (!e.matched.empty()) part["matched"] = e.matched;
        parts.push_back(std::move(part));
      }
      h["explain"] = {{"doc_length", hit.doc_length}, {"terms", parts},  // the two parts of the score
                      {"passage_score", hit.score - hit.review_score}, {"review_score", hit.review_score}};
    }
    if (hit.sentiment) {  // sentiment (issue 6)
      h["sentiment"] = *hit.sentiment;
      h["sentiment_label"] = hit.sentiment_label;
    }
    // Issue 5: entities the passage mentions.
    h["actors"] = hit.actors;
    h["characters"] = hit.characters;
    h["titles"] = hit.titles;
    if (hit.film) {
      h["film"] = {{"movie_id", hit.film->id}, {"title", hit.film->title}, {"title_en", hit.film->title_en},
                   {"year", hit.film->year}, {"genres", hit.film->genres}, {"countries", hit.film->countries}};
    }
    // Opinions about the people named: each sentence's label and span.
    nlohmann::json opinions = nlohmann::json::array();
    for (const auto& o : hit.opinions) {
      opinions.push_back({{"entity", o.entity}, {"label", o.label}, {"score", o.score},
                          {"sentence", hit.text.substr(o.begin, o.end - o.begin)}});
    }
    h["opinions"] = std::move(opinions);
    hits.push_back(std::move(h));
  }
  nlohmann::json suggestions = nlohmann::json::array();
  if (result.suggestion) suggestions.push_back(*result.suggestion);
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& facet : result.facets) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& v : facet.values) {
      nlohmann::json value = {{"value", v.value}, {"count", v.count}};
      if (!v.key.empty()) value["key"] = v.key;  // entities (issue 5)
      values.push_back(std::move(value));
    }
    facets[facet.name] = values;
  }
  nlohmann::json out = {{"query", result.query}, {"total_estimate", result.total_estimate}, {"hits", hits},
                        {"suggestions", suggestions}, {"facets", facets},
                        {"notices", result.notices}};
  // A cluster searched with some shards missing (--allow-partial).
  out["partial"] = !result.missing_shards.empty();
  if (!result.missing_shards.empty()) {
    nlohmann::json missing = nlohmann::json::array();
    for (const auto& shard : result.missing_shards) missing.push_back({{"shard", shard.name}, {"reason", shard.reason}});
    out["missing_shards"] = missing;
  }
  return out;
}

nlohmann::json stats_json(const query::DatabaseStats& s) {
  return {{"reviews", s.reviews},         {"passages", s.passages},   {"terms", s.terms},
          {"size_bytes", s.size_bytes},   {"languages", s.languages}, {"kinds", s.kinds},
          {"average_passage_length", s.average_passage_length}, {"format", s.format}};
}

nlohmann::json entities_json(const Xapian::Database& db, const query::Metadata& names,
                             const std::vector<std::string>& kinds, std::size_t limit, std::string_view like) {
  std::vector<query::CharacterLink> links = query::character_links(db, names);
  nlohmann::json out = nlohmann::json::object();
  for (const std::string& kind : kinds) {
    query::EntityFacet facet = query::list_entities(db, kind, names, like);
    if (limit && facet.values.size() > limit) facet.values.resize(limit);
    nlohmann::json list = nlohmann::json::array();
    for (const query::EntityFacetValue& v : facet.values) {
      nlohmann::json item = {{"name", v.name}, {"key", v.key}, {"passages", v.count}};
      if (kind == "character") {
        nlohmann::json played_by = nlohmann::json::array();
        for (const query::CharacterLink& l : links) {
          if (l.character_key != v.key) continue;
          played_by.push_back({{"actor", l.actor}, {"actor_key", l.actor_key}, {"title", l.title}});
        }
        item["played_by"] = played_by;
      }
      list.push_back(std::move(item));
    }
    out[kind] = std::move(list);
  }
  return out;
}

std::vector<std::string> index_terms(const analysis::Token& t) {
  std::vector<std::string> out = {t.text};
  if (!t.stopword) out.push_back(schema::prefixed(schema::kStem, t.search_form()));
  for (const std::string& stem : t.run_stems) out.push_back(schema::prefixed(schema::kStem, stem));
  for (const std::string& b : analysis::token_bigrams(t)) out.push_back(schema::prefixed(schema::kHangulBigram, b));
  return out;
}

std::vector<std::pair<std::string, std::string>> term_rules(const analysis::Token& t) {
  std::vector<std::pair<std::string, std::string>> korean = analysis::korean_stem_rules(t);
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& term : index_terms(t)) {
    std::string rule;
    if (term == t.text) {
      rule = "the word as written (positional)";
    } else if (term.rfind(schema::kHangulBigram, 0) == 0) {
      rule = t.bigrams_from ? "bigram of the unread rest of a run written without spaces"
                            : "bigram of a word the Korean lexicon does not know";
    } else {
      std::string_view stem = std::string_view(term).substr(schema::kStem.size());
      for (const auto& [korean_stem, why] : korean) {
        if (korean_stem == stem) rule = why;
      }
      if (rule.empty()) rule = t.script == analysis::Script::kLatin && stem != t.text ? "English stem (Snowball)" : "the word as written";
    }
    out.emplace_back(term, std::move(rule));
  }
  return out;
}

std::string initials_key(const analysis::Token& t) {
  std::string initials = analysis::token_initials(t);
  return initials.empty() ? std::string() : schema::initials_key(initials);
}

nlohmann::json rules_json(const analysis::Token& t) {
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& [term, rule] : term_rules(t)) rules.push_back({{"term", term}, {"rule", rule}});
  return rules;
}

std::vector<std::string> variants_of(const analysis::Token& token) {
  return analysis::VariantTable::builtin().others(token);
}

nlohmann::json analyze_json(const std::string& text, analysis::Pipeline pipeline) {
  analysis::Analyzer analyzer(pipeline);
  nlohmann::json tokens = nlohmann::json::array();
  for (const auto& t : analyzer.analyze(text)) {
    tokens.push_back({{"term", t.text}, {"stem", t.search_form()}, {"position", t.position},
                      {"start", t.begin}, {"end", t.end}, {"stopword", t.stopword},
                      {"compound", t.compound}, {"compound_part", t.compound_part},
                      {"terms", index_terms(t)}, {"initials", initials_key(t)}, {"rules", rules_json(t)},
                      {"variants", variants_of(t)}});
  }
  return {{"language", analysis::detect_language(text).code}, {"tokens", tokens}};
}

nlohmann::json sentiment_json(const sentiment::Sentiment& s) {
  nlohmann::json contributing = nlohmann::json::array();
  for (const auto& w : s.words) {
    contributing.push_back({{"word", w.word}, {"weight", w.weight}, {"start", w.begin}, {"end", w.end}});
  }
  return {{"score", s.score},       {"label", sentiment::label_name(s.label)},
          {"lang", s.lang},         {"positive", s.positive},
          {"negative", s.negative}, {"words", contributing}};
}

std::optional<std::size_t> error_column(const std::string& message) {
  static constexpr std::string_view kMarker = "at column ";
  auto at = message.find(kMarker);
  if (at == std::string::npos) return std::nullopt;
  const char* first = message.data() + at + kMarker.size();
  std::size_t column = 0;
  auto [end, ec] = std::from_chars(first, message.data() + message.size(), column);
  if (ec != std::errc() || end == first) return std::nullopt;
  return column;
}

nlohmann::json error_json(const std::string& message) {
  nlohmann::json out = {{"error", message}, {"column", nullptr}};
  if (auto column = error_column(message)) out["column"] = *column;
  return out;
}


double per_passage(std::uint64_t total, std::uint64_t passages) {
  return passages ? static_cast<double>(total) / static_cast<double>(passages) : 0.0;
}

nlohmann::json term_budget_json(const query::TermBudget& b) {
  nlohmann::json prefixes = nlohmann::json::array();
  for (const query::PrefixCost& p : b.prefixes) {
    prefixes.push_back({{"prefix", p.prefix},
                        {"terms", p.terms},
                        {"postings", p.postings},
                        {"postings_per_passage", per_passage(p.postings, b.passages)},
                        {"occurrences", p.occurrences},
                        {"positional", p.positional}});
  }
  nlohmann::json out = {{"passages", b.passages},
                        {"review_documents", b.review_documents},
                        {"postings", b.postings},
                        {"postings_per_passage", per_passage(b.postings, b.passages)},
                        {"positions", b.positions},
                        {"positions_per_passage", per_passage(b.positions, b.passages)},
                        {"data_bytes", b.data_bytes},
                        {"data_bytes_per_passage", per_passage(b.data_bytes, b.passages)},
                        {"table_bytes", b.table_bytes},
                        {"synonym_keys", b.synonym_keys},
                        {"metadata_keys", b.metadata_keys},
                        {"prefixes", prefixes}};
  return out;
}

}  // namespace revsearch::api
