#!/usr/bin/env bash
# The README's second command (and CI's): install what is missing, build
# with tests and run the whole suite through ctest. With
# CI=true (set by CI) or REVSEARCH_HARDENING=1 it then also runs the whole
# suite again under AddressSanitizer + UndefinedBehaviorSanitizer and
# smoke-runs every libFuzzer target for 10 s, from one clang build
# (build-asan/, preset "asan").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DREVSEARCH_BUILD_TESTS=ON
(cd build && ctest --output-on-failure -j"$(nproc)" "$@")

if [[ ${CI:-} == true || ${REVSEARCH_HARDENING:-} == 1 ]]; then
  echo "== ASan + UBSan: the whole suite in build-asan/" >&2
  cmake --preset asan >/dev/null
  cmake --build --preset asan >/dev/null
  ctest --preset asan "$@"
  echo "== fuzz smoke run: every target for 10 s" >&2
  scripts/fuzz.sh 10
fi
