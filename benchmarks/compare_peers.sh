#!/usr/bin/env bash
# Measures revsearch against Debian-packaged peers on the same corpus in the
# same run: Xapian's scriptindex (xapian-omega), SQLite FTS5 (unicode61 and
# trigram tokenizers) and Lucene 8 with the Nori Korean analyzer
# (liblucene8-java; Elasticsearch's engine and its `nori` analyzer, driven by
# benchmarks/lucene/NoriPeer.java, compiled here with javac). Indexing wall time, reviews/s, MB/s, peak RSS
# (/usr/bin/time -v), index size on disk (Xapian databases also after
# compaction; FTS5 after its 'optimize'); query latency percentiles over the
# committed query set (benchmarks/queries/queries.txt). Writes a markdown
# report with the ratios to benchmarks/results/.
#
# Usage: benchmarks/compare_peers.sh [--nsmc-lines N] [--repeat N] [--shards N]
#                                    [--lucene-warmup N] [--bin FILE] [--out FILE]
#   --nsmc-lines N     index only the first N NSMC reviews (default: all 712,404)
#   --shards N         revsearch writes N shards (one Xapian writer thread each)
#   --bin FILE         the revsearch binary to measure (default build/revsearch;
#                      pass a copy to keep rebuilding while the run goes on)
#   --lucene-warmup N  warm-up rounds over the query set before Lucene's timed
#                      runs (default 20: the JIT's steady state, as in a running
#                      Elasticsearch node); the native engines get 1
# Needs build/revsearch (Release). Runs everything under `nice`: the machine
# may be shared.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
data="$root/../shared/data"
bin="$root/build/revsearch"
nsmc_lines=all
repeat=5
shards=1
lucene_warmup=20
out="$here/results/peers-$(date -u +%Y%m%d-%H%M).md"
while [ $# -gt 0 ]; do
  case "$1" in
    --nsmc-lines) nsmc_lines="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --shards) shards="$2"; shift 2 ;;
    --lucene-warmup) lucene_warmup="$2"; shift 2 ;;
    --bin) bin="$(realpath "$2")"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--nsmc-lines N] [--repeat N] [--shards N] [--lucene-warmup N] [--bin FILE] [--out FILE]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "build revsearch first: cmake -S . -B build && cmake --build build" >&2; exit 1; }
[ -d "$data/nsmc" ] || { echo "no shared data at $data" >&2; exit 1; }

# Peers from Debian, installed if missing.
missing=()
command -v scriptindex >/dev/null || missing+=(xapian-omega)
command -v xapian-compact >/dev/null || missing+=(xapian-tools)
[ -x /usr/bin/time ] || missing+=(time)
command -v unzip >/dev/null || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y "${missing[@]}" >/dev/null
fi

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d "${TMPDIR:-/tmp}/revsearch-peers.XXXXXX")"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
mkdir -p "$corpus" "$work/peer" "$(dirname "$out")"
# Lucene + Nori: compiled before anything is timed (installs
# default-jdk-headless and liblucene8-java if missing).
lucene_cp="$("$here/lucene/compile.sh" "$work/lucene-classes")"

echo "== corpus" >&2
if [ "$nsmc_lines" = all ]; then
  ln -s "$(realpath "$data/nsmc/nsmc-reviews.jsonl.gz")" "$corpus/nsmc.jsonl.gz"
else
  { zcat "$data/nsmc/nsmc-reviews.jsonl.gz" || true; } | head -n "$nsmc_lines" | gzip -1 > "$corpus/nsmc.jsonl.gz"
fi
unzip -q "$data/english/polarity-v2.0-movie-reviews.zip" -d "$work/polarity-zip"
mkdir -p "$corpus/polarity"
# The zip holds movie_reviews/{pos,neg}/*.txt (plus a README we do not index).
find "$work/polarity-zip" -path '*/pos/*.txt' -o -path '*/neg/*.txt' | while read -r f; do
  d="$corpus/polarity/$(basename "$(dirname "$f")")"; mkdir -p "$d"; cp "$f" "$d/"
