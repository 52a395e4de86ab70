// How `revsearch index` shows progress: a one-line bar on a terminal, a
// plain log line every few seconds otherwise, nothing with --quiet.
#pragma once

#include "revsearch/indexer/indexer.h"

namespace revsearch::cli {

// The callback for index_paths() and its call interval, chosen from stderr
// (terminal or not) and the log level (--quiet silences it).
struct ProgressDisplay {
  indexer::ProgressCallback callback;
  double interval_s = 1.0;
};
ProgressDisplay make_progress_display();

}  // namespace revsearch::cli
