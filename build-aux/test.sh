#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs
# every test headless (Xvfb and a private session bus). Ends with the line
# "N passed, N failed"; exits non-zero when a test failed.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/build.sh || { echo "0 passed, 1 failed"; exit 1; }

rm -f _build/meson-logs/testlog.json
xvfb-run -a -s "-screen 0 1280x900x24" \
  dbus-run-session -- \
  meson test -C _build --print-errorlogs --num-processes 2 "$@"
status=$?

python3 build-aux/summarize-tests.py _build/meson-logs/testlog.json || status=1
exit $status
