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
    };
    if (hit.rating) h["rating"] = *hit.rating;
    // Issue 5: entities the passage mentions.
    h["actors"] = hit.actors;
    h["characters"] = hit.characters;
    h["titles"] = hit.titles;
    hits.push_back(std::move(h));
  }
  nlohmann::json out = {{"query", result.query}, {"total_estimate", result.total_estimate}, {"hits", hits}};
  if (!result.facets.empty()) {  // issue 5
    nlohmann::json facets = nlohmann::json::object();
    for (const query::EntityFacet& facet : result.facets) {
      nlohmann::json values = nlohmann::json::array();
      for (const query::EntityFacetValue& v : facet.values) {
        values.push_back({{"name", v.name}, {"key", v.key}, {"count", v.count}});
      }
      facets[facet.field] = values;
    }
    out["facets"] = facets;
  }
  return out;
}

void print_text(const query::SearchResult& result, const query::SearchOptions& options, bool colour) {
  const char* open = colour ? "\033[1;33m" : "**";
  const char* close = colour ? "\033[0m" : "**";
  if (result.hits.empty()) {
    std::cout << "No passages match '" << result.query << "'.\n";
    return;
  }
  std::cout << "Passages " << options.offset + 1 << "-" << options.offset + result.hits.size() << " of about "
            << result.total_estimate << " for '" << result.query << "':\n\n";
  for (const query::Hit& hit : result.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    std::cout << hit.rank << ". " << hit.review_id << " passage " << hit.passage << "  (score " << score;
    if (hit.rating) std::cout << ", rating " << *hit.rating;
    std::cout << ", " << hit.lang << ")";
    if (!hit.title.empty()) std::cout << "  " << hit.title;
    std::cout << "\n   " << hit.snippet.render(open, close) << "\n\n";
  }
  for (const query::EntityFacet& facet : result.facets) {  // issue 5
    std::cout << "Top " << facet.field << "s among the matches:\n";
    if (facet.values.empty()) std::cout << "   (none)\n";
    for (const query::EntityFacetValue& v : facet.values) std::cout << "   " << v.count << "  " << v.name << "\n";
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
  sub->add_option("--facets", args->options.facets, "Count entities among the matches: actor,character,title")
      ->delimiter(',')
      ->check(CLI::IsMember({"actor", "character", "title"}));  // issue 5
  sub->add_option("query", args->query_words, "Query (words, \"phrases\", field:value, AND/OR/NOT, -word)")
      ->required();

  return {sub, [args] {
            std::string text;
            for (const std::string& word : args->query_words) text += (text.empty() ? "" : " ") + word;
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
