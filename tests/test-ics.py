#!/usr/bin/env python3
"""community-desk-cli export-ics, read back with a real iCalendar parser
(python3-icalendar) and line by line against RFC 5545. Prints TAP."""
import datetime
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402

import icalendar  # noqa: E402

cli = sys.argv[1]
TRICKY = "Soldes ; -20 %, vite !\nDeuxième ligne \\ fin"
LONG = "Un très long texte de publication 🥐 avec des accents à foison, " * 12


def export(db, path, *extra):
    return subprocess.run([cli, "export-ics", "--database", db, "--from", "2026-11-01",
                           "--to", "2026-11-30", *extra, path], capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "w.db")
    env = dict(os.environ, COMMUNITY_DESK_NOW="2026-11-23T10:00:00")
    p = subprocess.run([cli, "demo", "--database", db], capture_output=True, text=True, env=env)
    tap.check("demo workspace created", p.returncode == 0, p.stderr)

    # A post with text that needs escaping and folding, on 30 November
    con = sqlite3.connect(db)
    at = int(datetime.datetime(2026, 11, 30, 17, 5, tzinfo=datetime.timezone.utc).timestamp())
    con.execute("INSERT INTO posts (brand_id, title, body, status, scheduled_at, created_at, updated_at)"
                " VALUES (1, ?, ?, 'scheduled', ?, ?, ?)", (TRICKY, LONG, at, at, at))
    con.commit()
    start = int(datetime.datetime(2026, 11, 1).timestamp())
    end = int(datetime.datetime(2026, 12, 1).timestamp())
    expected = {row[0]: row[1] for row in con.execute(
        "SELECT id, scheduled_at FROM posts WHERE brand_id = 1 AND scheduled_at >= ? AND scheduled_at < ?",
        (start, end))}
    con.close()

    ics_path = os.path.join(tmp, "novembre.ics")
    p = export(db, ics_path)
    tap.check("export-ics succeeds", p.returncode == 0, p.stderr)
    raw = open(ics_path, "rb").read()

    lines = raw.split(b"\r\n")
    tap.check("every line ends with CRLF", raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""))
    tap.check("no line is longer than 75 octets", all(len(line) <= 75 for line in lines),
              [line for line in lines if len(line) > 75][:3])
    try:
        for line in lines:
            line.decode("utf-8", "strict")
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    tap.check("every physical line is valid UTF-8 (no character cut by folding)", utf8)

    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    tap.check("one VEVENT per scheduled post of the period", len(events) == len(expected),
              f"{len(events)} events, {len(expected)} posts")
    by_uid = {str(e["UID"]): e for e in events}
    tap.check("UIDs are unique", len(by_uid) == len(events))

    ok = True
    for post_id, ts in expected.items():
        e = by_uid.get(f"post-{post_id}@community-desk")
        if e is None or int(e.decoded("DTSTART").timestamp()) != ts:
            ok = False
    tap.check("each post's DTSTART is its scheduled time (UTC)", ok)

    tricky = [e for e in events if str(e["SUMMARY"]) == TRICKY]
    tap.check("escaped SUMMARY reads back exactly", len(tricky) == 1,
              [str(e["SUMMARY"]) for e in events][-3:])
    tap.check("folded DESCRIPTION reads back exactly",
              tricky and str(tricky[0]["DESCRIPTION"]).startswith(LONG))
    tap.check("the calendar is named after the brand", str(cal.get("X-WR-CALNAME")) == "Le Fournil des Halles")

    again = os.path.join(tmp, "again.ics")
    export(db, again)
    uids_again = {str(c["UID"]) for c in icalendar.Calendar.from_ical(open(again, "rb").read()).walk()
                  if c.name == "VEVENT"}
    tap.check("UIDs are the same from one export to the next", uids_again == set(by_uid))

    p = export(db, ics_path, "--brand", "Inconnue")
    tap.check("an unknown brand fails in one line", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)
    p = subprocess.run([cli, "export-ics", "--database", db, "--from", "2026-13-01", "--to", "2026-11-30",
                        ics_path], capture_output=True, text=True)
    tap.check("a bad date fails in one line", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)

tap.finish()
