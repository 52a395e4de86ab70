#!/usr/bin/env bash
# Ranking evaluation (issue 8): nDCG@10 and MRR of benchmarks/queries/*.tsv
# before and after tuning BM25 k1/b and the title boost.
#   benchmarks/ranking-eval.sh              evaluate (regenerates nothing)
#   benchmarks/ranking-eval.sh --regenerate also re-samples the known-item queries
# Corpora: the seed review (passage-level judgments), and the first 30,000
# NSMC test-split reviews + the 2,000 English polarity reviews
# (review-level known-item queries).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${REVSEARCH_DATA:-../shared/data}
[[ -d $data ]] || { echo "ranking-eval: $data not found (set REVSEARCH_DATA)" >&2; exit 1; }
scripts/install-deps.sh
command -v unzip >/dev/null || { echo "ranking-eval: needs unzip (apt-get install unzip)" >&2; exit 1; }
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target revsearch ranking_eval >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(set +o pipefail; zcat "$data/nsmc/nsmc-reviews.jsonl.gz" | grep -E '"id": "nsmc-[0-9]*0"' | head -n 30000) > "$work/nsmc-test.jsonl"
unzip -q "$data/english/polarity-v2.0-movie-reviews.zip" -d "$work/english"
build/revsearch -q index --db "$work/seed-db" corpus/soundtrack-1.txt >/dev/null
# Exit status 3: a few NSMC reviews have empty text and are skipped.
build/revsearch -q index --db "$work/corpus-db" "$work/nsmc-test.jsonl" "$work/english/movie_reviews" >/dev/null 2>&1 ||
  [[ $? == 3 ]]
known=benchmarks/queries/known-items.tsv
if [[ ${1:-} == --regenerate || ! -f $known ]]; then
  {
    echo "# Known-item queries made by: build/benchmarks/ranking_eval make-known-items --count 20 --seed 42"
    echo "# (a seeded random review, three of its words as written; relevant = that review and exact copies)"
    build/benchmarks/ranking_eval make-known-items --nsmc "$work/nsmc-test.jsonl" \
      --english "$work/english/movie_reviews" --count 20 --seed 42
  } > "$known"
fi
cat benchmarks/queries/judged-seed.tsv "$known" > "$work/all.tsv"
build/benchmarks/ranking_eval eval --seed-db "$work/seed-db" --corpus-db "$work/corpus-db" --queries "$work/all.tsv"
