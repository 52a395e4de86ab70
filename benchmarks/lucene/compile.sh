#!/usr/bin/env bash
# Compiles NoriPeer.java into OUTDIR against Debian's Lucene 8 jars
# (liblucene8-java; installed with a JDK if missing) and prints the class
# path to run it with: java -cp "$(benchmarks/lucene/compile.sh DIR)" NoriPeer ...
# Usage: benchmarks/lucene/compile.sh OUTDIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: $0 OUTDIR}"
jar() { ls /usr/share/java/"$1"-[0-9]*.jar 2>/dev/null | sort -V | tail -1; }
missing=()
command -v javac >/dev/null || missing+=(default-jdk-headless)
[ -n "$(jar lucene-analyzers-nori)" ] || missing+=(liblucene8-java)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
fi
cp=""
for j in lucene-core lucene-analyzers-common lucene-analyzers-nori lucene-queryparser; do
  f="$(jar "$j")"
  [ -n "$f" ] || { echo "missing /usr/share/java/$j-*.jar" >&2; exit 1; }
  cp="$cp:$f"
done
mkdir -p "$out"
javac -nowarn -encoding UTF-8 -d "$out" -cp "${cp#:}" "$here/NoriPeer.java" >&2
echo "$out$cp"
