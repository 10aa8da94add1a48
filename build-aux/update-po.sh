#!/usr/bin/env bash
# Lists the translatable files in po/POTFILES.in, regenerates
# po/community-desk.pot and merges it into every language.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
python3 -c 'import sys; sys.path.insert(0, "build-aux"); import potfiles; potfiles.write_list(".")'
python3 -c 'import sys; sys.path.insert(0, "build-aux"); import potfiles; r = potfiles.extract(".", "po/community-desk.pot"); print(r.stderr, end=""); sys.exit(r.returncode)'
for lang in $(cat po/LINGUAS); do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "po/$lang.po" po/community-desk.pot
  msgattrib --no-obsolete -o "po/$lang.po" "po/$lang.po"
done
