#!/bin/sh
# Runs a test against a throwaway WordPress on 127.0.0.1 (tests/wp-lab.sh):
# starts it in a temporary directory, hands its address, user and
# application password to the test in WP_LAB_URL, WP_LAB_USER and
# WP_LAB_APP_PASSWORD, and always tears it down. When it cannot start, the
# test is skipped with the reason (TAP).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
teardown () {
  bash "$here/wp-lab.sh" down "$tmp/wp"
  rm -rf "$tmp"
}
trap teardown EXIT
trap 'exit 130' INT TERM

if ! bash "$here/wp-lab.sh" up "$tmp/wp" 2>"$tmp/lab.err"; then
  echo "1..0 # SKIP WordPress could not start: $(tail -n 1 "$tmp/lab.err")"
  exit 0
fi
set -a
. "$tmp/wp/env"
set +a
# What the test leaves behind, even when it aborts, goes with the lab
mkdir "$tmp/test"
TMPDIR="$tmp/test" "$@"
