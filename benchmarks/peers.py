#!/usr/bin/env python3
"""Helpers for compare_peers.sh: prepare peer inputs from the same corpus,
build and query SQLite FTS5, translate the query set, write the report."""
import glob
import gzip
import json
import math
import os
import sqlite3
import sys
import time


def read_corpus(corpus):
    """The reviews revsearch reads: NSMC JSONL rows, polarity .txt files, the seed review."""
    with gzip.open(os.path.join(corpus, "nsmc.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            yield row["id"], "", row["text"]
    for path in sorted(glob.glob(os.path.join(corpus, "polarity", "**", "*.txt"), recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            yield os.path.relpath(path, corpus), "", f.read()
    with open(os.path.join(corpus, "soundtrack-1.txt"), encoding="utf-8") as f:
        yield "soundtrack-1", "Soundtrack #1", f.read()


def prepare(corpus, out_dir):
    n = 0
    with open(os.path.join(out_dir, "docs.jsonl"), "w", encoding="utf-8") as docs, \
            open(os.path.join(out_dir, "scriptindex.in"), "w", encoding="utf-8") as si:
        for rid, title, text in read_corpus(corpus):
            docs.write(json.dumps({"id": rid, "title": title, "text": text}, ensure_ascii=False) + "\n")
            # scriptindex: field=value lines, continuation lines start with '=', blank line ends a record.
            si.write("id=" + rid + "\n")
            if title:
                si.write("title=" + title + "\n")
            lines = [l for l in text.split("\n") if l.strip()] or [""]
            si.write("text=" + lines[0] + "\n")
            for l in lines[1:]:
                si.write("=" + l + "\n")
            si.write("\n")
            n += 1
    print(n)


def fts5_build(db_path, tokenizer, docs_path):
    t0 = time.time()
    con = sqlite3.connect(db_path)
    con.execute(f"CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, tokenize='{tokenizer}')")
    with open(docs_path, encoding="utf-8") as f, con:
        con.executemany("INSERT INTO docs(id, title, text) VALUES (?, ?, ?)",
                        ((d["id"], d["title"], d["text"]) for d in map(json.loads, f)))
    con.execute("INSERT INTO docs(docs) VALUES('optimize')")
    con.commit()
    con.close()
    print(json.dumps({"seconds": time.time() - t0}))


def split_query(q):
    """revsearch syntax -> [(field or None, words, is_phrase)]."""
    items, i = [], 0
    while i < len(q):
        if q[i].isspace():
            i += 1
            continue
        field = None
        if q.startswith("title:", i):
            field, i = "title", i + 6
        if i < len(q) and q[i] == '"':
            j = q.find('"', i + 1)
            items.append((field, q[i + 1:j], True))
            i = j + 1
        else:
            j = i
            while j < len(q) and not q[j].isspace():
                j += 1
            items.append((field, q[i:j], False))
            i = j
    return items


def fts5_query_text(q):
    parts = []
    for field, words, _ in split_query(q):
        quoted = '"' + words.replace('"', '""') + '"'
        parts.append(f"title:{quoted}" if field else quoted)
    return " OR ".join(parts)  # revsearch ORs plain words and ranks them


def xapian_query_text(q):
    parts = []
    for field, words, phrase in split_query(q):
        w = f'"{words}"' if phrase else words
        parts.append(f"title:{w}" if field else w)
    return " ".join(parts)  # QueryParser's default operator is OR too


def read_queries(path):
    sets, current = [], "default"
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@set"):
            current = line[4:].strip()
            continue
        sets.append((current, line))
    return sets


def translate(query_file, out_path):
    with open(out_path, "w", encoding="utf-8") as out:
        for s, q in read_queries(query_file):
            out.write(f"{s}\t{xapian_query_text(q)}\n")


def fts5_query(db_path, query_file, warmup, repeat):
    con = sqlite3.connect(db_path)
    queries = [(s, fts5_query_text(q)) for s, q in read_queries(query_file)]
    sql = ("SELECT id, snippet(docs, 2, '<b>', '</b>', '...', 12) FROM docs WHERE docs MATCH ? "
           "ORDER BY rank LIMIT 10")
    count_sql = "SELECT count(*) FROM docs WHERE docs MATCH ?"
    for _ in range(int(warmup)):
        for _, q in queries:
            con.execute(sql, (q,)).fetchall()
    matches = {q: con.execute(count_sql, (q,)).fetchone()[0] for _, q in queries}
    for _ in range(int(repeat)):
        for s, q in queries:
            t0 = time.perf_counter()
            rows = con.execute(sql, (q,)).fetchall()
            ms = (time.perf_counter() - t0) * 1000
            print(json.dumps({"set": s, "ms": ms, "hits": len(rows), "matches": matches[q]}))


def percentile(values, p):
    v = sorted(values)
    if not v:
        return 0.0
    rank = max(1, math.ceil(p / 100 * len(v)))
    return v[min(rank, len(v)) - 1]


def stats(runs):
    ms = [r["ms"] for r in runs]
    return {"runs": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
            "p99_ms": percentile(ms, 99), "max_ms": max(ms) if ms else 0,
            "hits_per_query": sum(r["hits"] for r in runs) / max(len(runs), 1),
            "matches_per_query": sum(r["matches"] for r in runs) / max(len(runs), 1)}


def summarize_runs(path):
    runs = [json.loads(l) for l in open(path) if l.strip()]
    by_set = {}
    for r in runs:
        by_set.setdefault(r["set"], []).append(r)
    return {"overall": stats(runs), "sets": {s: stats(v) for s, v in sorted(by_set.items())}}


def report(work, out_path):
    meta = json.load(open(os.path.join(work, "meta.json")))
    idx = {name: json.load(open(os.path.join(work, f"index-{name}.json"))) for name in meta["peers"]}
    q = {}
    for name in meta["peers"]:
        if name == "revsearch":
            r = json.load(open(os.path.join(work, "query-revsearch.json")))
            q[name] = {"overall": r["overall"], "sets": r["sets"]}
        else:
            q[name] = summarize_runs(os.path.join(work, f"query-{name}.jsonl"))
    mb = meta["input_bytes"] / 1e6
    lines = [f"# revsearch vs peers — {meta['date']}", "",
             f"Machine: {meta['machine']}. Shared with other jobs during the run (load average at start "
             f"{meta['load']}" + (f", at the end {meta['load_end']}" if meta.get("load_end") else "") + "); every command ran under `nice`, so absolute numbers are pessimistic; the "
             "ratios compare runs made in the same session on the same corpus.", "",
             f"Corpus: {meta['docs']} reviews ({meta['corpus']}), {mb:.1f} MB of review text (uncompressed input). "
             "revsearch reads the original files (gzip JSONL + .txt) and writes one document per passage with its "
             "full analysis; the peers read pre-converted input (conversion not timed) and store one document per review.",
             "", "## Indexing", "",
             "| engine | wall s | reviews/s | MB/s | peak RSS MB | index MB | compacted MB | documents |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name in meta["peers"]:
        i = idx[name]
        compacted = f"{i['compacted_bytes'] / 1e6:.1f}" if i.get("compacted_bytes") else "(optimized)"
        lines.append(f"| {name} | {i['wall_s']:.1f} | {meta['docs'] / i['wall_s']:.0f} | {mb / i['wall_s']:.2f} | "
                     f"{i['rss_kb'] / 1024:.0f} | {i['bytes'] / 1e6:.1f} | {compacted} | {i['documents']} |")
    lines += ["", "## Query latency (one thread, top 10 with snippets or stored data)", "",
              "| engine | set | runs | p50 ms | p95 ms | p99 ms | max ms | hits/query | matches/query |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name in meta["peers"]:
        for s, st in list(q[name]["sets"].items()) + [("**all**", q[name]["overall"])]:
            lines.append(f"| {name} | {s} | {st['runs']} | {st['p50_ms']:.3f} | {st['p95_ms']:.3f} | "
                         f"{st['p99_ms']:.3f} | {st['max_ms']:.3f} | {st['hits_per_query']:.1f} | "
                         f"{st['matches_per_query']:.0f} |")
    rs, si, fu = idx["revsearch"], idx["scriptindex"], idx["fts5-unicode61"]
    rs_compacted = rs.get("compacted_bytes") or rs["bytes"]
    qset = lambda name, s: q[name]["sets"].get(s)
    ok = lambda good: "met" if good else "**missed**"
    t_ratio = rs["wall_s"] / si["wall_s"]
    size_c = rs_compacted / fu["bytes"]
    lines += ["", "## Goals (ratios from this run)", "",
              "| goal | ratio | status |", "|---|---:|---|",
              f"| indexing time: revsearch / scriptindex ≤ 1.0 | {t_ratio:.2f} | {ok(t_ratio <= 1.0)} |",
              f"| index size: revsearch after `revsearch compact` (updatable) / FTS5 (unicode61) ≤ 2.5 | "
              f"{size_c:.2f} | {ok(size_c <= 2.5)} |"]
    if rs.get("serving_bytes"):
        size_s = rs["serving_bytes"] / fu["bytes"]
        lines.append(f"| index size: revsearch serving copy (`compact --search-only`, {rs['serving_bytes'] / 1e6:.1f} MB) "
                     f"/ FTS5 (unicode61) ≤ 2.5 | {size_s:.2f} | {ok(size_s <= 2.5)} |")
    rk, sk = qset("revsearch", "korean"), qset("scriptindex", "korean")
    if rk and sk:
        for p in ("p50", "p99"):
            r = rk[f"{p}_ms"] / sk[f"{p}_ms"]
            lines.append(f"| Korean-set query {p}: revsearch / raw Xapian (scriptindex db) ≤ 1.5 | {r:.2f} | "
                         f"{ok(r <= 1.5)} |")
    lines.append("")
    ft = idx.get("fts5-trigram")
    if ft:
        lines += [f"For reference: index size as written vs FTS5 unicode61 {rs['bytes'] / fu['bytes']:.2f}×, vs FTS5 "
                  f"trigram {rs['bytes'] / ft['bytes']:.2f}×; query p50 (all sets) vs FTS5 unicode61 "
                  f"{q['revsearch']['overall']['p50_ms'] / q['fts5-unicode61']['overall']['p50_ms']:.2f}×, vs FTS5 "
                  f"trigram {q['revsearch']['overall']['p50_ms'] / q['fts5-trigram']['overall']['p50_ms']:.2f}×.", ""]
    lu = idx.get("lucene-nori")
    if lu:
        lines += ["## revsearch / Lucene + Nori (ratios from this run; < 1 means revsearch is smaller or faster)",
                  "", "| measure | revsearch | Lucene + Nori | revsearch / Lucene |", "|---|---:|---:|---:|",
                  f"| indexing wall s | {rs['wall_s']:.1f} | {lu['wall_s']:.1f} | {rs['wall_s'] / lu['wall_s']:.2f} |",
                  f"| peak RSS MB | {rs['rss_kb'] / 1024:.0f} | {lu['rss_kb'] / 1024:.0f} | "
                  f"{rs['rss_kb'] / lu['rss_kb']:.2f} |",
                  f"| index MB, as written (Lucene: force-merged) | {rs['bytes'] / 1e6:.1f} | {lu['bytes'] / 1e6:.1f} | "
                  f"{rs['bytes'] / lu['bytes']:.2f} |",
                  f"| index MB, revsearch compacted vs Lucene force-merged | {rs_compacted / 1e6:.1f} | "
                  f"{lu['bytes'] / 1e6:.1f} | {rs_compacted / lu['bytes']:.2f} |"]
        if rs.get("serving_bytes"):
            lines.append(f"| index MB, revsearch serving copy (`compact --search-only`) vs Lucene force-merged | "
                         f"{rs['serving_bytes'] / 1e6:.1f} | {lu['bytes'] / 1e6:.1f} | "
                         f"{rs['serving_bytes'] / lu['bytes']:.2f} |")
        for s in list(q["revsearch"]["sets"]) + ["**all**"]:
            r = q["revsearch"]["overall"] if s == "**all**" else qset("revsearch", s)
            l = q["lucene-nori"]["overall"] if s == "**all**" else qset("lucene-nori", s)
            if not r or not l:
                continue
            for p in ("p50", "p99"):
                lines.append(f"| query {p} ms, set {s} | {r[p + '_ms']:.3f} | {l[p + '_ms']:.3f} | "
                             f"{r[p + '_ms'] / l[p + '_ms']:.2f} |")
        lines += ["", f"Lucene + Nori: Lucene {meta['machine'].split('Lucene ')[-1]}; KoreanAnalyzer with default "
                  "settings on title and text, BM25, one writer thread per core, forceMerge(1); its wall time "
                  "includes JVM start-up and loading Nori's dictionary. Queries: the Xapian translation of the set "
                  "through Lucene's classic QueryParser (default OR), top 10 with stored text read, after "
                  f"{meta.get('lucene_warmup', 1)} warm-up rounds (JIT steady state; the native engines get 1). "
                  "matches/query is an exact count made outside the timing, as for FTS5.", ""]
    lines += ["", "Reproduce: `" + meta["command"] + "`", ""]
    text = "\n".join(lines)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"prepare": prepare, "fts5-build": fts5_build, "fts5-query": fts5_query, "translate": translate,
     "report": report}[cmd](*args)
