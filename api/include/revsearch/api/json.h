// The JSON contract of revsearch's results, one serializer for the CLI's
// --json output and the HTTP server (issue 15): the server's GET /search
// returns exactly what `revsearch search --json` prints.
#pragma once

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "revsearch/analysis/analyzer.h"
#include "revsearch/query/searcher.h"
#include "revsearch/query/stats.h"
#include "revsearch/sentiment/sentiment.h"

namespace revsearch::api {

// Search results (issue 3 contract): query, total_estimate, hits[rank, score,
// review_id, passage, title, text, snippet, ...], suggestions, facets. Keys
// are only ever added.
nlohmann::json search_json(const query::SearchResult& result);

// `stats`: reviews, passages, terms, size_bytes, languages, kinds,
// average_passage_length.
nlohmann::json stats_json(const query::DatabaseStats& stats);

// `entities`: {kind: [{name, key, passages, played_by?}]} for each kind
// (actor, character, title); at most `limit` of each (0: all). Throws
// UsageError for an unknown kind.
// `names`: where display names are read (the shards of a cluster);
// `like`: name known people in its script (see query::list_entities).
nlohmann::json entities_json(const Xapian::Database& db, const query::Metadata& names,
                             const std::vector<std::string>& kinds, std::size_t limit, std::string_view like = {});

// Every body term the indexer adds for a token (as document_builder.cc does).
std::vector<std::string> index_terms(const analysis::Token& token);
// Each of index_terms() with the rule that produced it ("Z뻔하다" ->
// "word 1 of a run written without spaces (뻔한): predicate stem, ...").
std::vector<std::pair<std::string, std::string>> term_rules(const analysis::Token& token);
// The synonym key the indexer files a token's stem under (XKCᄒᄉᄒ), or "".
std::string initials_key(const analysis::Token& token);

// `analyze`: {language, tokens[{term, stem, position, start, end, stopword,
// compound, compound_part, terms, initials, rules[{term, rule}]}]}.
// The forms of the built-in film vocabulary the token is also searched as
// (analysis/variants.h): "씨지" -> cg, 컴퓨터그래픽, 컴퓨터 그래픽.
std::vector<std::string> variants_of(const analysis::Token& token);

nlohmann::json analyze_json(const std::string& text, analysis::Pipeline pipeline);

// `sentiment`: {score, label, lang, positive, negative, words[{word, weight,
// start, end}]}.
nlohmann::json sentiment_json(const sentiment::Sentiment& sentiment);

// An error: {"error": message, "column": N or null}. The column is the one a
// query syntax error names ("query syntax error at column 8: ...").
nlohmann::json error_json(const std::string& message);
std::optional<std::size_t> error_column(const std::string& message);

// `stats --terms`: postings per passage by prefix, positions, data bytes, tables.
double per_passage(std::uint64_t total, std::uint64_t passages);
nlohmann::json term_budget_json(const query::TermBudget& budget);

}  // namespace revsearch::api
