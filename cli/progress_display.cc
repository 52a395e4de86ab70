// Progress of an indexing run on stderr (stdout is for the summary).
#include "progress_display.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace revsearch::cli {
namespace {

std::string eta_text(const indexer::IndexProgress& p) {
  if (p.bytes_read == 0 || p.bytes_total <= p.bytes_read || p.seconds <= 0) return "--:--";
  double rate = static_cast<double>(p.bytes_read) / p.seconds;
  auto left = static_cast<long>(static_cast<double>(p.bytes_total - p.bytes_read) / rate);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", left / 60, left % 60);
  return buf;
}

struct Rates {
  double reviews_per_s = 0, mb_per_s = 0, fraction = 0;
};

Rates rates_of(const indexer::IndexProgress& p) {
  Rates r;
  if (p.seconds > 0) {
    r.reviews_per_s = static_cast<double>(p.reviews_read) / p.seconds;
    r.mb_per_s = static_cast<double>(p.bytes_read) / 1e6 / p.seconds;
  }
  if (p.bytes_total > 0) r.fraction = static_cast<double>(p.bytes_read) / static_cast<double>(p.bytes_total);
  return r;
}

void draw_bar(const indexer::IndexProgress& p) {
  Rates r = rates_of(p);
  constexpr int kWidth = 24;
  int filled = static_cast<int>(r.fraction * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::fprintf(stderr, "\r[%s] %3d%% %zu reviews %.0f/s %.2f MB/s ETA %s skipped %zu unchanged %zu\x1b[K",
               bar.c_str(), static_cast<int>(r.fraction * 100), p.reviews_read, r.reviews_per_s, r.mb_per_s,
               eta_text(p).c_str(), p.records_skipped, p.reviews_unchanged);
  if (p.final) std::fputc('\n', stderr);
  std::fflush(stderr);
}

void log_line(const indexer::IndexProgress& p) {
  if (p.final) return;  // the summary follows on stdout
  Rates r = rates_of(p);
  spdlog::info("{} reviews read ({:.0f}%), {} passages, {:.0f} reviews/s, {:.2f} MB/s, ETA {}, {} skipped, {} unchanged",
               p.reviews_read, r.fraction * 100, p.passages_indexed, r.reviews_per_s, r.mb_per_s, eta_text(p),
               p.records_skipped, p.reviews_unchanged);
}

}  // namespace

ProgressDisplay make_progress_display() {
  if (!spdlog::should_log(spdlog::level::info)) return {};
  if (isatty(STDERR_FILENO) == 1) return {draw_bar, 0.25};
  return {log_line, 5.0};
}

}  // namespace revsearch::cli
