// `revsearch index --db DIR PATH...`
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <csignal>
#include <iostream>

#include <unistd.h>

#include "commands.h"
#include "progress_display.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/indexer.h"
#include "revsearch/indexer/shards.h"

namespace revsearch::cli {
namespace {

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  std::vector<std::string> field_mappings;
  std::string title;
  std::size_t max_record_bytes = 10u << 20;
  std::size_t commit_every = 20000;
  std::size_t threads = 0;
  std::size_t shards = 0;
  bool replace = false;
  bool positions = false;
  std::string shard;      // --shard K/N
  double timeout_s = 60;  // remote shards
  std::string catalog;
  double progress_every = 0;  // 0: 0.25 s bar on a terminal, 5 s log lines otherwise
};

// SIGINT and SIGTERM during a run: the first asks the indexer to stop
// reading and commit what it has analysed; a second ends the process at
// once (every state Xapian has committed resumes, so nothing is at risk but
// the uncommitted work).
std::atomic<int> stop_signal{0};

extern "C" void on_stop_signal(int sig) {
  if (stop_signal.exchange(sig) != 0) {
    constexpr char kAtOnce[] = "\nrevsearch: stopped at once; run the same command to continue\n";
    [[maybe_unused]] auto ignored = ::write(STDERR_FILENO, kAtOnce, sizeof kAtOnce - 1);
    ::_exit(128 + sig);
  }
  constexpr char kStopping[] =
      "\nrevsearch: stopping: committing what is analysed (press Ctrl-C again to stop at once)\n";
  [[maybe_unused]] auto ignored = ::write(STDERR_FILENO, kStopping, sizeof kStopping - 1);
}

// Installs the handler for the life of a run, then puts back what was there.
class StopSignals {
 public:
  StopSignals() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &action, &previous_[i]);
  }
  ~StopSignals() {
    for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &previous_[i], nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  static constexpr std::array<int, 2> kSignals{SIGINT, SIGTERM};
  std::array<struct sigaction, 2> previous_{};
};

void print_summary(const indexer::IndexSummary& s) {
  double rate = s.seconds > 0 ? static_cast<double>(s.passages_indexed) / s.seconds : 0.0;
  double mb = static_cast<double>(s.bytes_read) / 1e6;
  std::cout << "files:                " << s.files << "\n"
            << "reviews read:         " << s.reviews_read << "\n"
            << "reviews indexed:      " << s.reviews_indexed << "\n"
            << "passages indexed:     " << s.passages_indexed << "\n"
            << "duplicates collapsed: " << s.duplicates_collapsed << "\n"
            << "boilerplate passages: " << s.boilerplate_passages << "\n";
  if (s.files_unchanged) std::cout << "files unchanged:      " << s.files_unchanged << "\n";
  if (s.reviews_unchanged) std::cout << "reviews unchanged:    " << s.reviews_unchanged << "\n";
  if (s.reviews_other_shards) std::cout << "reviews for other shards: " << s.reviews_other_shards << "\n";
  if (s.stale_passages_removed) std::cout << "stale passages removed: " << s.stale_passages_removed << "\n";
  if (s.catalog_films) {
    std::cout << "catalogue films:      " << s.catalog_films;
    if (s.catalog_lines_skipped) std::cout << " (" << s.catalog_lines_skipped << " catalogue lines skipped)";
    std::cout << "\n";
  }
  std::cout << "records skipped:      " << s.records_skipped;
  if (!s.skip_reasons.empty()) {
    std::cout << " (";
    bool first = true;
    for (const auto& [reason, count] : s.skip_reasons) {
      std::cout << (first ? "" : ", ") << reason << ": " << count;
      first = false;
    }
    std::cout << ")";
  }
  std::cout << "\n";
  std::cout.setf(std::ios::fixed);
  std::cout.precision(2);
  std::cout << "time:                 " << s.seconds << " s (" << static_cast<long long>(rate) << " docs/s, "
            << (s.seconds > 0 ? mb / s.seconds : 0.0) << " MB/s, " << s.threads << " threads, " << s.shards
            << (s.shards == 1 ? " shard" : " shards");
  if (s.remote_shards) std::cout << ", " << s.remote_shards << " remote";
  std::cout << ")\n";
  if (s.stopped_by) {
    std::cout << "stopped: " << s.reviews_indexed << " reviews indexed, run the same command to continue\n";
  }
}

}  // namespace

