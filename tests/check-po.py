#!/usr/bin/env python3
"""Checks that po/fr.po translates every user-visible string.

Extracts the strings of po/POTFILES.in exactly as build-aux/update-po.sh
does, merges them with po/fr.po and fails on any untranslated or fuzzy
message, on a format mismatch, and on a source file with translatable
strings that POTFILES.in does not list. Prints TAP.
"""
import os
import re
import subprocess
import sys
import tempfile

top = sys.argv[1]
sys.path.insert(0, os.path.join(top, "build-aux"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import potfiles  # noqa: E402
import tap  # noqa: E402

listed = potfiles.read_list(top)
tap.check("POTFILES.in lists only existing files",
      all(os.path.exists(os.path.join(top, f)) for f in listed),
      [f for f in listed if not os.path.exists(os.path.join(top, f))])

unlisted = [f for f in potfiles.find_translatable(top) if f not in listed]
tap.check("every file with translatable strings is in POTFILES.in", not unlisted, unlisted)

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "community-desk.pot")
    proc = potfiles.extract(top, pot)
    tap.check("xgettext extracts the strings", proc.returncode == 0 and os.path.exists(pot), proc.stderr)

    fr = os.path.join(top, "po", "fr.po")
    proc = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, fr],
                          capture_output=True, text=True)
    tap.check("fr.po compiles with format checks", proc.returncode == 0, proc.stderr)

    merged = os.path.join(tmp, "merged.po")
    proc = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, fr, pot],
                          capture_output=True, text=True)
    tap.check("fr.po merges with the current strings", proc.returncode == 0, proc.stderr)

    proc = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, merged],
                          capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"})
    stats = proc.stderr.strip()
    translated = re.search(r"(\d+) translated", stats)
    fuzzy = re.search(r"(\d+) fuzzy", stats)
    untranslated = re.search(r"(\d+) untranslated", stats)
    tap.check("some strings are translated", translated and int(translated.group(1)) > 100, stats)
    tap.check("no fuzzy translation", not fuzzy, stats)
    if untranslated:
        proc = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                              capture_output=True, text=True)
        missing = re.findall(r'^msgid "(.+)"$', proc.stdout, re.M)
        tap.check("no untranslated string", False, f"{stats}; e.g. {missing[:10]}")
    else:
        tap.check("no untranslated string", True)

tap.finish()
