#!/usr/bin/env bash
# Generates the fuzz seed corpora (issue 9) from ../shared/data, the bundled
# corpus and the test tables into DIR (default build-asan/fuzz/seeds), one folder
# per target. Generated, never committed.
set -eu  # no pipefail: `zcat | head` ends zcat with SIGPIPE by design
cd "$(dirname "$0")/.."
out=${1:-build-asan/fuzz/seeds}
data=../shared/data
rm -rf "$out"
mkdir -p "$out"/{fuzz_read_txt,fuzz_read_jsonl,fuzz_read_tsv,fuzz_read_csv,fuzz_read_gzip,fuzz_analyzer,fuzz_query_parser,fuzz_sentiment,fuzz_http_handler,fuzz_passage_record}

# Small slices: libFuzzer mutates short inputs far faster than whole files.
nsmc() { if [[ -f $data/nsmc/nsmc-reviews.jsonl.gz ]]; then zcat "$data/nsmc/nsmc-reviews.jsonl.gz" | head -n "$1"; else head -n "$1" corpus/nsmc-sample.jsonl; fi; }

# txt: the seed review cut into paragraphs groups, English polarity reviews.
awk -v dir="$out/fuzz_read_txt" '{g = int((NR - 1) / 8); f = dir "/seed-" g ".txt"; print >> f}' corpus/soundtrack-1.txt
if [[ -f $data/english/polarity-v2.0-movie-reviews.zip ]] && command -v unzip >/dev/null; then
  i=0
  while read -r name; do
    i=$((i + 1))  # outside the pipeline: its commands run in subshells
    unzip -p "$data/english/polarity-v2.0-movie-reviews.zip" "$name" </dev/null | head -c 3000 >"$out/fuzz_read_txt/polarity-$i.txt"
  done < <(unzip -Z1 "$data/english/polarity-v2.0-movie-reviews.zip" | grep '\.txt$' | awk 'NR % 400 == 1' | head -n 5)
fi

# jsonl: single NSMC lines, a few multi-line slices, the bundled sample, odd shapes.
i=0
while IFS= read -r line; do printf '%s\n' "$line" >"$out/fuzz_read_jsonl/line-$((i++))"; done < <(nsmc 40 | awk 'NR % 2 == 0')
nsmc 12 >"$out/fuzz_read_jsonl/slice-12"
head -n 20 corpus/nsmc-sample.jsonl >"$out/fuzz_read_jsonl/sample-20"
printf '%s\n' '{"id":"a","text":"Hello \u00e9 \ud55c","title":"T","rating":"7.5","lang":"en"}' \
  '{"review_id":1,"document":"x","score":3}' '[1,2]' '{"text":null}' '{"text":"a"' >"$out/fuzz_read_jsonl/shapes"

# tsv: NSMC's original layout (id, document, label) and ours with a header.
{ printf 'id\tdocument\tlabel\n'; nsmc 15 | sed -E 's/.*"id": "([^"]*)".*"rating": ([0-9]+).*"text": "(.*)"}$/\1\t\3\t\2/'; } >"$out/fuzz_read_tsv/nsmc-15"
printf 'id\ttext\ttitle\trating\na\tgood film\tT\t8\nb\t\t\t\nc\tno tab at end' >"$out/fuzz_read_tsv/shapes"

# csv: slices of the K-drama table (quoted fields, embedded commas and newlines).
head -n 6 "$data/dramas/ko-dramas.csv" >"$out/fuzz_read_csv/dramas-6" 2>/dev/null || true
printf 'id,text,rating\n1,"a ""quoted"", field",9\n2,"multi\nline",x\n3,"unclosed\n' >"$out/fuzz_read_csv/shapes"

