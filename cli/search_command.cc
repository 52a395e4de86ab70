// `revsearch search --db DIR [--limit N] [--offset N] [--json] QUERY`
#include <iostream>

#include "commands.h"
#include "revsearch/api/json.h"
#include "revsearch/query/searcher.h"

namespace revsearch::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::vector<std::string> query_words;
  query::SearchOptions options;
  cluster::ConnectOptions connect;
  bool json = false;
};

void print_text(const query::SearchResult& result, const query::SearchOptions& options, bool colour) {
  const char* open = colour ? "\033[1;33m" : "**";
  const char* close = colour ? "\033[0m" : "**";
  for (const auto& shard : result.missing_shards) {
    std::cout << "Partial results: shard " << shard.name << " is missing (" << shard.reason << ")\n";
  }
  for (const std::string& notice : result.notices) std::cout << "Note: " << notice << "\n";
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
    if (hit.film) std::cout << "  [" << hit.film->title << (hit.film->year ? " (" + std::to_string(hit.film->year) + ")" : "") << "]";
    if (hit.collapsed) std::cout << "  [+" << hit.collapsed << " more passages]";
    std::cout << "\n   " << hit.snippet.render(open, close) << "\n";
    if (!hit.explanation.empty()) {
      std::cout << "   explain: passage length " << hit.doc_length << " terms; the parts add up to the score:\n";
      for (const auto& e : hit.explanation) {
        std::snprintf(score, sizeof score, "%.3f", e.weight);
        std::cout << "     " << score << "  ";
        if (!e.word.empty()) std::cout << e.word << ": ";
        if (e.field == "words found" || e.field == "review words found") {
          std::cout << "every query word found adds " << e.boost << "\n";
          continue;
        }
        if (e.field == "words together") {
          std::cout << "adds " << e.boost << "\n";
          continue;
        }
        if (!e.word.empty() && e.matched.empty()) {
          std::cout << "not in this passage (" << e.field << ")\n";
          continue;
        }
        if (!e.matched.empty() && e.matched != "as typed") std::cout << e.matched << " ";
        std::cout << e.term << " (" << e.field;
        if (e.boost != 1.0) std::cout << ", boost " << e.boost;
        std::cout << ", wdf " << e.wdf << ", in " << e.termfreq << " passages)\n";
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
  // Remote shards (a stub listing xapian-tcpsrv servers).
  sub->add_option("--timeout", args->connect.timeout_s,
                  "Seconds to wait for a remote shard before naming it in an error (default 10)")
      ->check(CLI::Range(0.001, 3600.0));
  sub->add_flag("--allow-partial", args->connect.allow_partial,
                "Search the shards that answer; the result is marked partial and names the missing ones");
  sub->add_option("query", args->query_words, "Query (words, \"phrases\", field:value, AND/OR/NOT, -word)")
      ->required();

  return {sub, [args] {
            std::string text = joined_words(args->query_words);
            query::Searcher searcher(args->db, args->connect);
            query::SearchResult result = searcher.search(text, args->options);
            if (args->json) {
              std::cout << api::search_json(result).dump() << "\n";
            } else {
              print_text(result, args->options, stdout_is_terminal());
            }
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
