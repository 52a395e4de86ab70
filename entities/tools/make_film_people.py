#!/usr/bin/env python3
"""Builds entities/data/film-people.tsv (film people in both scripts) from the
films table. Usage: make_film_people.py ../shared/data/films > entities/data/film-people.tsv

Input: people.tsv (people, korean, original) and castings.csv (movie, people,
order, leading). Output: korean<TAB>original<TAB>role<TAB>films, where korean
is the Hangul name with its spaces as written ("브루스 윌리스"), original the
Latin-script name (accents folded) or empty (the table sometimes gives a Hangul birth name or
Chinese characters there: not a spelling readers use, so dropped), role
"cast" for anyone with a cast credit and "crew" for the others (directors
and crew), films the number of cast credits. Sorted, so the file is
reproducible byte for byte."""
import csv
import os
import re
import sys
import unicodedata

LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]+( [\uac00-\ud7a3]+)*$")


def clean(text):
    # Accents folded ("Gérard" -> "Gerard"): English reviews mostly drop them.
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\u00b7", " ")
    return re.sub(r"\s+", " ", text).strip()


def main():
    root = sys.argv[1]
    credits = {}
    with open(os.path.join(root, "castings.csv"), encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if len(row) >= 2:
                credits[row[1]] = credits.get(row[1], 0) + 1
    out = set()
    with open(os.path.join(root, "people.tsv"), encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            if len(row) < 2:
                continue
            korean = clean(row[1])
            original = clean(row[2]) if len(row) > 2 else ""
            if not HANGUL_NAME.match(korean):
                continue  # "리J.콥": not a name a reader writes in Hangul
            if not LATIN_NAME.match(original):
                original = ""
            films = credits.get(row[0], 0)
            out.add((korean, original, "cast" if films else "crew", films))
    for korean, original, role, films in sorted(out):
        sys.stdout.write(f"{korean}\t{original}\t{role}\t{films}\n")


if __name__ == "__main__":
    main()
