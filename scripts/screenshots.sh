#!/usr/bin/env bash
# The README's screenshots of the page (issue 15): indexes the demo corpus,
# starts `revsearch serve` on 127.0.0.1 (any free port), and has headless
# Chromium capture the search page, the person view and the person view at
# phone width into docs/screenshots/. The server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/revsearch
[ -x "$bin" ] || { echo "build revsearch first: scripts/build.sh" >&2; exit 1; }
command -v chromium >/dev/null || { echo "chromium is missing: scripts/install-deps.sh installs it" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/revsearch-shots.XXXXXX")"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
"$bin" --quiet index --db "$work/db" corpus/ >/dev/null
"$bin" serve --db "$work/db" --host 127.0.0.1 --port 0 --threads 2 > "$work/out" 2> "$work/err" &
pid=$!
for _ in $(seq 1 100); do grep -q 'http://' "$work/out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/out")"
mkdir -p docs/screenshots
shot() {  # FILE WIDTH,HEIGHT TARGET
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --virtual-time-budget=15000 --window-size="$2" --screenshot="$1" "$url$3" 2>/dev/null
  echo "$1" >&2
}
shot docs/screenshots/search.png 1280,1200 '/?q=%EC%B5%9C%EA%B3%A0%EC%9D%98%20%EC%98%81%ED%99%94'
shot docs/screenshots/person.png 1280,1300 '/?q=actor%3A%22Han%20So-hee%22'
shot docs/screenshots/person-phone.png 390,1500 '/?q=actor%3A%22Han%20So-hee%22'