done
cp "$root/corpus/soundtrack-1.txt" "$corpus/"
docs=$(nice python3 "$here/peers.py" prepare "$corpus" "$work/peer")
input_bytes=$(( $(zcat "$corpus/nsmc.jsonl.gz" | wc -c) + $(cat "$corpus"/polarity/*/*.txt "$corpus/soundtrack-1.txt" | wc -c) ))

# measure NAME COMMAND...: wall seconds and peak RSS of one command.
measure() {
  local name="$1"; shift
  /usr/bin/time -v -o "$work/time-$name.txt" nice "$@" > "$work/stdout-$name.txt"
}
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time-$1.txt"; }
rss_of() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time-$1.txt"; }
size_of() { du -sb "$1" | cut -f1; }
index_json() {  # NAME DB DOCUMENTS [COMPACTED_DB [SERVING_DB]]
  local compacted=null serving=null
  [ -n "${4:-}" ] && compacted="$(size_of "$4")"
  [ -n "${5:-}" ] && serving="$(size_of "$5")"
  printf '{"wall_s": %s, "rss_kb": %s, "bytes": %s, "documents": %s, "compacted_bytes": %s, "serving_bytes": %s}\n' \
    "$(wall_of "$1")" "$(rss_of "$1")" "$(size_of "$2")" "$3" "$compacted" "$serving" > "$work/index-$1.json"
}

echo "== indexing: revsearch" >&2
measure revsearch "$bin" -q bench index --json --shards "$shards" --db "$work/rs" "$corpus/nsmc.jsonl.gz" "$corpus/polarity" "$corpus/soundtrack-1.txt"
cp "$work/stdout-revsearch.txt" "$work/revsearch-index.json"
"$bin" -q compact --db "$work/rs" --out "$work/rs-compact" >/dev/null
# The copy for serving: no term lists (only updates need them).
"$bin" -q compact --search-only --db "$work/rs" --out "$work/rs-serving" >/dev/null
index_json revsearch "$work/rs" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["passages_indexed"])' "$work/revsearch-index.json")" "$work/rs-compact" "$work/rs-serving"

echo "== indexing: scriptindex" >&2
# Stores id, title and text for display, as revsearch and FTS5 do.
printf 'id : field boolean=Q unique=Q\ntitle : field index=S index\ntext : field index\n' > "$work/peer/index.script"
measure scriptindex scriptindex "$work/xapian" "$work/peer/index.script" "$work/peer/scriptindex.in"
nice xapian-compact "$work/xapian" "$work/xapian-compact" >/dev/null
index_json scriptindex "$work/xapian" "$docs" "$work/xapian-compact"

for tok in unicode61 trigram; do
  echo "== indexing: SQLite FTS5 ($tok)" >&2
  measure "fts5-$tok" python3 "$here/peers.py" fts5-build "$work/fts5-$tok.db" "$tok" "$work/peer/docs.jsonl"
  index_json "fts5-$tok" "$work/fts5-$tok.db" "$docs"
done

echo "== indexing: Lucene + Nori" >&2
# JVM defaults (heap, GC); one writer thread per core, as revsearch's workers.
measure lucene-nori java -cp "$lucene_cp" NoriPeer index "$work/peer/docs.jsonl" "$work/lucene"
cp "$work/stdout-lucene-nori.txt" "$work/lucene-nori-index.json"
index_json lucene-nori "$work/lucene" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["docs"])' "$work/lucene-nori-index.json")"

echo "== queries" >&2
queries="$here/queries/queries.txt"
nice "$bin" bench query --json --db "$work/rs" --queries "$queries" --threads 1 --warmup 1 --repeat "$repeat" \
  > "$work/query-revsearch.json"
g++ -O2 -std=c++17 -o "$work/xapian_query_timer" "$here/xapian_query_timer.cc" -lxapian
python3 "$here/peers.py" translate "$queries" "$work/peer/queries-xapian.tsv"
nice "$work/xapian_query_timer" "$work/xapian" 1 "$repeat" < "$work/peer/queries-xapian.tsv" > "$work/query-scriptindex.jsonl"
nice java -cp "$lucene_cp" NoriPeer query "$work/lucene" "$lucene_warmup" "$repeat" \
  < "$work/peer/queries-xapian.tsv" > "$work/query-lucene-nori.jsonl"
for tok in unicode61 trigram; do
  nice python3 "$here/peers.py" fts5-query "$work/fts5-$tok.db" "$queries" 1 "$repeat" > "$work/query-fts5-$tok.jsonl"
done

cat > "$work/meta.json" <<JSON
{"date": "$(date -u +%Y-%m-%dT%H:%MZ)", "machine": "$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), revsearch $(git -C "$root" rev-parse --short HEAD), $(scriptindex --version | head -1), SQLite $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)'), Lucene $(basename "${lucene_cp##*:}" .jar | sed 's/.*-//') on $(java -version 2>&1 | head -1 | tr -d '"')",
 "lucene_warmup": $lucene_warmup,
 "load": "$load_start", "load_end": "$(cut -d' ' -f1-3 /proc/loadavg)", "docs": $docs, "input_bytes": $input_bytes,
 "corpus": "NSMC ${nsmc_lines} lines + 2,000 polarity reviews + the seed review",
 "peers": ["revsearch", "scriptindex", "fts5-unicode61", "fts5-trigram", "lucene-nori"],
 "command": "benchmarks/compare_peers.sh --nsmc-lines $nsmc_lines --repeat $repeat --shards $shards --lucene-warmup $lucene_warmup"}
JSON
python3 "$here/peers.py" report "$work" "$out"
cp "$work/revsearch-index.json" "${out%.md}-revsearch-index.json"
cp "$work/query-revsearch.json" "${out%.md}-revsearch-query.json"
echo "report: $out" >&2
