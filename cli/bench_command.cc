// `revsearch bench index ...` and `revsearch bench query ...`: measured runs
// printed as a markdown table, or JSON with --json.
#include <iostream>

#include "commands.h"
#include "revsearch/measure/index_bench.h"
#include "revsearch/measure/query_bench.h"
#include "revsearch/measure/report.h"

namespace revsearch::cli {

Command add_bench_command(CLI::App& app) {
  struct Args {
    std::string db, queries;
    std::vector<std::string> paths;
    std::size_t index_threads = 0, shards = 0;
    measure::QueryBenchOptions query;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("bench", "Measure indexing or query speed");
  sub->require_subcommand(1);

  CLI::App* index = sub->add_subcommand("index", "Index inputs and report docs/s, MB/s, peak RSS, index size");
  index->add_option("--db", args->db, "Database to create (default: a temporary one, removed afterwards)");
  index->add_option("paths", args->paths, "Files or folders to index")->required();
  index->add_option("--threads", args->index_threads, "Analysis worker threads (default: one per core)")
      ->check(CLI::PositiveNumber);
  index->add_option("--shards", args->shards, "Shards for a new database")->check(CLI::Range(1, 256));
  index->add_flag("--json", args->json, "JSON instead of a markdown table");

  CLI::App* query = sub->add_subcommand("query", "Run a query file; latency percentiles, QPS, hits/query");
  query->add_option("--db", args->db, "Database directory")->required();
  query->add_option("--queries", args->queries, "Query file: one query a line, # comments, @set NAME")->required();
  query->add_option("--threads", args->query.threads, "Concurrent searchers")->check(CLI::PositiveNumber);
  query->add_option("--warmup", args->query.warmup, "Untimed rounds first");
  query->add_option("--repeat", args->query.repeat, "Timed rounds")->check(CLI::PositiveNumber);
  query->add_option("--limit", args->query.limit, "Hits per query")->check(CLI::Range(1, 10000));
  query->add_flag("--json", args->json, "JSON instead of a markdown table");

  return {sub, [args, index] {
            if (index->parsed()) {
              indexer::IndexOptions options;
              options.threads = args->index_threads;
              options.shards = args->shards;
              measure::IndexBenchResult r = measure::run_index_bench(args->db, args->paths, options);
              std::cout << (args->json ? measure::to_json(r).dump(2) + "\n" : measure::to_markdown(r));
              return kExitOk;
            }
            measure::QueryBenchResult r =
                measure::run_query_bench(args->db, measure::read_query_file(args->queries), args->query);
            std::cout << (args->json ? measure::to_json(r).dump(2) + "\n" : measure::to_markdown(r));
            return r.errors.empty() ? kExitOk : kExitSkipped;
          }};
}

}  // namespace revsearch::cli
