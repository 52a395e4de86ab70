#!/usr/bin/env bash
# Load test of `revsearch serve` (issue 15) with wrk (Debian `wrk`): requests/s
# and p50/p90/p99 latency of GET /search at 1, 8 and 64 connections over the
# committed query set (benchmarks/queries/queries.txt), next to the
# in-process figures of `revsearch bench query` on the same database, and
# the server's overhead per query (HTTP p50 at 1 connection minus the
# in-process p50). Every run is bounded: --duration seconds per connection
# count, wrk's 10 s request timeout. The server binds 127.0.0.1 only and is
# stopped at the end. Writes a markdown report.
#
# Usage: benchmarks/serve-load.sh (--demo | --nsmc-lines N | --db DIR) [--duration S] [--threads N] [--out FILE]
#   --demo          index the bundled demo corpus (corpus/)
#   --nsmc-lines N  index the first N NSMC reviews from ../shared/data
#   --db DIR        use an existing database
# Needs build/revsearch (Release). Runs everything under `nice`.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
bin="$root/build/revsearch"
queries="$here/queries/queries.txt"
source="" db="" duration=10 threads=2 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --demo) source=demo; shift ;;
    --nsmc-lines) source="nsmc:$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 (--demo | --nsmc-lines N | --db DIR) [--duration S] [--threads N] [--out FILE]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "build revsearch first: scripts/build.sh" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh installs it" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/revsearch-serve-load.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

label=""
case "$source" in
  demo)
    db="$work/db"; label="demo corpus (corpus/)"
    nice "$bin" --quiet index --db "$db" "$root/corpus" >/dev/null ;;
  nsmc:*)
    lines="${source#nsmc:}"; db="$work/db"; label="NSMC, first $lines reviews"
    { zcat "$root/../shared/data/nsmc/nsmc-reviews.jsonl.gz" || true; } | head -n "$lines" > "$work/nsmc.jsonl"
    nice "$bin" --quiet index --db "$db" "$work/nsmc.jsonl" >/dev/null || [ $? -eq 3 ]
    rm -f "$work/nsmc.jsonl" ;;
  "")
    [ -n "$db" ] || { echo "give --demo, --nsmc-lines N or --db DIR" >&2; exit 2; }
    label="database $db" ;;
esac
reviews="$("$bin" stats --db "$db" --json | sed -E 's/.*"reviews":([0-9]+).*/\1/')"
passages="$("$bin" stats --db "$db" --json | sed -E 's/.*"passages":([0-9]+).*/\1/')"

echo "== in process: revsearch bench query" >&2
nice "$bin" bench query --db "$db" --queries "$queries" --threads 1 --warmup 1 --repeat 30 --json > "$work/inproc1.json"
nice "$bin" bench query --db "$db" --queries "$queries" --threads "$threads" --warmup 1 --repeat 30 --json > "$work/inproc.json"

echo "== server" >&2
nice "$bin" serve --db "$db" --host 127.0.0.1 --port 0 --threads "$threads" > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 1 300); do
  grep -qE 'http://127\.0\.0\.1:[0-9]+/' "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/serve.out")"
[ -n "$url" ] || { cat "$work/serve.err" >&2; exit 1; }

declare -A result
for c in 1 8 64; do
  t=$(( c < 2 ? 1 : 2 ))
  echo "== wrk: $c connections, $duration s" >&2
  nice wrk -t"$t" -c"$c" -d"${duration}s" --timeout 10s --latency -s "$here/serve-load.lua" "$url" -- "$queries" 10 \
    > "$work/wrk-$c.txt"
  result[$c]="$(grep '^{"requests"' "$work/wrk-$c.txt")"
done
echo "== wrk: GET /health, 1 connection, $duration s" >&2
nice wrk -t1 -c1 -d"${duration}s" --timeout 10s -s "$here/serve-load.lua" "$url" -- health > "$work/wrk-health.txt"
result[health]="$(grep '^{"requests"' "$work/wrk-health.txt")"
refused="$(grep -c 'refused' "$work/serve.err" || true)"
kill "$server_pid"; wait "$server_pid" || true; server_pid=""

python3 - "$work" "$label" "$reviews" "$passages" "$threads" "$duration" "$refused" \
  "${result[1]}" "${result[8]}" "${result[64]}" "${result[health]}" <<'PY' | tee ${out:+"$out"}
import json, sys, subprocess, datetime, os
work, label, reviews, passages, threads, duration, refused = sys.argv[1:8]
runs = {c: json.loads(s) for c, s in zip((1, 8, 64), sys.argv[8:11])}
health = json.loads(sys.argv[11])
def inproc(path):
    report = json.load(open(path))
    # bench's own qps counts each searcher's start-up in its wall time; the
    # steady rate is searchers / mean latency.
    threads = report.get("threads", 1)
    overall = dict(report["overall"], qps=1000.0 * threads / report["overall"]["mean_ms"], queries=report["queries"])
    return report, overall
r1, all1 = inproc(os.path.join(work, "inproc1.json"))
rn, alln = inproc(os.path.join(work, "inproc.json"))
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
load = open("/proc/loadavg").read().split()[:3]
print(f"# revsearch serve load test: {label}\n")
print(f"{datetime.datetime.utcnow():%Y-%m-%dT%H:%MZ}, revsearch {commit}, {os.cpu_count()} cores shared with other jobs "
      f"(load average at the end {' '.join(load)}), everything under `nice`. Database: {reviews} reviews, {passages} passages. "
      f"Server: `revsearch serve --threads {threads}` on 127.0.0.1; client: wrk, GET /search?limit=10&q=... cycling through "
      f"the {all1['queries']} queries of benchmarks/queries/queries.txt, {duration} s per row.\n")
print("| connections | requests | requests/s | mean ms | p50 ms | p90 ms | p99 ms | max ms | failed |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for c, r in runs.items():
    failed = sum(r["errors"].values())
    print(f"| {c} | {r['requests']} | {r['rps']:.0f} | {r['mean_ms']:.2f} | {r['p50_ms']:.2f} | {r['p90_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.1f} | {failed} |")
print(f"\nRefused requests logged by the server: {refused}.\n")
def row(name, s):
    return f"| {name} | {s['qps']:.0f} | {s['mean_ms']:.2f} | {s['p50_ms']:.2f} | {s['p99_ms']:.2f} |"
print("In process (`revsearch bench query`, same database and queries, limit 10, 30 rounds; queries/s = searchers / mean latency):\n")
print("| searchers | queries/s | mean ms | p50 ms | p99 ms |\n|---:|---:|---:|---:|---:|")
print(row("1", all1))
print(row(threads, alln))
over = runs[1]["p50_ms"] - all1["p50_ms"]
print(f"\nServer overhead per query (p50 over HTTP at 1 connection minus p50 in process): {over:.2f} ms. "
      f"GET /health alone at 1 connection (the HTTP round trip through wrk, loopback and cpp-httplib, no search, no hand-off "
      f"to a search worker): p50 {health['p50_ms']:.2f} ms, p99 {health['p99_ms']:.2f} ms, {health['rps']:.0f} requests/s, "
      f"{sum(health['errors'].values())} failed.")
PY
