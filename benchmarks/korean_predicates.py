#!/usr/bin/env python3
"""Helpers for korean-predicates.sh: the NSMC slice, relevance by regex, the
P@10 / recall@1000 table for revsearch and Lucene + Nori, and the surface
forms each engine misses."""
import collections
import gzip
import json
import os
import re
import sys


def read_predicates(path):
    """(dictionary form, compiled regex) for each line of korean-predicates.tsv."""
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        word, regex = line.split("\t")
        out.append((word, re.compile(regex)))
    return out


def prepare(nsmc, lines, out_dir):
    """The first LINES NSMC reviews: slice.jsonl.gz for revsearch, docs.jsonl for NoriPeer."""
    n = 0
    with gzip.open(nsmc, "rt", encoding="utf-8") as f, \
            gzip.open(os.path.join(out_dir, "slice.jsonl.gz"), "wt", encoding="utf-8", compresslevel=1) as raw, \
            open(os.path.join(out_dir, "docs.jsonl"), "w", encoding="utf-8") as docs:
        for line in f:
            if n >= int(lines):
                break
            row = json.loads(line)
            raw.write(line)
            docs.write(json.dumps({"id": row["id"], "title": "", "text": row["text"]}, ensure_ascii=False) + "\n")
            n += 1
    print(n)


def queries(predicates, out_path):
    with open(out_path, "w", encoding="utf-8") as out:
        for i, (word, _) in enumerate(read_predicates(predicates)):
            out.write(f"{i}\t{word}\n")


def revsearch_ids(path):
    """Review ids of a `revsearch search --json --all-passages` answer, best first, each once."""
    seen, ids = set(), []
    for hit in json.load(open(path, encoding="utf-8"))["hits"]:
        if hit["review_id"] not in seen:
            seen.add(hit["review_id"])
            ids.append(hit["review_id"])
    return ids


def forms(text, regex):
    """The whitespace words of TEXT in which REGEX matches (the surface forms)."""
    return [w for w in text.split() if regex.search(w)] or [m.group(0) for m in regex.finditer(text)]


def pair_parts(regex):
    """The two words' regexes of a two-word query's `(?s)^(?=.*(?:A))(?=.*(?:B))`, or None."""
    parts = re.findall(r"\(\?=\.\*\(\?:(.*?)\)\)", regex.pattern)
    return [re.compile(p) for p in parts] if len(parts) == 2 else None


def together(text, parts, distance=3):
    """Whether the review writes the two words within DISTANCE whitespace words of each other."""
    words = text.split()
    a = [i for i, w in enumerate(words) if parts[0].search(w)]
    b = [i for i, w in enumerate(words) if parts[1].search(w)]
    return any(abs(i - j) <= distance for i in a for j in b)


def report(predicates, docs_path, rs_dir, nori_path, k):
    k = int(k)
    preds = read_predicates(predicates)
    texts = {}
    for line in open(docs_path, encoding="utf-8"):
        d = json.loads(line)
        texts[d["id"]] = d["text"]
    nori = {int(r["qid"]): r for r in map(json.loads, open(nori_path, encoding="utf-8")) if "qid" in r}
    lines = ["| predicate | relevant | revsearch P@10 | revsearch recall@%d | Lucene+Nori P@10 | "
             "Lucene+Nori recall@%d | Nori query terms |" % (k, k), "|---|---:|---:|---:|---:|---:|---|"]
    sums = [0.0] * 4
    missed = []
    for i, (word, regex) in enumerate(preds):
        rel = {rid for rid, t in texts.items() if regex.search(t)}
        rs = revsearch_ids(os.path.join(rs_dir, f"{i}.json"))[:k]
        nr = nori[i]["ids"][:k]
        row = []
        for ids in (rs, nr):
            p10 = sum(1 for r in ids[:10] if r in rel) / 10
            rec = len(rel & set(ids)) / len(rel) if rel else 0.0
            row += [p10, rec]
        sums = [a + b for a, b in zip(sums, row)]
        lines.append(f"| {word} | {len(rel)} | {row[0]:.2f} | {row[1]:.3f} | {row[2]:.2f} | {row[3]:.3f} | "
                     f"{' '.join(nori[i]['terms'])} |")
        # Surface forms in relevant reviews one engine found and the other did not.
        only_nori = collections.Counter(f for r in sorted(rel & (set(nr) - set(rs))) for f in forms(texts[r], regex))
        only_rs = collections.Counter(f for r in sorted(rel & (set(rs) - set(nr))) for f in forms(texts[r], regex))
        missed.append((word, only_nori, only_rs))
    n = len(preds)
    m = [s / n for s in sums]
    lines.append(f"| **mean** | | **{m[0]:.3f}** | **{m[1]:.3f}** | **{m[2]:.3f}** | **{m[3]:.3f}** | |")
    lines += ["", f"Means to four places: revsearch P@10 {m[0]:.4f}, recall@{k} {m[1]:.4f}; "
              f"Lucene + Nori P@10 {m[2]:.4f}, recall@{k} {m[3]:.4f}."]
    # Two-word queries: where at least 10 reviews write the two words within
    # three words of each other, how many of each engine's first 10 do.
    near_rows = []
    for i, (word, regex) in enumerate(preds):
        parts = pair_parts(regex)
        if not parts:
            continue
        near = {rid for rid, t in texts.items() if regex.search(t) and together(t, parts)}
        rs = revsearch_ids(os.path.join(rs_dir, f"{i}.json"))[:10]
        nr = nori[i]["ids"][:10]
        near_rows.append(f"| {word} | {len(near)} | {sum(r in near for r in rs)} | {sum(r in near for r in nr)} |")
    if near_rows:
        lines += ["", "Words together: reviews that write the two words within three (whitespace) words of each "
                  "other, and how many of each engine's first 10 reviews do (the bar: 8 where 10 or more exist).", "",
                  "| query | reviews with the words together | revsearch, of the first 10 | Lucene+Nori, of the first 10 |",
                  "|---|---:|---:|---:|"] + near_rows
    lines += ["", f"Surface forms (whitespace words matching the regex) of relevant reviews that only one engine "
              f"returned in its top {k}; most frequent first:", "",
              "| predicate | found by Nori, missed by revsearch | found by revsearch, missed by Nori |",
              "|---|---|---|"]
    fmt = lambda c: ", ".join(f"{f} ({n})" for f, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:6]) or "-"
    for word, only_nori, only_rs in missed:
        lines.append(f"| {word} | {fmt(only_nori)} | {fmt(only_rs)} |")
    print("\n".join(lines))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"prepare": prepare, "queries": queries, "report": report}[cmd](*args)
