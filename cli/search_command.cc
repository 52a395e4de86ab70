// `revsearch search --db DIR [--limit N] [--offset N] [--json] QUERY`
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.h"
#include "revsearch/query/searcher.h"

namespace revsearch::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::vector<std::string> query_words;
  query::SearchOptions options;
  bool json = false;
};

nlohmann::json to_json(const query::SearchResult& result) {
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
        parts.push_back({{"term", e.term}, {"field", e.field}, {"boost", e.boost}, {"wdf", e.wdf},
                         {"termfreq", e.termfreq}, {"weight", e.weight}});
      }
      h["explain"] = {{"doc_length", hit.doc_length}, {"terms", parts},  // issue 18: the two parts of the score
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
  return {{"query", result.query}, {"total_estimate", result.total_estimate}, {"hits", hits},
          {"suggestions", suggestions}, {"facets", facets}};
}

void print_text(const query::SearchResult& result, const query::SearchOptions& options, bool colour) {
  const char* open = colour ? "\033[1;33m" : "**";
  const char* close = colour ? "\033[0m" : "**";
  if (result.suggestion) std::cout << "Did you mean: " << *result.suggestion << "\n";
  if (result.hits.empty()) {
    std::cout << "No passages match '" << result.query << "'.\n";
    return;
  }
  for (const auto& facet : result.facets) {
    std::cout << facet.name << ":";
    for (const auto& v : facet.values) std::cout << "  " << v.value << " (" << v.count << ")";
    std::cout << "\n";
  }
  if (!result.facets.empty()) std::cout << "\n";
  std::cout << "Passages " << options.offset + 1 << "-" << options.offset + result.hits.size() << " of about "
            << result.total_estimate << " for '" << result.query << "':\n\n";
  for (const query::Hit& hit : result.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    std::cout << hit.rank << ". " << hit.review_id << " passage " << hit.passage << "  (score " << score;
    if (hit.rating) std::cout << ", rating " << *hit.rating;
    if (hit.sentiment) {  // sentiment (issue 6)
      std::snprintf(score, sizeof score, "%+.2f", *hit.sentiment);
      std::cout << ", " << hit.sentiment_label << " " << score;
    }
    std::cout << ", " << hit.lang << ")";
    if (!hit.title.empty()) std::cout << "  " << hit.title;
    if (hit.collapsed) std::cout << "  [+" << hit.collapsed << " more passages]";
    std::cout << "\n   " << hit.snippet.render(open, close) << "\n";
    if (!hit.explanation.empty()) {
      std::cout << "   explain: passage length " << hit.doc_length << " terms; BM25 parts";
      std::snprintf(score, sizeof score, "%.3f", hit.score - hit.review_score);
      std::cout << " (passage " << score;
      std::snprintf(score, sizeof score, "%.3f", hit.review_score);
      std::cout << " + its review " << score << "):\n";
      for (const auto& e : hit.explanation) {
        std::snprintf(score, sizeof score, "%.3f", e.weight);
        std::cout << "     " << score << "  " << e.term << " (" << e.field;
        if (e.boost != 1.0) std::cout << ", boost " << e.boost;
        std::cout << ", wdf " << e.wdf << ", in " << e.termfreq << (e.field == "review" ? " reviews)\n" : " passages)\n");
      }
    }
    std::cout << "\n";
  }
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* sub = app.add_subcommand("search", "Search passages, ranked by BM25");
  sub->add_option("--db", args->db, "Database directory")->required();
  sub->add_option("--limit", args->options.limit, "Number of hits to show")->check(CLI::Range(1, 10000));
  sub->add_option("--offset", args->options.offset, "Number of hits to skip (pagination)")
      ->check(CLI::NonNegativeNumber);
  sub->add_flag("--json", args->json, "Print one JSON object instead of text");
  sub->add_flag("--include-boilerplate", args->options.include_boilerplate,
                "Also return passages recognised as site boilerplate");
  sub->add_flag("--all-passages", args->options.all_passages,
                "Show every matching passage (default: the best passage of each review)");
  sub->add_option("--facets", args->options.facets,
                  "Count the top values of fields among the matches: " + query::FacetCounter::known_names())
      ->delimiter(',');
  sub->add_flag("--explain", args->options.explain, "Show each term's BM25 share of every hit's score");
  sub->add_flag("!--no-suggest", args->options.suggest, "Don't compute \"did you mean\" suggestions");
  sub->add_option("--review-weight", args->options.review_weight,
                  "Weight of a passage's review-level evidence in its score (0 ranks passages alone)")
      ->check(CLI::NonNegativeNumber);  // issue 18
  // Sentiment (issue 6): order and filter by the passage sentiment score.
  sub->add_option_function<std::string>(
         "--sort",
         [args](const std::string& order) {
           args->options.sentiment_sort = order == "sentiment" ? query::SearchOptions::SentimentSort::kAscending
                                                               : query::SearchOptions::SentimentSort::kDescending;
         },
         "Order by passage sentiment: 'sentiment' most negative first, '-sentiment' most positive first")
      ->check(CLI::IsMember({"sentiment", "-sentiment"}));
  sub->add_option("--sentiment-min", args->options.sentiment_min, "Only passages with sentiment >= this (-1..1)")
      ->check(CLI::Range(-1.0, 1.0));
  sub->add_option("--sentiment-max", args->options.sentiment_max, "Only passages with sentiment <= this (-1..1)")
      ->check(CLI::Range(-1.0, 1.0));
  sub->add_option("query", args->query_words, "Query (words, \"phrases\", field:value, AND/OR/NOT, -word)")
      ->required();

  return {sub, [args] {
            std::string text = joined_words(args->query_words);
            query::Searcher searcher(args->db);
            query::SearchResult result = searcher.search(text, args->options);
            if (args->json) {
              std::cout << to_json(result).dump() << "\n";
            } else {
              print_text(result, args->options, stdout_is_terminal());
            }
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
