#!/usr/bin/env bash
# Measures a cluster of xapian-tcpsrv shard servers on loopback against one
# local database of the same reviews, in one run:
#   - indexing throughput: one local database; through a stub of 4 shard
#     servers; each shard indexed locally on its own (`index --shard K/4`,
#     what each machine of a cluster does);
#   - query latency p50/p99 (revsearch bench query, one thread) through 1, 2
#     and 4 shard servers and on the local database, over the committed query
#     set (benchmarks/queries/queries.txt) less the queries that crash Xapian
#     1.4.22 on sharded databases (listed in the report);
#   - client messages per query (write syscalls of the client, counted by
#     strace over one pass; Xapian's remote protocol answers each) and
#     loopback bytes per query (all loopback traffic of the machine meanwhile:
#     an upper bound when others use loopback too).
# Checks that every layout holds exactly the local database's passages.
# Writes a markdown report to benchmarks/results/.
#
# Usage: benchmarks/cluster.sh [--nsmc-lines N] [--repeat N] [--out FILE]
#   --nsmc-lines N  the first N NSMC reviews (default 200000)
#   --repeat N      timed rounds over the query set (default 3)
# Needs build/revsearch (Release), xapian-tcpsrv (xapian-tools) and strace.
# Everything runs under `nice`: the machine may be shared (the load is
# recorded; compare ratios within one run, not absolute times).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
data="$root/../shared/data"
bin="$root/build/revsearch"
nsmc_lines=200000
repeat=3
out="$here/results/cluster-$(date -u +%Y%m%d-%H%M).md"
while [ $# -gt 0 ]; do
  case "$1" in
    --nsmc-lines) nsmc_lines="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--nsmc-lines N] [--repeat N] [--out FILE]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "build revsearch first: scripts/build.sh" >&2; exit 1; }
