#!/usr/bin/env bash
# Configures (Release by default) and builds into ./build. TARGET=revsearch
# builds only the binary; extra arguments go to cmake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
cmake --build build -j"$(nproc)" ${TARGET:+--target "$TARGET"}
