#!/usr/bin/env python3
# Derives the Korean stem lexicon (korean_lexicon.tsv) from NSMC reviews.
#
# Usage: make_korean_lexicon.py NSMC.jsonl[.gz] OUT.tsv [--min-count N]
#
# Only the training split is read (ids whose last digit is not 0), so that
# the retrieval check on the test split never sees its own words.
#
# Every Hangul syllable run ("eojeol" piece) is counted. Then:
#   N word  - a noun: seen alone at least min-count times AND followed by
#             particles at least min-count times in total, at least two of
#             them different particles a verb cannot take (을/를/의/에서...).
#   V stem  - a predicate stem (dictionary form = stem + 다): seen with 다
#             and at least one more of the endings 고/지/게/기/면/네
#             (min-count uses in total; 예쁜게, 예쁜지 do not make 예쁜 a
#             stem, as 예쁜다 is never written), and not itself
#             a tense-marked form (ending in 었/았/였/겠, or 봤/했/갔).
#   A form that qualifies as both is a noun only if that use is the more
#   frequent one; it stays a predicate stem either way.
# The analyser (analysis/korean_morph.cc) only strips a suffix when what
# remains is in this lexicon, which is what keeps 수준 from becoming 수주.
import collections
import gzip
import json
import re
import sys

PARTICLES = ["이", "가", "을", "를", "은", "는", "의", "에", "도", "로", "으로", "와", "과",
             "에서", "에게", "까지", "부터", "보다", "처럼", "만", "이랑", "랑", "한테"]
# Particles a predicate stem cannot take (는/은/이/가/도/로/에/만 are also
# endings or syllables of verbs: 보는, 보이다, 보도).
STRONG = {"을", "를", "의", "에서", "에게", "으로", "와", "과", "까지", "부터", "처럼"}
GLUED = ["이다", "다", "이", "가", "은", "는", "도", "만", "에", "로", "고", "지", "들"]
ENDINGS = ["다", "고", "지", "게", "기", "면", "네"]
TENSE = ("었", "았", "였", "겠")
HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")


def contracted_past(stem):
    """봤, 했, 갔: a stem fused with the past marker 았/었 (final ㅆ after a
    vowel other than ㅣ; 있, 재밌 are real stems)."""
    code = ord(stem[-1]) - 0xAC00
    return code % 28 == 20 and (code // 28) % 21 != 20


def suffix_uses(counts, suffixes):
    """What is left before each suffix -> [occurrences with a suffix, the suffixes seen]."""
    uses = collections.defaultdict(lambda: [0, set()])
    for word, n in counts.items():
        for suffix in suffixes:
            if len(word) > len(suffix) and word.endswith(suffix):
                entry = uses[word[: -len(suffix)]]
                entry[0] += n
                entry[1].add(suffix)
    return uses


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: make_korean_lexicon.py NSMC.jsonl[.gz] OUT.tsv [--min-count N]\n")
        return 2
    source, out_path = argv[1], argv[2]
    min_count = int(argv[argv.index("--min-count") + 1]) if "--min-count" in argv else 5
    opener = gzip.open if source.endswith(".gz") else open
    counts = collections.Counter()
    reviews = 0
    with opener(source, "rt", encoding="utf-8") as f:
        for line in f:
            try:
                review = json.loads(line)
            except ValueError:
                continue
            rid = str(review.get("id", ""))
            if not rid or rid[-1] == "0":  # held-out test split
                continue
            reviews += 1
            counts.update(HANGUL_RUN.findall(str(review.get("text", ""))))

    nouns = {}
    for word, (n, kinds) in suffix_uses(counts, PARTICLES).items():
        if counts.get(word, 0) >= min_count and n >= min_count and len(kinds & STRONG) >= 2:
            nouns[word] = counts[word] + n

    # 영화다, 영화도: a frequent noun plus copula or particle is not a noun of
    # its own (but 바다 is: 바 is not five times as frequent).
    for word in list(nouns):
        for p in GLUED:
            base = word[: -len(p)]
            if word.endswith(p) and base in nouns and nouns[base] >= 5 * nouns[word]:
                del nouns[word]
                break

    stems = {}
    for stem, (n, kinds) in suffix_uses(counts, ENDINGS).items():
        if n >= min_count and len(kinds) >= 2 and "다" in kinds and not stem.endswith(TENSE) and not contracted_past(stem) \
                and not stem.endswith("다"):  # 갔다고, 본다는: quoted sentences
            stems[stem] = n
    # A form that qualifies as both is only a noun when that is its more
    # frequent use: 보 (보다, 보고) is a verb, not a noun taking 는 in 보는;
    # 영화 (영화다 is the copula) stays a noun and 가 (가다) stays a verb too.
    for word in set(nouns) & set(stems):
        if nouns[word] < stems[word]:
            del nouns[word]

    with open(out_path, "w", encoding="utf-8") as out:
        out.write(f"# Korean stem lexicon derived from {reviews} NSMC training reviews by "
                  f"analysis/data/make_korean_lexicon.py (min-count {min_count}).\n")
        out.write("# kind<TAB>form<TAB>uses; N = noun, V = predicate stem (form + 다).\n")
        for word in sorted(nouns):
            out.write(f"N\t{word}\t{nouns[word]}\n")
        for stem in sorted(stems):
            out.write(f"V\t{stem}\t{stems[stem]}\n")
    sys.stderr.write(f"{reviews} reviews, {len(nouns)} nouns, {len(stems)} predicate stems\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
