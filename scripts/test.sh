#!/usr/bin/env bash
# The README's second command (and CI's): install what is missing, build
# with tests and run the whole suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" "$@"
