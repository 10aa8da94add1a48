#!/usr/bin/env python3
# test-cli-sync.py: accounts, sync and outbox from the command line,
# against the Mastodon contract server (mastodon-fake) on 127.0.0.1, with
# the secrets in a real keyring (run by with-keyring.sh)
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import glob
import json
import os
import select
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402

cli, fake = sys.argv[1], sys.argv[2]
TOKEN = "tok-fournil"


def run(*args, stdin=None):
    return subprocess.run([cli, *args], capture_output=True, text=True, input=stdin, timeout=120)


env = dict(os.environ, MASTODON_FAKE_NOTIFICATIONS="120")
server = subprocess.Popen([fake], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, bufsize=1)
url = server.stdout.readline().strip()

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "workspace.db")
    run("brands", "add", "Le Fournil", "--database", db)
    run("channels", "add", "--brand", "Le Fournil", "--network", "mastodon", "--name", "@fournil", "--database", db)
    run("channels", "add", "--brand", "Le Fournil", "--network", "instagram", "--name", "@fournil.ig",
        "--database", db)

    p = run("accounts", "connect", "--channel", "@fournil", "--server", url, "--secret-stdin", "--database", db,
            stdin="revoked-token\n")
    p2 = run("accounts", "list", "--database", db)
    tap.check("accounts connect: a token the server refuses is said in one line, and nothing is kept",
              p.returncode != 0 and p.stderr.count("\n") == 1 and p2.stdout == "", p.stderr + p2.stdout)

    p = run("accounts", "connect", "--channel", "@fournil", "--server", url, "--database", db, stdin=TOKEN)
    tap.check("accounts connect: the secret comes only from standard input",
              p.returncode != 0 and "--secret-stdin" in p.stderr and p.stderr.count("\n") == 1, p.stderr)

    p = run("accounts", "connect", "--channel", "@fournil.ig", "--server", url, "--secret-stdin", "--database", db,
            stdin=TOKEN)
    tap.check("accounts connect: a prepare-only channel has no account", p.returncode != 0 and
              p.stderr.count("\n") == 1, p.stderr)

    p = run("accounts", "connect", "--channel", "@fournil", "--server", "http://piaille.example", "--secret-stdin",
            "--database", db, stdin=TOKEN)
    tap.check("accounts connect: plain http to another machine is refused", p.returncode != 0 and
              "https" in p.stderr, p.stderr)

    p = run("accounts", "connect", "--channel", "@fournil", "--server", url, "--secret-stdin", "--database", db,
            stdin=TOKEN + "\n")
    p2 = run("accounts", "list", "--database", db)
    tap.check("accounts connect checks who the account is, and accounts list shows it",
              p.returncode == 0 and "fournil" in p.stdout and
              p2.stdout.splitlines() == ["@fournil\tmastodon\t%s\tfournil\tconnected" % url],
              p.stdout + p.stderr + p2.stdout)

    def files_hold(secret):
        for path in glob.glob(os.path.join(tmp, "**"), recursive=True):
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    if secret.encode() in f.read():
                        return True
        return False

    tap.check("the token is nowhere in the workspace's files", not files_hold(TOKEN))

    # A post in two days on both channels, and one due an hour ago
    when = datetime.datetime.now() + datetime.timedelta(days=2)
    past = datetime.datetime.now() - datetime.timedelta(hours=1)
    csv = os.path.join(tmp, "posts.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("date,time,channels,text,status\n")
        f.write("%s,%s,@fournil @fournil.ig,Galette des rois samedi,scheduled\n" % (when.strftime("%Y-%m-%d"),
                                                                                    when.strftime("%H:%M")))
        f.write("%s,%s,@fournil,La fournée est sortie,scheduled\n" % (past.strftime("%Y-%m-%d"),
                                                                      past.strftime("%H:%M")))
    p = run("import-posts", "--brand", "Le Fournil", "--database", db, csv)
    tap.check("posts scheduled for the test", p.returncode == 0, p.stdout + p.stderr)

    p = run("sync", "--push-only", "--database", db)
    lines = sorted((line.split("\t") for line in p.stdout.splitlines()), key=lambda l: l[3])
    tap.check("sync --push-only: the future post is held by the server, the due one published",
              p.returncode == 0 and len(lines) == 2 and [l[3] for l in lines] == ["published", "scheduled"]
              and lines[0][4].startswith("https://") and all(l[0] == "sent" and l[1] == "@fournil" for l in lines),
              p.stdout + p.stderr)

    p = run("sync", "--push-only", "--database", db)
    tap.check("sync again sends nothing twice", p.returncode == 0 and p.stdout == "", p.stdout + p.stderr)

    p = run("outbox", "--json", "--database", db)
    try:
        sends = json.loads(p.stdout)
    except ValueError:
        sends = None
    sent = [s for s in sends or [] if not s["by_hand"]]
    reminders = [s for s in sends or [] if s["by_hand"]]
    tap.check("outbox --json: each send with its channel, post, state and link",
              isinstance(sends, list) and len(sent) == 2 and
              sorted(s["state"] for s in sent) == ["published", "scheduled"] and
              all(s["channel"] == "@fournil" and s["network"] == "mastodon" and isinstance(s["post"], int)
                  and s["scheduled_for"] for s in sent) and
              any(s["url"] for s in sent if s["state"] == "published"), p.stdout + p.stderr)
    tap.check("outbox --json: Instagram, published by hand, waits for its reminder",
              len(reminders) == 1 and reminders[0]["channel"] == "@fournil.ig" and reminders[0]["state"] == "queued",
              p.stdout)

    p = run("outbox", "--database", db)
    tap.check("outbox: one line a send", p.returncode == 0 and len(p.stdout.splitlines()) == 3, p.stdout)

    # Killed mid-sync: the status is made on the server, its answer never
    # comes, and the sync is killed (SIGKILL) meanwhile. The send was
    # recorded as "sending" before its request; the next sync sends it
    # again with the same Idempotency-Key and the server makes no second
    # status.
    def server_says(prefix, timeout=60):
        ready, _, _ = select.select([server.stdout], [], [], timeout)
        line = server.stdout.readline().strip() if ready else ""
        return line if line.startswith(prefix) else None

    def server_count():
        server.stdin.write("count\n")
        server.stdin.flush()
        said = server_says("statuses")
        return int(said.split()[1]) if said else -1

    csv_kill = os.path.join(tmp, "kill.csv")
    with open(csv_kill, "w", encoding="utf-8") as f:
        f.write("date,time,channels,text,status\n%s,%s,@fournil,Pain au levain ce soir,scheduled\n" %
                (past.strftime("%Y-%m-%d"), past.strftime("%H:%M")))
    run("import-posts", "--brand", "Le Fournil", "--database", db, csv_kill)
    before = server_count()
    server.stdin.write("hang\n")
    server.stdin.flush()
    syncing = subprocess.Popen([cli, "sync", "--push-only", "--database", db], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    made = server_says("created")
    syncing.send_signal(signal.SIGKILL)
    syncing.communicate(timeout=30)
    p = run("outbox", "--json", "--database", db)
    levain = [s for s in json.loads(p.stdout or "[]") if not s["by_hand"] and s["state"] not in ("published", "scheduled")]
    tap.check("killed mid-sync: the status was made, the send is recorded as sending",
              made is not None and server_count() == before + 1 and len(levain) == 1
              and levain[0]["state"] == "sending", "%s %s" % (made, p.stdout))
    p = run("sync", "--push-only", "--database", db)
    p2 = run("outbox", "--json", "--database", db)
    after = [s for s in json.loads(p2.stdout or "[]") if levain and s["post"] == levain[0]["post"]]
    tap.check("restarted: the send ends published with the status made before the kill, never twice",
              p.returncode == 0 and server_count() == before + 1 and len(after) == 1
              and after[0]["state"] == "published" and made is not None and after[0]["remote_id"] == made.split()[1],
              p.stdout + p.stderr + p2.stdout)

    p = run("sync", "--pull-only", "--database", db)
    fields = p.stdout.strip().split("\t")
    tap.check("sync --pull-only: notifications stored, the followers counted",
              p.returncode == 0 and fields[:2] == ["pulled", "@fournil"] and int(fields[2]) > 0
              and fields[3] == "1234", p.stdout + p.stderr)
    p = run("sync", "--pull-only", "--database", db)
    fields = p.stdout.strip().split("\t")
    tap.check("sync --pull-only again: nothing stored twice", p.returncode == 0 and fields[2] == "0",
              p.stdout + p.stderr)

    for args, what in ((["sync", "--push-only", "--pull-only"], "both --push-only and --pull-only"),
                       (["sync", "extra"], "an argument"),
                       (["outbox", "extra"], "an argument"),
                       (["accounts", "frobnicate"], "an unknown action"),
                       (["sync", "--channel", "@nobody"], "an unknown channel")):
        p = run(*args, "--database", db)
        tap.check("%s refuses %s in one line" % (args[0], what), p.returncode != 0 and p.stderr.count("\n") == 1,
                  p.stderr)

    p = run("accounts", "remove", "--channel", "@fournil", "--database", db)
    p2 = run("accounts", "list", "--database", db)
    p3 = run("accounts", "remove", "--channel", "@fournil", "--database", db)
    tap.check("accounts remove: the account and its secret go; twice is said in one line",
              p.returncode == 0 and p2.stdout == "" and p3.returncode != 0 and p3.stderr.count("\n") == 1,
              p.stdout + p.stderr + p2.stdout + p3.stderr)

server.stdin.close()
server.wait(timeout=30)
tap.finish()