# gzip: compressed JSONL seeds, one truncated stream, one plain file (zlib reads both).
for f in "$out"/fuzz_read_jsonl/*; do gzip -c "$f" >"$out/fuzz_read_gzip/$(basename "$f").gz"; done
gzip -c "$out/fuzz_read_jsonl/slice-12" | head -c 200 >"$out/fuzz_read_gzip/truncated.gz"
cp "$out/fuzz_read_jsonl/line-0" "$out/fuzz_read_gzip/plain"

# analyser: Korean, English and mixed review text.
i=0
while IFS= read -r text; do printf '%s' "$text" >"$out/fuzz_analyzer/ko-$((i++))"; done < <(nsmc 30 | sed -E 's/.*"text": "(.*)"}$/\1/')
cp "$out"/fuzz_read_txt/seed-*.txt "$out/fuzz_analyzer/"
printf "Han So-Hee's K-drama OST #1 was lacklustre, 솔직히 친구에서 최고의 영화였다. ZE:A “quoted” don't" >"$out/fuzz_analyzer/mixed"

# passage record: review text (the target also decodes its bytes as a record).
cp "$out"/fuzz_analyzer/* "$out/fuzz_passage_record/"

# sentiment: a language byte (0 auto, 1 English, 2 Korean) before review text.
i=0
for f in "$out"/fuzz_analyzer/*; do { printf "\\x0$((i % 3))"; cat "$f"; } >"$out/fuzz_sentiment/$(basename "$f")"; i=$((i + 1)); done
printf '\x01%s' "Han So-Hee's performance was somewhat lacklustre, although the actress was not unwatchable. However her chemistry with Park Hyung-Sik felt decent enough!!" >"$out/fuzz_sentiment/targeted"
printf '\x02%s' "박형식 연기 진짜 안 좋았다 ㅡㅡ 한소희는 너무 예뻐요 ㅋㅋㅋ 못 봐주겠다" >"$out/fuzz_sentiment/ko-targeted"

# query parser: every query in the test tables and the benchmark query sets.
i=0
while IFS= read -r q; do printf '%s' "$q" >"$out/fuzz_query_parser/test-$((i++))"; done < <(
  grep -ohE '^ +\{"([^"\\]|\\.)*", ' tests/test_query_parser.cc | sed -E 's/^ +\{"(.*)", $/\1/; s/\\"/"/g')
while IFS=$'\t' read -r _ _ q _; do printf '%s' "$q" >"$out/fuzz_query_parser/bench-$((i++))"; done < <(grep -hv '^#' benchmarks/queries/*.tsv | head -n 40)
printf '%s' 'title:"han so-hee" AND (lang:ko OR review:nsmc-1) -kind:boilerplate rating:7..10 soundtr* NEAR/3 최고' \
  >"$out/fuzz_query_parser/fields"

for d in "$out"/*/; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done

# HTTP handler (issue 15): "METHOD TARGET", headers, a blank line, the body.
h="$out/fuzz_http_handler"
printf 'GET /search?q=actor%%3A%%22Han+So-hee%%22&facets=actor,title,sentiment,lang,rating&limit=3' >"$h/search-actor"
printf 'GET /search?q=%%EC%%B5%%9C%%EA%%B3%%A0&sort=-sentiment&all_passages=1&explain=1&offset=2' >"$h/search-ko"
printf 'GET /search?q=(a+NEAR/3+b)+rating:7..10+lang:%%22%%22&sentiment_min=-0.5&sentiment_max=0.5' >"$h/search-syntax"
printf 'GET /search?q=%%FF&limit=0&limit=2' >"$h/bad"
printf 'GET /entities?kind=actor,character&limit=3' >"$h/entities"
printf 'GET /analyze?text=Soundtrack%%231+%%EC%%B9%%9C%%EA%%B5%%AC%%EC%%97%%90%%EC%%84%%9C&lang=ko' >"$h/analyze"
printf 'GET /sentiment?text=lacklustre+but+decent&lang=en' >"$h/sentiment"
printf 'GET /stats' >"$h/stats"
printf 'HEAD /health' >"$h/health"
printf 'POST /reviews\nAuthorization: Bearer fuzz-token-0123456789\n\n{"id":"f1","text":"a fuzzed review"}\n{bad\n' >"$h/post"
printf 'DELETE /reviews\n\nx' >"$h/delete"
