#!/usr/bin/env bash
# Film people and the film catalogue on real data: indexes the
# first 100,000 NSMC reviews and the 2,000 English polarity reviews (as .txt
# files) with --catalog ../shared/data/films, then compares cross-script and
# cross-spelling queries as passage sets, and prints the postings budget.
#   benchmarks/film-people.sh [WORKDIR]    (default: a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${REVSEARCH_DATA:-../shared/data}
[[ -d $data/films ]] || { echo "film-people: $data/films not found (set REVSEARCH_DATA)" >&2; exit 1; }
command -v unzip >/dev/null || { echo "film-people: needs unzip (apt-get install unzip)" >&2; exit 1; }
bin=build/revsearch
[[ -x $bin ]] || { echo "film-people: build first (scripts/build.sh)" >&2; exit 1; }
work=${1:-$(mktemp -d)}
mkdir -p "$work"
if [[ ! -d $work/db ]]; then
  (set +o pipefail; zcat "$data/nsmc/nsmc-reviews.jsonl.gz" | head -n 100000) > "$work/nsmc100k.jsonl"
  unzip -q -o "$data/english/polarity-v2.0-movie-reviews.zip" -d "$work/english"
  # Exit status 3: a few NSMC reviews have empty text and are skipped.
  nice "$bin" index --db "$work/db" --catalog "$data/films" "$work/nsmc100k.jsonl" "$work/english/movie_reviews" ||
    [[ $? == 3 ]]
fi
python3 - "$bin" "$work/db" <<'PY'
import json, subprocess, sys
binary, db = sys.argv[1], sys.argv[2]
def passages(query):
    out = subprocess.run([binary, "search", "--db", db, "--json", "--all-passages", "--limit", "10000", query],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    return {(h["review_id"], h["passage"]) for h in result["hits"]}, result["notices"]
print("| query | passages (NSMC / polarity) | same query other script | passages | same set |")
print("|---|---|---|---|---|")
for a, b in [('actor:"Bruce Willis"', "actor:브루스윌리스"), ('actor:"Jackie Chan"', "actor:성룡"),
             ('actor:"Bruce Lee"', "actor:이소룡"), ('actor:"Ahn Sung-ki"', "actor:안성기"),
             ('title:"Cinema Paradiso"', 'title:"시네마 천국"'), ('cast:"Bruce Willis"', "cast:브루스윌리스")]:
    x, _ = passages(a)
    y, _ = passages(b)
    ko = sum(1 for review, _ in x if review.startswith("nsmc-"))
    print(f"| `{a}` | {len(x)} ({ko} / {len(x) - ko}) | `{b}` | {len(y)} | {'yes' if x == y else 'NO'} |")
for q in ['actor:"Renee Zellweger"', 'actor:"Zelda Quimby"']:
    x, notices = passages(q)
    print(f"| `{q}` | {len(x)} | {'; '.join(notices)} | | |")
PY
nice "$bin" stats --db "$work/db" --terms | head -20