Command add_index_command(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* sub = app.add_subcommand("index", "Index review files and folders into a database");
  sub->add_option("--db", args->db, "Database directory (created if missing)")->required();
  sub->add_option("paths", args->paths, "Files or folders (.txt, .jsonl, .tsv, .csv, optionally .gz)")->required();
  sub->add_option("--field", args->field_mappings,
                  "Map a field to an input column or key, e.g. --field text=document (repeatable)");
  sub->add_option("--title", args->title, "Title for .txt reviews (default: a title-like first line)");
  sub->add_option("--max-record-bytes", args->max_record_bytes, "Skip records larger than this")
      ->check(CLI::PositiveNumber);
  sub->add_option("--commit-every", args->commit_every, "Passages per commit")->check(CLI::PositiveNumber);
  // Bulk indexing (issue 7).
  sub->add_option("--threads", args->threads, "Analysis worker threads (default: one per core)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--shards", args->shards, "Split a new database into N shards by review id (searchable as one)")
      ->check(CLI::Range(1, 256));
  sub->add_flag("--replace", args->replace,
                "Re-read every file and rebuild every review, even unchanged ones (e.g. after an analysis change)");
  sub->add_flag("--positions", args->positions,
                "Store word positions in a new database, for Xapian's own phrase matching (shards served by "
                "xapian-tcpsrv need them for exact phrases); without, phrases are checked against the stored text");
  // Clusters: shards served by xapian-tcpsrv, listed in a stub (`revsearch cluster stub`).
  sub->add_option("--shard", args->shard,
                  "Index only shard K of N (K/N, from 0): the reviews routing gives it, as on the machine serving it");
  sub->add_option("--timeout", args->timeout_s, "Seconds to wait for a remote shard before failing (default 60)")
      ->check(CLI::Range(0.001, 3600.0));
  sub->add_option("--catalog", args->catalog,
                  "Film catalogue folder (movies.tsv, people.tsv, castings.csv, genres.csv, countries.csv): "
                  "reviews are linked to their film by movie id, for title:, cast:, genre: and year:")
      ->check(CLI::ExistingDirectory);
  sub->add_option("--progress-every", args->progress_every, "Seconds between progress updates on stderr")
      ->check(CLI::Range(0.01, 3600.0));

  return {sub, [args] {
            indexer::IndexOptions options;
            options.reader.max_record_bytes = args->max_record_bytes;
            options.reader.title = args->title;
            options.commit_every = args->commit_every;
            options.threads = args->threads;
            options.shards = args->shards;
            options.replace = args->replace;
            options.positions = args->positions;
            options.timeout_s = args->timeout_s;
            if (!args->shard.empty()) {
              std::tie(options.only_shard, options.of_shards) = indexer::parse_shard_spec(args->shard);
            }
            options.catalog_dir = args->catalog;
            for (const std::string& mapping : args->field_mappings) {
              auto eq = mapping.find('=');
              if (eq == std::string::npos || eq == 0 || eq + 1 == mapping.size()) {
                throw UsageError("--field " + mapping + ": expected FIELD=NAME, e.g. text=document");
              }
              options.reader.field_map[mapping.substr(0, eq)] = mapping.substr(eq + 1);
            }
            ProgressDisplay progress = make_progress_display();
            if (args->progress_every > 0) progress.interval_s = args->progress_every;
            StopSignals stop_signals;
            options.stop_requested = &stop_signal;
            indexer::IndexSummary summary =
                indexer::index_paths(args->db, args->paths, options, progress.callback, progress.interval_s);
            print_summary(summary);
            if (summary.stopped_by) return 128 + summary.stopped_by;  // as a shell reports a signal: 130, 143
            return summary.records_skipped ? kExitSkipped : kExitOk;
          }};
}

}  // namespace revsearch::cli
