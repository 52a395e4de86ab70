#!/usr/bin/env bash
# Builds the libFuzzer targets (issue 9) with clang into build-asan/fuzz/ and runs
# each for SECONDS (default 10: CI's smoke run), as many at a time as there
# are cores, each in-process (no -jobs: that would fork and log to
# ./fuzz-N.log), at low priority.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: see fuzz/CMakeLists.txt)
# Per target: the growing corpus in build-asan/fuzz/corpus/T, the log in
# build-asan/fuzz/logs/T.log, crash inputs in build-asan/fuzz/artifacts/. Prints one
# line per target (executions, coverage) and fails if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_read_txt fuzz_read_jsonl fuzz_read_tsv fuzz_read_csv fuzz_read_gzip
  fuzz_analyzer fuzz_query_parser fuzz_sentiment fuzz_http_handler fuzz_passage_record)

cmake --preset asan >/dev/null
cmake --build --preset asan --target "${targets[@]}" >/dev/null
[[ -d build-asan/fuzz/seeds ]] || scripts/fuzz-seeds.sh build-asan/fuzz/seeds >/dev/null
mkdir -p build-asan/fuzz/logs build-asan/fuzz/artifacts

# One target: runs it, writes its one-line summary to logs/T.result.
run_target() {
  local t=$1 log="build-asan/fuzz/logs/$1.log" status=ok
  mkdir -p "build-asan/fuzz/corpus/$t"
  # -detect_leaks=0: ICU and Xapian keep process-lifetime caches LSan would report.
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 nice -n 10 "build-asan/$t" \
      -max_total_time="$seconds" -max_len=8192 -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build-asan/fuzz/artifacts/$t-" \
      "build-asan/fuzz/corpus/$t" "build-asan/fuzz/seeds/$t" >"$log" 2>&1 || status=FAILED
  local execs cov corpus
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  corpus=$(ls "build-asan/fuzz/corpus/$t" | wc -l)
  echo "$t: $status, ${execs:-?} executions in ${seconds}s, ${cov:-cov: ?}, corpus $corpus (log: $log)" \
    >"build-asan/fuzz/logs/$t.result"
}

parallel=$(nproc)
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= parallel)); do wait -n || true; done
  run_target "$t" &
done
wait

failed=0
for t in "${targets[@]}"; do
  cat "build-asan/fuzz/logs/$t.result"
  grep -q ": ok," "build-asan/fuzz/logs/$t.result" || failed=1
done
exit "$failed"
