#!/bin/sh
# Trains both sentiment models from the shared data into OUT_DIR
# (english_model.tsv, korean_model.tsv). Regenerate the committed ones:
#   sentiment/tools/make_models.sh build/make-sentiment-model ../shared/data sentiment/data
# The test suite runs it into a temporary folder and compares (cmp).
set -eu
[ $# -eq 3 ] || { echo "usage: make_models.sh MAKE_SENTIMENT_MODEL SHARED_DATA OUT_DIR" >&2; exit 2; }
tool=$1 data=$2 out=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unzip -q "$data/english/polarity-v2.0-movie-reviews.zip" -d "$tmp"
"$tool" en "$tmp/movie_reviews" "$data/sentiment-dev" "$out/english_model.tsv" >/dev/null
"$tool" ko "$data/nsmc/nsmc-reviews.jsonl.gz" "$out/korean_model.tsv" 2>/dev/null
