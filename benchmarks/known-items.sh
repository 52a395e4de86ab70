#!/usr/bin/env bash
# Known-item search over whole reviews (issue 18): three distinctive words
# (document frequency 2-30) from three different lines of a seeded random
# polarity review; revsearch vs plain Xapian over whole reviews, same run.
# Then the shape of the passages: passages per review, words per passage,
# postings per passage.
#   benchmarks/known-items.sh [--revsearch BIN] [--seeds 1,2,3,4] [--tune-seed 1] [--review-weight X]
# BIN defaults to build/revsearch (another build gives the "before" column).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${REVSEARCH_DATA:-../shared/data}
bin=build/revsearch
extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --revsearch) bin=$2; shift 2 ;;
    --seeds|--tune-seed|--review-weight|--count) extra+=("$1" "$2"); shift 2 ;;
    *) echo "usage: $0 [--revsearch BIN] [--seeds S,S] [--tune-seed S] [--review-weight X] [--count N]" >&2; exit 2 ;;
  esac
done
command -v unzip >/dev/null || { echo "known-items: needs unzip" >&2; exit 1; }
cmake --build build -j"$(nproc)" --target bench_known_items >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$data/english/polarity-v2.0-movie-reviews.zip" -d "$work/english"
nice "$bin" -q index --db "$work/db" "$work/english/movie_reviews" >/dev/null
echo "## Known items ($("$bin" --version 2>/dev/null || echo "$bin"))"
nice build/benchmarks/bench_known_items eval --reviews "$work/english/movie_reviews" --db "$work/db" --revsearch "$bin" "${extra[@]}"
echo
echo "## Passages of the 2,000 polarity reviews"
build/benchmarks/bench_known_items passages --db "$work/db"
echo "index size: $(du -sb "$work/db" | cut -f1) bytes"
