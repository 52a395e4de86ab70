#!/usr/bin/env bash
# The Korean retrieval check (korean_retrieval.cc) with Lucene + Nori next to
# revsearch's analyser and the two baselines: for each seed, the C++ check
# prints its figures and (REVSEARCH_DUMP_QUERIES) writes its collection and
# judged queries; NoriPeer indexes the same collection with KoreanAnalyzer
# and runs the OR of the Nori-analysed query words (BM25), scored with the
# same recall@10 and MRR. Prints one Markdown table.
#
# Usage: benchmarks/korean-retrieval-peers.sh [SEEDS...]   (default: 4 5 6 7)
#   QUERIES=50 COLLECTION=20000 as in the C++ check's defaults;
#   CHECK=path/to/bench_korean_retrieval measures another build (before/after).
# Builds build/bench_korean_retrieval (Release build of the project).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
data="$root/../shared/data"
check="${CHECK:-$root/build/bench_korean_retrieval}"
[ -n "${CHECK:-}" ] || cmake --build "$root/build" -j"$(nproc)" --target bench_korean_retrieval >/dev/null
[ -x "$check" ] || { echo "no $check" >&2; exit 1; }
[ -f "$data/nsmc/nsmc-reviews.jsonl.gz" ] || { echo "no shared data at $data" >&2; exit 1; }
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(4 5 6 7)

work="$(mktemp -d "${TMPDIR:-/tmp}/revsearch-kr-peers.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp="$("$here/lucene/compile.sh" "$work/classes")"

echo "| seed | method | recall@10 | MRR |"
echo "|---|---|---:|---:|"
for seed in "${seeds[@]}"; do
  role="held out"; [ "$seed" = 4 ] && role="tuning"
  mkdir -p "$work/$seed"
  REVSEARCH_DUMP_QUERIES="$work/$seed" nice "$check" "$data/nsmc/nsmc-reviews.jsonl.gz" \
    "${QUERIES:-50}" "${COLLECTION:-20000}" "$seed" > "$work/$seed/check.md"
  nice java -cp "$cp" NoriPeer retrieve "$work/$seed/collection.jsonl" 10 \
    < "$work/$seed/queries.tsv" > "$work/$seed/nori.jsonl"
  awk -F' *[|] *' -v s="$seed ($role)" '/^\| (whitespace|Hangul|revsearch)/ { printf "| %s | %s | %s | %s |\n", s, $2, $3, $4 }' \
    "$work/$seed/check.md"
  python3 - "$work/$seed/nori.jsonl" "$seed ($role)" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
s = [r for r in rows if r.get("summary")][0]
print(f"| {sys.argv[2]} | Lucene + Nori (KoreanAnalyzer) | {s['recall_at_10']:.3f} | {s['mrr']:.3f} |")
PY
  if [ -n "${REVSEARCH_PER_QUERY:-}" ]; then  # Nori's analysed terms and recall per query, on stderr
    python3 - "$work/$seed/queries.tsv" "$work/$seed/nori.jsonl" >&2 <<'PY'
import json, sys
rel = {l.split("\t")[0]: set(l.rstrip("\n").split("\t")[2].split(",")) for l in open(sys.argv[1], encoding="utf-8")}
for r in (json.loads(l) for l in open(sys.argv[2], encoding="utf-8")):
    if r.get("summary"): continue
    found = len(rel[r["qid"]] & set(r["ids"][:10]))
    print(f"nori\t{r['qid']}\t{found}/{len(rel[r['qid']])}\t{r['query']} -> {' '.join(r['terms'])}")
PY
  fi
done
