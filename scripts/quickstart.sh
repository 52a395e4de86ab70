#!/usr/bin/env bash
# The README's first command: install what is missing, build, index the
# bundled demo corpus and run a few example searches.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
TARGET=revsearch scripts/build.sh
db=out/demo-db
rm -rf "$db"
# corpus-films/: the film catalogue of the demo reviews (title:, cast:, genre:, year:).
build/revsearch index --db "$db" --catalog corpus-films corpus/
build/revsearch stats --db "$db"
# Film people in either script (actor:"Jackie Chan" = actor:성룡), and the
# reviews of the films someone is cast in (cast:), whatever their text says.
for q in lacklustre 'actor:"Han So-hee" sentiment:negative' 'actor:박형식' 'actor:"Jackie Chan"' 'actor:성룡' \
  'cast:"Bruce Willis"' '친구에서' '최고의 영화' 'soundtrack #1 ost'; do
  echo
  echo "\$ revsearch search --db $db --limit 3 '$q'"
  build/revsearch search --db "$db" --limit 3 "$q"
done
echo
echo "Search in a browser: build/revsearch serve --db $db   then open http://127.0.0.1:8080/"
