// Analyser throughput (issue 4): MB/s of Analyzer::analyze on NSMC reviews
// and on English film reviews, next to raw ICU word breaking (the
// BreakIterator walk alone, no folding or stemming) over the same texts in
// the same run. Each text is analysed separately, as the indexer does.
// Speeds are bytes per CPU second of the measuring thread, best of REPEATS.
// Usage: bench_analyzer_throughput [MEGABYTES] [REPEATS]
// English text is read with `unzip -p` from the polarity zip in ../shared/data.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "nsmc_input.h"
#include "revsearch/analysis/analyzer.h"
#include "revsearch/analysis/korean.h"

namespace {

std::vector<std::string> english_texts(std::size_t max_bytes) {
  std::string command = "unzip -p '" REVSEARCH_SHARED_DATA "/english/polarity-v2.0-movie-reviews.zip' '*.txt'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run unzip");
  std::vector<std::string> out;
  std::size_t total = 0;
  char line[1 << 16];
  while (total < max_bytes && std::fgets(line, sizeof line, pipe.get())) {
    out.emplace_back(line);  // one sentence a line
    total += out.back().size();
  }
  return out;
}

std::vector<std::string> korean_texts(std::size_t max_bytes) {
  std::vector<std::string> out;
  std::size_t total = 0;
  revsearch::bench::read_nsmc(REVSEARCH_SHARED_DATA "/nsmc/nsmc-reviews.jsonl.gz", [&](const auto& r) {
    out.push_back(r.text);
    total += r.text.size();
    return total < max_bytes;
  });
  return out;
}

// CPU time of this thread: on a machine shared with other builds, wall
// time varies by a factor of two between runs; CPU time much less.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Best of `repeats` runs: CPU seconds, and the count `run` returns (the
// invariant printed next to the speed).
std::pair<double, std::size_t> best_of(int repeats, const std::function<std::size_t()>& run) {
  double best = 1e30;
  std::size_t count = 0;
  for (int i = 0; i < repeats; ++i) {
    double start = cpu_seconds();
    count = run();
    best = std::min(best, cpu_seconds() - start);
  }
  return {best, count};
}

void measure(const char* name, const std::vector<std::string>& texts, int repeats,
             revsearch::analysis::Pipeline pipeline = revsearch::analysis::Pipeline::kAuto,
             bool index_terms = false) {
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> breaker(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU createWordInstance failed");
  auto [icu_s, icu_words] = best_of(repeats, [&] {
    std::size_t words = 0;
    for (const auto& t : texts) {
      UErrorCode st = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, t.data(), static_cast<int64_t>(t.size()), &st);
      breaker->setText(ut, st);
      for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; end = breaker->next()) {
        if (breaker->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++words;
      }
      utext_close(ut);
    }
    return words;
  });
  revsearch::analysis::Analyzer analyzer(pipeline);
  auto [an_s, an_tokens] = best_of(repeats, [&] {
    std::size_t tokens = 0;
    for (const auto& t : texts) {
      std::vector<revsearch::analysis::Token> analysed = analyzer.analyze(t);
      tokens += analysed.size();
      if (!index_terms) continue;
      for (const auto& token : analysed) {  // what the document builder adds; counted too
        tokens += revsearch::analysis::token_bigrams(token).size();
        tokens += revsearch::analysis::token_initials(token).empty() ? 0 : 1;
      }
    }
    return tokens;
  });
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf("| %s | %.1f MB, %zu texts | %.1f MB/s (%zu words) | %.1f MB/s (%zu %s) | %.2f |\n", name, mb,
              texts.size(), mb / icu_s, icu_words, mb / an_s, an_tokens, index_terms ? "tokens+terms" : "tokens",
              icu_s / an_s);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t megabytes = argc > 1 ? std::stoul(argv[1]) : 10;
  int repeats = argc > 2 ? std::stoi(argv[2]) : 3;
  try {
    std::vector<std::string> ko = korean_texts(megabytes * 1000000);
    std::vector<std::string> en = english_texts(megabytes * 1000000);
    std::printf("| text | input | raw ICU BreakIterator | revsearch Analyzer | analyser / ICU |\n|---|---|---|---|---|\n");
    measure("NSMC (Korean)", ko, repeats);
    measure("polarity v2.0 (English)", en, repeats);
    // The same Korean text without the Korean stage (stems, bigrams, 초성):
    // what that stage costs on top of the shared pipeline.
    measure("NSMC, --lang en (no Korean stage)", ko, repeats, revsearch::analysis::Pipeline::kEnglish);
    // Plus the bigram and 초성 terms the document builder derives per token.
    measure("NSMC + Korean index terms", ko, repeats, revsearch::analysis::Pipeline::kAuto, true);
  } catch (const std::exception& e) {
    std::cerr << "bench_analyzer_throughput: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
