#!/usr/bin/env python3
"""Prints 'N passed, N failed' from meson's testlog.json.

TAP tests (GTest with --tap) count one per subtest; a TAP test that
crashed counts as one more failure. Other tests count one each.
"""
import json
import re
import sys

passed = failed = skipped = 0
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError as e:
    print(f"no test log: {e}", file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(1)

for line in lines:
    if not line.strip():
        continue
    entry = json.loads(line)
    out = entry.get("stdout") or ""
    ok = len(re.findall(r"^ok \d+", out, re.M))
    skip = len(re.findall(r"^ok \d+ .*# SKIP", out, re.M))
    not_ok = len(re.findall(r"^not ok \d+", out, re.M))
    result = entry.get("result")
    if ok or not_ok:
        passed += ok - skip
        skipped += skip
        failed += not_ok
        if result not in ("OK", "EXPECTEDFAIL") and not_ok == 0:
            failed += 1
    elif result == "OK":
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
