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

# Cast-column entries that are not names ("등장인물" = "characters"), and
# stage names that are everyday words in reviews ("한여름" = midsummer,
# "이태리" = Italy, "장난아" in "장난아니다"), too ambiguous without context.
NOT_NAMES = {"등장인물", "출연진", "주연", "조연", "특별출연", "우정출연", "한여름", "이태리", "장난아",
             "알렉스", "사무엘"}


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
                if HANGUL_NAME.match(name) and name not in NOT_NAMES:
                    counts[name] += 1
    for name in sorted(counts):
        sys.stdout.write(f"{name}\t{counts[name]}\n")


if __name__ == "__main__":
    main()