command -v xapian-tcpsrv >/dev/null || { echo "xapian-tcpsrv missing: apt-get install xapian-tools" >&2; exit 1; }
command -v strace >/dev/null || { echo "strace missing: apt-get install strace" >&2; exit 1; }

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d "${TMPDIR:-/tmp}/revsearch-cluster.XXXXXX")"
cleanup() {
  # Each server is the leader of its own session (setsid): end its group.
  # (serve runs in a command substitution: the pids go through a file.)
  if [ -f "$work/servers.pids" ]; then
    while read -r pid; do kill -KILL -- "-$pid" 2>/dev/null || true; done <"$work/servers.pids"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$(dirname "$out")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# serve FOLDER: starts a writable shard server in its own session, prints HOST:PORT.
serve() {
  local port
  port="$(free_port)"
  setsid nice xapian-tcpsrv --writable --quiet --interface 127.0.0.1 --port "$port" "$1" </dev/null >/dev/null 2>&1 &
  echo "$!" >>"$work/servers.pids"
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.05
  done
  echo "127.0.0.1:$port"
}
now() { date +%s.%N; }
seconds_since() { printf '%.2f' "$(echo "$(now) - $1" | bc)"; }
passages() { "$bin" check --db "$1" | tail -1 | sed -E 's/.*ok \(([0-9]+) passages\).*/\1/'; }

input="$work/nsmc.jsonl"
{ zcat "$data/nsmc/nsmc-reviews.jsonl.gz" || true; } | head -n "$nsmc_lines" >"$input"  # zcat stops on SIGPIPE
reviews="$(wc -l <"$input")"

echo "indexing $reviews reviews: local single database" >&2
t="$(now)"; nice "$bin" -q index --db "$work/local" "$input" >/dev/null || [ $? -eq 3 ]; local_s="$(seconds_since "$t")"
expected="$(passages "$work/local")"

echo "indexing through a stub of 4 shard servers" >&2
stub4="$work/cluster4.stub"
locations=()
for k in 0 1 2 3; do mkdir -p "$work/c4-$k"; locations+=("$(serve "$work/c4-$k")"); done
"$bin" -q cluster stub --out "$stub4" "${locations[@]}" >/dev/null
t="$(now)"; nice "$bin" -q index --db "$stub4" "$input" >/dev/null || [ $? -eq 3 ]; stub_s="$(seconds_since "$t")"
[ "$(passages "$stub4")" = "$expected" ] || { echo "stub cluster holds $(passages "$stub4") passages, not $expected" >&2; exit 1; }

echo "indexing each of 4 shards locally (index --shard K/4)" >&2
shard_times=()
for k in 0 1 2 3; do
  t="$(now)"; nice "$bin" -q index --db "$work/own-$k" --shard "$k/4" "$input" >/dev/null || [ $? -eq 3 ]
  shard_times+=("$(seconds_since "$t")")
done
own_total=0
for k in 0 1 2 3; do own_total=$((own_total + $(passages "$work/own-$k"))); done
[ "$own_total" = "$expected" ] || { echo "--shard K/4 shards hold $own_total passages, not $expected" >&2; exit 1; }

echo "1 and 2 shard servers (cluster split of the local database)" >&2
stub1="$work/cluster1.stub"
"$bin" -q cluster stub --out "$stub1" "$(serve "$work/local")" >/dev/null
nice "$bin" -q cluster split --db "$work/local" --out "$work/split2" --shards 2 >/dev/null
stub2="$work/cluster2.stub"
"$bin" -q cluster stub --out "$stub2" "$(serve "$work/split2/shard-0")" "$(serve "$work/split2/shard-1")" >/dev/null

# The query set, less any query that fails over shards (listed in the report;
# Xapian 1.4.22 crashed in OP_MAX over shards before the parser stopped using it).
queries="$work/queries.txt"
dropped=()
while IFS= read -r line; do
  if [ -z "$line" ] || [ "${line:0:1}" = "#" ] || [ "${line:0:4}" = "@set" ]; then echo "$line" >>"$queries"; continue; fi
  ok=1
  for db in "$stub1" "$stub2" "$stub4"; do
    "$bin" -q search --db "$db" --limit 10 "$line" >/dev/null 2>&1 || ok=0  # as bench query runs it
  done
  if [ $ok = 1 ]; then echo "$line" >>"$queries"; else dropped+=("$line"); fi
done <"$here/queries/queries.txt"
kept="$(grep -cv '^\(#\|@set\|$\)' "$queries")"

bench() {  # DB -> "p50 p99 qps"
  nice "$bin" bench query --db "$1" --queries "$queries" --threads 1 --warmup 1 --repeat "$repeat" --json |
    python3 -c 'import json,sys; d=json.load(sys.stdin); o=d["overall"]; print("%.3f %.3f %.0f %d" % (o["p50_ms"], o["p99_ms"], d["qps"], len(d["errors"])))'
}
# Client messages (write syscalls to sockets) and loopback bytes for one pass.
traffic() {  # DB -> "writes_per_query bytes_per_query"
  local before after trace="$work/strace.txt"
  before="$(awk '/^ *lo:/ {printf "%d", $2}' /proc/net/dev)"
  strace -f -qq -e trace=write,sendto,sendmsg -e signal=none -o "$trace" \
    "$bin" bench query --db "$1" --queries "$queries" --threads 1 --warmup 0 --repeat 1 >/dev/null
  after="$(awk '/^ *lo:/ {printf "%d", $2}' /proc/net/dev)"
  local writes
  writes="$(grep -cE '^[0-9]+ +(write|sendto|sendmsg)\([0-9]+, "' "$trace" || true)"
  echo "$(echo "scale=1; $writes / $kept" | bc) $(echo "($after - $before) / $kept" | bc)"
}

echo "querying ($kept queries x $repeat rounds)" >&2
read -r l50 l99 lqps lerr <<<"$(bench "$work/local")"
declare -A p50 p99 qps errs writes bytes
for n in 1 2 4; do
  stub_var="stub$n"
  read -r p50[$n] p99[$n] qps[$n] errs[$n] <<<"$(bench "${!stub_var}")"
  read -r writes[$n] bytes[$n] <<<"$(traffic "${!stub_var}")"
done
read -r lwrites lbytes <<<"$(traffic "$work/local")"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

ratio() { echo "scale=2; $1 / $2" | bc; }
local_rate="$(echo "$reviews / $local_s" | bc)"
stub_rate="$(echo "$reviews / $stub_s" | bc)"
{
  echo "# Cluster benchmark: $reviews NSMC reviews ($expected passages), $(date -u +%Y-%m-%d) UTC"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), shared;"
  echo "load average at start $load_start, at end $load_end. revsearch $(git -C "$root" rev-parse --short HEAD)."
  echo "All shard servers on this machine (loopback): the numbers show protocol and merge costs, not the"
  echo "parallelism of separate machines. Command: \`benchmarks/cluster.sh --nsmc-lines $nsmc_lines --repeat $repeat\`."
  echo
  echo "## Indexing"
  echo
  echo "| layout | seconds | reviews/s | vs local |"
  echo "|---|---:|---:|---:|"
  echo "| one local database | $local_s | $local_rate | 1.00 |"
  echo "| through a stub of 4 shard servers | $stub_s | $stub_rate | $(ratio "$stub_rate" "$local_rate") |"
  for k in 0 1 2 3; do
    echo "| shard $k/4 indexed locally (reads all, keeps its quarter) | ${shard_times[$k]} | $(echo "$reviews / ${shard_times[$k]}" | bc) (input read) | $(ratio "$local_s" "${shard_times[$k]}") x faster |"
  done
  echo
  echo "Every layout holds exactly $expected passages (checked)."
  echo
  echo "## Queries ($kept queries of benchmarks/queries/queries.txt, $repeat rounds, one thread)"
  echo
  echo "| database | p50 ms | p99 ms | QPS | p50 vs local | client messages/query | loopback bytes/query | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  echo "| local single | $l50 | $l99 | $lqps | 1.00 | $lwrites (stdout only) | - | $lerr |"
  for n in 1 2 4; do
    echo "| $n shard server(s) | ${p50[$n]} | ${p99[$n]} | ${qps[$n]} | $(ratio "${p50[$n]}" "$l50") | ${writes[$n]} | ${bytes[$n]} | ${errs[$n]} |"
  done
  echo
  if [ ${#dropped[@]} -gt 0 ]; then
    echo "Left out (failed over shards):"
    for q in "${dropped[@]}"; do echo "- \`$q\`"; done
  fi
} >"$out"
cat "$out"
