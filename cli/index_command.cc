// `revsearch index --db DIR PATH...`
#include <spdlog/spdlog.h>

#include <iostream>

#include "commands.h"
#include "revsearch/errors.h"
#include "revsearch/indexer/indexer.h"

namespace revsearch::cli {
namespace {

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  std::vector<std::string> field_mappings;
  std::string title;
  std::size_t max_record_bytes = 10u << 20;
  std::size_t commit_every = 20000;
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
  if (s.stale_passages_removed) std::cout << "stale passages removed: " << s.stale_passages_removed << "\n";
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
            << (s.seconds > 0 ? mb / s.seconds : 0.0) << " MB/s)\n";
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

  return {sub, [args] {
            indexer::IndexOptions options;
            options.reader.max_record_bytes = args->max_record_bytes;
            options.reader.title = args->title;
            options.commit_every = args->commit_every;
            for (const std::string& mapping : args->field_mappings) {
              auto eq = mapping.find('=');
              if (eq == std::string::npos || eq == 0 || eq + 1 == mapping.size()) {
                throw UsageError("--field " + mapping + ": expected FIELD=NAME, e.g. text=document");
              }
              options.reader.field_map[mapping.substr(0, eq)] = mapping.substr(eq + 1);
            }
            indexer::IndexSummary summary = indexer::index_paths(args->db, args->paths, options);
            print_summary(summary);
            return summary.records_skipped ? kExitSkipped : kExitOk;
          }};
}

}  // namespace revsearch::cli
