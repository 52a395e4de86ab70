#!/usr/bin/env python3
"""Stops `revsearch index` at moments spread over a whole run, then runs the
same command again, and tells what each stop left and whether the resume
reached the uninterrupted run's database.

Default settings, as a user runs it: `index --db DB INPUT`, nothing else.
For each signal (KILL, TERM, INT) and each of --moments moments (equal
slices of the reference run's wall time, from 2% to 95% of it, so that
stops land before the first commit, between commits and near the end):

  1. start the run, sleep until the moment, send the signal;
  2. record how the run ended (signal or exit status), the passages the
     database holds, its `revsearch.format` metadata, `check` and a search;
  3. run the same command again: its exit status, then compare with the
     reference: passages, reviews, and the first 20 hits of five queries
     (review id, passage and score; hits of equal score may come in any
     order, so the first 20 are compared as the hits scoring above the 20th
     plus the 20th's score).

Prints a Markdown table, one row per stop, and a summary line per signal.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

QUERIES = ["영화", "재미 없다", "배우 연기", "최고의 영화", "sentiment:negative 지루"]
SIGNALS = {"KILL": signal.SIGKILL, "TERM": signal.SIGTERM, "INT": signal.SIGINT}


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def stats(binary, db):
    r = run([binary, "stats", "--db", db, "--json"])
    if r.returncode != 0:
        return None, r.stderr.strip().splitlines()[-1] if r.stderr.strip() else f"exit {r.returncode}"
    return json.loads(r.stdout), ""


def top_hits(binary, db, query):
    r = run([binary, "search", "--db", db, "--json", "--limit", "40", query])
    if r.returncode != 0:
        return None
    hits = [(round(h["score"], 9), h["review_id"], h["passage"]) for h in json.loads(r.stdout)["hits"]]
    if len(hits) <= 20:
        return sorted(hits)
    cut = hits[19][0]
    return (sorted(h for h in hits if h[0] > cut), cut)


def fingerprint(binary, db):
    s, err = stats(binary, db)
    if s is None:
        return None
    return {"passages": s["passages"], "reviews": s["reviews"],
            "hits": {q: top_hits(binary, db, q) for q in QUERIES}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--revsearch", required=True)
    ap.add_argument("--input", required=True)
    ap.add_argument("--moments", type=int, default=20)
    ap.add_argument("--signals", default="KILL,TERM,INT")
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()
    binary = os.path.abspath(args.revsearch)
    work = tempfile.mkdtemp(prefix="stop-resume-", dir=args.workdir)
    try:
        ref = os.path.join(work, "reference")
        started = time.monotonic()
        r = run([binary, "--quiet", "index", "--db", ref, args.input])
        full = time.monotonic() - started
        if r.returncode not in (0, 3):
            sys.exit(f"reference run failed: {r.stderr}")
        want = fingerprint(binary, ref)
        print(f"reference: {want['passages']} passages, {want['reviews']} reviews, {full:.2f} s\n")
        print("| signal | stop at | run ended | passages left | `revsearch.format` | `check` | search | "
              "same `index` again | equals uninterrupted |")
        print("|---|---:|---|---:|---|---|---|---|---|")
        totals = {}
        for name in args.signals.split(","):
            sig = SIGNALS[name]
            ok = 0
            for i in range(args.moments):
                at = full * (0.02 + 0.93 * i / max(1, args.moments - 1))
                db = os.path.join(work, "db")
                shutil.rmtree(db, ignore_errors=True)
                p = subprocess.Popen([binary, "index", "--db", db, args.input],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                time.sleep(at)
                p.send_signal(sig)
                out, err = p.communicate()
                ended = f"signal {-p.returncode}" if p.returncode < 0 else f"exit {p.returncode}"
                s, open_err = stats(binary, db) if os.path.exists(db) else (None, "no database")
                left = s["passages"] if s else "–"
                fmt = {None: "–", "": "missing", "1": "missing (read as format 1)"}.get(
                    s.get("format") if s else None, s.get("format") if s else "–")
                check = run([binary, "check", "--db", db]).returncode == 0 if os.path.exists(db) else None
                search = run([binary, "search", "--db", db, "영화"]) if os.path.exists(db) else None
                search_ok = "–" if search is None else ("ok" if search.returncode == 0 else
                                                        f"exit {search.returncode}")
                again = run([binary, "--quiet", "index", "--db", db, args.input])
                got = fingerprint(binary, db) if again.returncode in (0, 3) else None
                same = got == want
                # Exit 3 is a finished run that skipped bad records (NSMC has
                # a few empty reviews); the uninterrupted run exits the same.
                ok += again.returncode == r.returncode and same
                again_text = f"exit {again.returncode}"
                if again.returncode not in (0, 3):
                    again_text += ": " + (again.stderr.strip().splitlines() or [""])[-1][:90]
                print(f"| {name} | {at:.2f} s | {ended} | {left} | {fmt} | "
                      f"{'–' if check is None else ('ok' if check else 'FAILED')} | {search_ok} | "
                      f"{again_text} | {'yes' if same else 'NO'} |", flush=True)
            totals[name] = ok
        print()
        for name, ok in totals.items():
            print(f"SIG{name}: {ok}/{args.moments} resumes exited as the uninterrupted run did ({r.returncode}) "
                  f"and equal it")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
