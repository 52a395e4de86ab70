// The subcommands of `revsearch`; each registers its options on the CLI11
// app and runs through library calls only.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace revsearch::cli {

// Exit statuses, documented in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;       // database, I/O or internal error
inline constexpr int kExitUsage = 2;       // bad option, bad query, missing input
inline constexpr int kExitSkipped = 3;     // index finished, some records skipped

// A registered subcommand and the function that runs it once parsed.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command add_index_command(CLI::App& app);
Command add_search_command(CLI::App& app);
Command add_stats_command(CLI::App& app);
Command add_analyze_command(CLI::App& app);
Command add_check_command(CLI::App& app);  // hardening (issue 9)
// Bulk indexing and benchmarks (issue 7).
Command add_delete_command(CLI::App& app);
Command add_compact_command(CLI::App& app);
Command add_bench_command(CLI::App& app);
Command add_sentiment_command(CLI::App& app);  // sentiment (issue 6)
Command add_entities_command(CLI::App& app);  // issue 5
Command add_serve_command(CLI::App& app);  // issue 15
Command add_cluster_command(CLI::App& app);
Command add_synonyms_command(CLI::App& app);

// Whether stdout is a terminal (colour, progress bars).
bool stdout_is_terminal();

// A free-text argument the shell split into words, joined by single spaces.
std::string joined_words(const std::vector<std::string>& words);

// The same for a TEXT to analyse or score; UsageError unless valid UTF-8.
std::string text_argument(const std::vector<std::string>& words);

}  // namespace revsearch::cli
