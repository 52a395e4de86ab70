#!/usr/bin/env bash
# Rebuilds the bundled demo corpus from ../shared/data (see corpus/README.md):
# the Soundtrack #1 review as scraped, every 200th NSMC review, and the film
# catalogue of the films those reviews are about (corpus-films/: top three
# credits each), for `revsearch index --catalog corpus-films`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${REVSEARCH_DATA:-$here/../../shared/data}
cp "$data/reviews/soundtrack-1.txt" "$here/soundtrack-1.txt"
zcat "$data/nsmc/nsmc-reviews.jsonl.gz" | awk 'NR % 200 == 1' > "$here/nsmc-sample.jsonl"
wc -l "$here/nsmc-sample.jsonl"
films="$here/../corpus-films"
mkdir -p "$films"
# Movie ids of the sample, then the catalogue rows of those films.
grep -o '"movie_id": "[0-9]*"' "$here/nsmc-sample.jsonl" | grep -o '[0-9]*' | sort -u > "$films/.ids"
awk -F'\t' 'NR == FNR { keep[$1] = 1; next } FNR == 1 || keep[$1]' "$films/.ids" "$data/films/movies.tsv" > "$films/movies.tsv"
for f in genres countries; do
  awk -F, 'NR == FNR { keep[$1] = 1; next } FNR == 1 || keep[$1]' "$films/.ids" "$data/films/$f.csv" > "$films/$f.csv"
done
awk -F, 'NR == FNR { keep[$1] = 1; next } FNR == 1 || (keep[$1] && $3 <= 3)' "$films/.ids" "$data/films/castings.csv" \
  > "$films/castings.csv"
awk -F, 'NR > 1 { print $2 }' "$films/castings.csv" | sort -u > "$films/.people"
awk -F'\t' 'NR == FNR { keep[$1] = 1; next } FNR == 1 || keep[$1]' "$films/.people" "$data/films/people.tsv" \
  > "$films/people.tsv"
rm -f "$films/.ids" "$films/.people"
wc -l "$films"/*
