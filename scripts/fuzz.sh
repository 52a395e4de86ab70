#!/usr/bin/env bash
# Builds the libFuzzer targets (issue 9) with clang into build-fuzz/ and runs
# each for SECONDS (default 10: CI's smoke run), one at a time, in-process
# (no -jobs: that would fork and log to ./fuzz-N.log), at low priority.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: see fuzz/CMakeLists.txt)
# Per target: the growing corpus in build-fuzz/corpus/T, the log in
# build-fuzz/logs/T.log, crash inputs in build-fuzz/artifacts/. Prints one
# line per target (executions, coverage) and fails if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_read_txt fuzz_read_jsonl fuzz_read_tsv fuzz_read_csv fuzz_read_gzip
  fuzz_analyzer fuzz_query_parser fuzz_sentiment)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DREVSEARCH_FUZZ=ON -DREVSEARCH_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]}" >/dev/null
[[ -d build-fuzz/seeds ]] || scripts/fuzz-seeds.sh build-fuzz/seeds >/dev/null
mkdir -p build-fuzz/logs build-fuzz/artifacts

failed=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  log="build-fuzz/logs/$t.log"
  # -detect_leaks=0: ICU and Xapian keep process-lifetime caches LSan would report.
  if ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 nice -n 10 "build-fuzz/$t" \
      -max_total_time="$seconds" -max_len=8192 -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/artifacts/$t-" \
      "build-fuzz/corpus/$t" "build-fuzz/seeds/$t" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  corpus=$(ls "build-fuzz/corpus/$t" | wc -l)
  echo "$t: $status, ${execs:-?} executions in ${seconds}s, ${cov:-cov: ?}, corpus $corpus (log: $log)"
done
exit "$failed"
