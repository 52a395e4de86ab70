// revsearch: index and search film and TV reviews. Parses the command line,
// sets up logging, runs one subcommand and turns errors into exit statuses.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

#include <iostream>
#include <vector>

#include "commands.h"
#include "revsearch/errors.h"
#include "revsearch/utf8.h"

namespace revsearch::cli {

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }

std::string joined_words(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

std::string text_argument(const std::vector<std::string>& words) {
  std::string text = joined_words(words);
  if (auto bad = utf8::first_invalid(text)) {
    throw UsageError("text is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
  }
  return text;
}

}  // namespace revsearch::cli

int main(int argc, char** argv) {
  using namespace revsearch;
  // Hardening (issue 9): over a file-size limit, fail the write with EFBIG
  // (reported as "no space") instead of being killed by SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);
  // Xapian's writer flushes its batch of changes every XAPIAN_FLUSH_THRESHOLD
  // documents (10,000 unless the environment says otherwise). At 5,000 the
  // writer thread, the indexer's bottleneck, takes about 8% less CPU
  // (benchmarks/README.md); a user's own setting wins.
  setenv("XAPIAN_FLUSH_THRESHOLD", "5000", /*overwrite=*/0);
  CLI::App app{"revsearch: full-text search for Korean and English film and TV reviews"};
  app.require_subcommand(1);
  // Issue 15: global options also after the subcommand (`revsearch index --quiet ...`).
  app.fallthrough();
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "Log debug details to stderr");
  app.add_flag("-q,--quiet", quiet, "Log only warnings and errors");

  const std::vector<cli::Command> commands = {
      cli::add_index_command(app), cli::add_search_command(app), cli::add_stats_command(app),
      cli::add_analyze_command(app),
      cli::add_check_command(app),  // hardening (issue 9)
      // Bulk indexing and benchmarks (issue 7).
      cli::add_delete_command(app), cli::add_compact_command(app),
      cli::add_bench_command(app),
      cli::add_sentiment_command(app),  // sentiment (issue 6)
      cli::add_entities_command(app),  // issue 5
      cli::add_serve_command(app),
      cli::add_cluster_command(app), cli::add_synonyms_command(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "revsearch: " << e.what() << " (see revsearch --help)\n";
    return cli::kExitUsage;
  }

  auto logger = spdlog::stderr_color_mt("revsearch");
  logger->set_pattern("%^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(verbose ? spdlog::level::debug : quiet ? spdlog::level::warn : spdlog::level::info);

  try {
    for (const cli::Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
  } catch (const UsageError& e) {
    std::cerr << "revsearch: " << e.what() << "\n";
    return cli::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "revsearch: error: " << e.what() << "\n";
    return cli::kExitError;
  }
  return cli::kExitOk;
}
