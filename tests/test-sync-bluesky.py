#!/usr/bin/env python3
# test-sync-bluesky.py: accounts connect, sync and outbox on a real Bluesky
# network (with-atproto.sh) with the session in a real keyring
# (with-keyring.sh): a post due goes once, even after a crash mid-send
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv as csvmodule
import datetime
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402

cli = sys.argv[1]
pds = os.environ["ATPROTO_LAB_PDS_URL"]
alice = os.environ["ATPROTO_LAB_ALICE_HANDLE"]
alice_did = os.environ["ATPROTO_LAB_ALICE_DID"]
password = os.environ["ATPROTO_LAB_ALICE_APP_PASSWORD"]
TEXT = "Bonjour Lyon, la galette est là ! #Épiphanie"


def run(*args, stdin=None):
    return subprocess.run([cli, *args], capture_output=True, text=True, input=stdin, timeout=120)


def records_with_text():
    url = "%s/xrpc/com.atproto.repo.listRecords?repo=%s&collection=app.bsky.feed.post&limit=100" % (pds, alice_did)
    with urllib.request.urlopen(url, timeout=30) as answer:
        records = json.load(answer)["records"]
    return [r for r in records if r["value"].get("text") == TEXT]


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "workspace.db")
    run("brands", "add", "Le Fournil", "--database", db)
    run("channels", "add", "--brand", "Le Fournil", "--network", "bluesky", "--name", "@" + alice, "--database", db)

    p = run("accounts", "connect", "--channel", "@" + alice, "--server", pds, "--secret-stdin", "--database", db,
            stdin="wrong-pass-word-xxxx\n")
    tap.check("accounts connect: a wrong app password is said in one line", p.returncode != 0 and
              p.stderr.count("\n") == 1, p.stderr)
    p = run("accounts", "connect", "--channel", "@" + alice, "--server", pds, "--secret-stdin", "--database", db,
            stdin=password + "\n")
    p2 = run("accounts", "list", "--database", db)
    tap.check("accounts connect: logged in with the app password, the session kept in the keyring",
              p.returncode == 0 and alice in p.stdout and p2.stdout.strip().endswith("connected"),
              p.stdout + p.stderr + p2.stdout)

    past = datetime.datetime.now() - datetime.timedelta(minutes=2)
    csv = os.path.join(tmp, "posts.csv")
    with open(csv, "w", encoding="utf-8", newline="") as f:
        writer = csvmodule.writer(f)
        writer.writerow(["date", "time", "channels", "text", "status"])
        writer.writerow([past.strftime("%Y-%m-%d"), past.strftime("%H:%M"), "@" + alice, TEXT, "scheduled"])
    imported = run("import-posts", "--brand", "Le Fournil", "--database", db, csv)
    tap.check("the post due is in the workspace", imported.returncode == 0, imported.stdout + imported.stderr)

    p = run("sync", "--push-only", "--database", db)
    fields = p.stdout.strip().split("\t")
    tap.check("sync: the post due is published on Bluesky",
              p.returncode == 0 and len(fields) == 5 and fields[3] == "published" and
              fields[4].startswith("https://bsky.app/profile/"),
              p.stdout + p.stderr + run("outbox", "--database", db).stdout)
    tap.check("one record on the PDS, with its hashtag's facet",
              len(records_with_text()) == 1 and
              records_with_text()[0]["value"].get("facets", [{}])[0]["features"][0]["tag"] == "Épiphanie")

    # Killed after sending, before recording: "sending" again, and a retry
    con = sqlite3.connect(db)
    con.execute("UPDATE outbox SET state = 'sending'")
    con.commit()
    con.close()
    p = run("sync", "--push-only", "--database", db)
    tap.check("after a crash mid-send, the retry is the same record: still one",
              p.returncode == 0 and "published" in p.stdout and len(records_with_text()) == 1,
              p.stdout + p.stderr)

    p = run("sync", "--push-only", "--database", db)
    tap.check("sync again sends nothing", p.returncode == 0 and p.stdout == "", p.stdout + p.stderr)

    p = run("outbox", "--json", "--database", db)
    sends = json.loads(p.stdout or "[]")
    tap.check("outbox --json: the send with its at:// record",
              len(sends) == 1 and sends[0]["state"] == "published" and sends[0]["network"] == "bluesky" and
              (sends[0]["remote_id"] or "").startswith("at://"), p.stdout)

    p = run("sync", "--pull-only", "--database", db)
    tap.check("sync --pull-only on Bluesky", p.returncode == 0 and p.stdout.startswith("pulled\t@" + alice),
              p.stdout + p.stderr)

tap.finish()
