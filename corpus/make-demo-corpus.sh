#!/usr/bin/env bash
# Rebuilds the bundled demo corpus from ../shared/data (see corpus/README.md):
# the Soundtrack #1 review as scraped, and every 200th NSMC review.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${REVSEARCH_DATA:-$here/../../shared/data}
cp "$data/reviews/soundtrack-1.txt" "$here/soundtrack-1.txt"
zcat "$data/nsmc/nsmc-reviews.jsonl.gz" | awk 'NR % 200 == 1' > "$here/nsmc-sample.jsonl"
wc -l "$here/nsmc-sample.jsonl"
