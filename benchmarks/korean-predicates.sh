#!/usr/bin/env bash
# Korean predicates: how many conjugated and nominalised forms of a
# dictionary-form adjective/verb a search finds, revsearch vs Lucene + Nori.
# Collection: the first N NSMC reviews (default 50,000). Queries: the 14
# dictionary forms of ../shared/data/queries/korean-predicates.tsv, as a user
# types them (유치하다). Relevant: a review whose text matches the
# predicate's regex of surface forms. revsearch: `revsearch index` of the
# slice, `revsearch search --json --all-passages --limit K` (review ids
# de-duplicated, best first); Lucene + Nori: NoriPeer retrieve (OR of the
# Nori-analysed query words, BM25). Prints P@10 and recall@K (default 1000)
# per predicate and their mean, then the surface forms each engine missed.
#
# --queries FILE measures another set of the same shape (word<TAB>regex), e.g.
# ../shared/data/queries/korean-pairs.tsv: two-word queries, relevant when
# the review writes a form of both words.
#
# Usage: benchmarks/korean-predicates.sh [--lines N] [--k K] [--queries FILE]
# Needs build/revsearch (Release); REVSEARCH=path/to/revsearch measures another
# build (before/after in one run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
data="$root/../shared/data"
bin="${REVSEARCH:-$root/build/revsearch}"
lines=50000
k=1000
predicates="$data/queries/korean-predicates.tsv"
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --k) k="$2"; shift 2 ;;
    --queries) predicates="$2"; shift 2 ;;
    *) echo "usage: $0 [--lines N] [--k K] [--queries FILE]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "build revsearch first: scripts/build.sh" >&2; exit 1; }
[ -f "$predicates" ] || { echo "no shared data at $data" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/revsearch-kr-pred.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp="$("$here/lucene/compile.sh" "$work/classes")"
py="$here/korean_predicates.py"

n=$(nice python3 "$py" prepare "$data/nsmc/nsmc-reviews.jsonl.gz" "$lines" "$work")
python3 "$py" queries "$predicates" "$work/queries.tsv"
echo "== revsearch index ($n reviews)" >&2
# Exit status 3: indexed, some records skipped (NSMC has a few empty reviews).
rc=0; nice "$bin" -q index --db "$work/rs" "$work/slice.jsonl.gz" >/dev/null || rc=$?
[ "$rc" = 0 ] || [ "$rc" = 3 ] || { echo "revsearch index failed ($rc)" >&2; exit 1; }
mkdir -p "$work/rs-hits"
while IFS=$'\t' read -r qid word; do
  nice "$bin" search --db "$work/rs" --json --all-passages --limit "$k" "$word" > "$work/rs-hits/$qid.json"
done < "$work/queries.tsv"
echo "== Lucene + Nori" >&2
nice java -cp "$cp" NoriPeer retrieve "$work/docs.jsonl" "$k" < "$work/queries.tsv" > "$work/nori.jsonl"

echo "Collection: the first $n NSMC reviews; revsearch $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), Lucene $(basename "$(ls /usr/share/java/lucene-core-[0-9]*.jar | sort -V | tail -1)" .jar | sed 's/lucene-core-//')."
echo
python3 "$py" report "$predicates" "$work/docs.jsonl" "$work/rs-hits" "$work/nori.jsonl" "$k"
