#!/usr/bin/env python3
"""Writes translations into a .po file from a Python table.

Usage: fill-po.py TABLE.py LANG.po — TABLE.py defines T, a dict from
msgid (or (msgid, msgid_plural)) to msgstr (or (singular, plural)).
Only empty or missing entries are filled; existing ones are kept.
"""
import re
import sys


def c_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def unquote(block):
    return "".join(eval(x) for x in re.findall(r'"(?:[^"\\]|\\.)*"', block))


table_path, po_path = sys.argv[1:]
ns = {}
exec(open(table_path, encoding="utf-8").read(), ns)
T = ns["T"]

text = open(po_path, encoding="utf-8").read()
entries = text.split("\n\n")
out = []
missing = []
for entry in entries:
    m_id = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
    if not m_id or entry.lstrip().startswith("#~"):
        out.append(entry)
        continue
    msgid = unquote(m_id.group(1))
    if msgid == "":
        out.append(entry)
        continue
    m_pl = re.search(r'^msgid_plural ((?:".*"\n?)+)', entry, re.M)
    head = entry[:entry.index("msgstr")]
    if m_pl:
        plural = unquote(m_pl.group(1))
        cur = re.findall(r'^msgstr\[\d\] ((?:".*"\n?)+)', entry, re.M)
        if all(unquote(c) for c in cur) and cur:
            out.append(entry)
            continue
        tr = T.get((msgid, plural))
        if tr is None:
            missing.append(msgid)
            out.append(entry)
            continue
        out.append(head + f'msgstr[0] "{c_escape(tr[0])}"\nmsgstr[1] "{c_escape(tr[1])}"')
    else:
        cur = re.search(r'^msgstr ((?:".*"\n?)+)', entry, re.M)
        if cur and unquote(cur.group(1)):
            out.append(entry)
            continue
        tr = T.get(msgid)
        if tr is None:
            missing.append(msgid)
            out.append(entry)
            continue
        head = re.sub(r"^#, fuzzy\n", "", head, flags=re.M)
        out.append(head + f'msgstr "{c_escape(tr)}"')

open(po_path, "w", encoding="utf-8").write("\n\n".join(out))
for m in missing:
    print("untranslated:", repr(m), file=sys.stderr)
sys.exit(1 if missing else 0)
