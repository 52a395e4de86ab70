#!/usr/bin/env python3
"""Builds entities/data/gazetteer.tsv (Hangul actor names) from the cast column
of ko-dramas.csv. Usage: make_gazetteer.py ../shared/data/dramas/ko-dramas.csv > entities/data/gazetteer.tsv

Cleaning: disambiguators in parentheses ("(배우)", "(1987년)", "(1970)"),
trailing "外"/"외"/"등" ("and others"), and stray spaces are removed; only
entries of 2-4 Hangul syllables are kept. Output: name<TAB>number of dramas,
sorted by name, so the file is reproducible byte for byte."""
import collections
import csv
import re
import sys

HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]{2,4}$")


def clean(entry):
    entry = re.sub(r"\([^)]*\)?", "", entry)          # (배우), (1987년), unclosed "(..."
    entry = re.sub(r"\s+", " ", entry).strip()
    entry = re.sub(r"\s*(外|외|등)$", "", entry).strip()  # "... 外", "김예원 외"
    return entry.replace(" ", "")


def main():
    counts = collections.Counter()
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        cast = header.index("출연자")
        for row in rows:
            if len(row) <= cast:
                continue
            names = {clean(e) for e in re.split(r"[,、/·]", row[cast])}
            for name in names:
                if HANGUL_NAME.match(name):
                    counts[name] += 1
    for name in sorted(counts):
        sys.stdout.write(f"{name}\t{counts[name]}\n")


if __name__ == "__main__":
    main()
