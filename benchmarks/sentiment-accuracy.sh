#!/bin/sh
# Sentiment accuracy next to baselines, all measured in one run:
# NSMC test split accuracy vs majority class and plain unweighted lexicon;
# Pearson r on the three sentiment-dev sets and accuracy on the 2,000
# polarity reviews vs plain VADER-lexicon sum. Usage (from the repository):
#   benchmarks/sentiment-accuracy.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
data=$here/../shared/data
[ -d "$data" ] || { echo "sentiment-accuracy: $data not found" >&2; exit 1; }
cmake --build "$build" -j2 --target sentiment-eval >/dev/null
eval_tool=$build/sentiment-eval
echo "machine: $(uname -srm), $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$here" rev-parse --short HEAD)"
"$eval_tool" nsmc "$data/nsmc/nsmc-reviews.jsonl.gz"
echo "English sentiment-dev:"
for f in "$data"/sentiment-dev/*_GroundTruth.txt; do "$eval_tool" dev "$f"; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unzip -q "$data/english/polarity-v2.0-movie-reviews.zip" -d "$tmp"
"$eval_tool" polarity "$tmp/movie_reviews"
# The learned English model: 10-fold cross-validation on polarity-v2 (each
# fold's model never saw its 200 reviews) and Pearson r on the report halves.
cmake --build "$build" -j2 --target make-sentiment-model >/dev/null
"$build/make-sentiment-model" en-cv "$tmp/movie_reviews" "$data/sentiment-dev"
# How the English settings were chosen: 10-fold cross-validation inside the
# training data (polarity folds and the even lines), before and committed.
echo "Cross-validated on the training data only (even lines), for choosing settings:"
"$build/make-sentiment-model" en-dev-cv "$tmp/movie_reviews" "$data/sentiment-dev"
