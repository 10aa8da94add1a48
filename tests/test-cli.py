#!/usr/bin/env python3
"""community-desk-cli as a script would use it. Prints TAP."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402

cli = sys.argv[1]


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)



with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "w.db")

    p = run("--help")
    tap.check("--help lists stats", p.returncode == 0 and "stats" in p.stdout, p.stdout)

    p = run("stats", "--help")
    tap.check("stats --help documents --database", p.returncode == 0 and "--database" in p.stdout, p.stdout)

    p = run("stats", "--database", db)
    tap.check("stats on a missing workspace fails in one line",
          p.returncode != 0 and p.stderr.count("\n") == 1 and not os.path.exists(db), p.stderr)

    p = run("demo", "--database", db)
    tap.check("demo creates the demo workspace", p.returncode == 0, p.stderr)

    p = run("stats", "--database", db)
    counts = dict(line.split() for line in p.stdout.splitlines())
    tap.check("stats counts every table", p.returncode == 0 and set(counts) >= {
        "brands", "channels", "campaigns", "posts", "post_variants", "media", "notifications",
        "metric_samples", "saved_replies", "outbox"}, p.stdout)
    tap.check("stats: 1 brand, 4 channels, 2 campaigns",
          counts.get("brands") == "1" and counts.get("channels") == "4" and counts.get("campaigns") == "2", counts)
    tap.check("stats: 120 posts, 300 notifications, 90 days of 4 metrics on 4 channels",
          counts.get("posts") == "120" and counts.get("notifications") == "300"
          and counts.get("metric_samples") == str(90 * 4 * 4), counts)

    p = run("demo", "--database", db)
    tap.check("demo refuses a workspace that has a brand", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)

    txt = os.path.join(tmp, "notes.txt")
    with open(txt, "w") as f:
        f.write("pas une base\n")
    p = run("stats", "--database", txt)
    tap.check("stats on a text file fails in one line and leaves it",
          p.returncode != 0 and p.stderr.count("\n") == 1 and open(txt).read() == "pas une base\n", p.stderr)

    p = run("frobnicate")
    tap.check("an unknown command fails in one line", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)

    p = run("stats", "--database", db, "extra")
    tap.check("stats refuses extra arguments", p.returncode != 0, p.stderr)

tap.finish()
