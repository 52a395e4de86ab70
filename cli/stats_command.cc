// `revsearch stats --db DIR`
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "revsearch/api/json.h"
#include "revsearch/query/stats.h"

namespace revsearch::cli {
namespace {


int print_term_budget(const query::TermBudget& b, bool json) {
  if (json) {
    std::cout << api::term_budget_json(b).dump() << "\n";
    return kExitOk;
  }
  std::printf("passages: %llu (and %llu review documents, one per review of several passages)\n",
              static_cast<unsigned long long>(b.passages), static_cast<unsigned long long>(b.review_documents));
  std::printf("%-8s %10s %12s %9s %7s %s\n", "prefix", "terms", "postings", "/passage", "share", "positions");
  for (const query::PrefixCost& p : b.prefixes) {
    std::printf("%-8s %10llu %12llu %9.2f %6.1f%% %s\n", p.prefix.empty() ? "(words)" : p.prefix.c_str(),
                static_cast<unsigned long long>(p.terms), static_cast<unsigned long long>(p.postings),
                api::per_passage(p.postings, b.passages), 100.0 * api::per_passage(p.postings, b.postings),
                p.positional ? "yes" : "");
  }
  std::printf("%-8s %10s %12llu %9.2f\n", "all", "", static_cast<unsigned long long>(b.postings),
              api::per_passage(b.postings, b.passages));
  std::printf("positions: %.2f per passage\n", api::per_passage(b.positions, b.passages));
  std::printf("stored data: %.1f bytes per passage\n", api::per_passage(b.data_bytes, b.passages));
  std::printf("vocabulary-level: %llu synonym keys, %llu metadata keys\n",
              static_cast<unsigned long long>(b.synonym_keys), static_cast<unsigned long long>(b.metadata_keys));
  std::printf("on disk:");
  for (const auto& [table, bytes] : b.table_bytes) std::printf(" %s %.1f MB", table.c_str(), static_cast<double>(bytes) / 1e6);
  std::printf("\n");
  return kExitOk;
}

}  // namespace


Command add_stats_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto terms = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("stats", "Show what a database holds");
  sub->add_option("--db", *db, "Database directory")->required();
  sub->add_flag("--json", *json, "Print JSON");
  sub->add_flag("--terms", *terms,
                "What a passage costs: postings per passage by term prefix, positions, stored data, table sizes");
  return {sub, [db, json, terms] {
            if (*terms) return print_term_budget(query::term_budget(*db), *json);
            query::DatabaseStats s = query::database_stats(*db);
            if (*json) {
              std::cout << api::stats_json(s).dump() << "\n";
              return kExitOk;
            }
            std::cout << "reviews:   " << s.reviews << "\n"
                      << "passages:  " << s.passages;
            for (const auto& [kind, count] : s.kinds) std::cout << (kind == "review" ? " (" : ", ") << kind << ": " << count;
            std::cout << (s.kinds.empty() ? "" : ")") << "\n"
                      << "terms:     " << s.terms << "\n"
                      << "size:      " << s.size_bytes / 1024 << " KiB\n"
                      << "format:    " << (s.format.empty() ? "(none yet)" : s.format) << "\n"
                      << "languages:";
            for (const auto& [lang, count] : s.languages) std::cout << " " << lang << "=" << count;
            std::cout << "\n";
            return kExitOk;
          }};
}

}  // namespace revsearch::cli
