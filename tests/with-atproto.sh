#!/bin/sh
# Runs a test against a throwaway Bluesky network on 127.0.0.1
# (tests/atproto-lab.sh): starts it in a temporary directory, hands its PDS
# address and alice's and bob's credentials to the test in ATPROTO_LAB_*,
# and always tears it down. The first run installs the network's Node
# packages in the user's cache (a few minutes, once). When it cannot start,
# the test is skipped with the reason (TAP).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
teardown () {
  bash "$here/atproto-lab.sh" down "$tmp/lab"
  rm -rf "$tmp"
}
trap teardown EXIT
trap 'exit 130' INT TERM

started=$(date +%s)
if ! bash "$here/atproto-lab.sh" up "$tmp/lab" 2>"$tmp/lab.err"; then
  echo "1..0 # SKIP Bluesky could not start: $(tail -n 1 "$tmp/lab.err")"
  exit 0
fi
echo "# Bluesky network up in $(( $(date +%s) - started )) s" >&2
set -a
. "$tmp/lab/env"
set +a
# What the test leaves behind, even when it aborts, goes with the lab
mkdir "$tmp/test"
TMPDIR="$tmp/test" "$@"
