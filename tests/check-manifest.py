#!/usr/bin/env python3
"""Checks the Flatpak manifest offline (no runtime can be downloaded here).

Valid JSON; app id and command match the build; the five finish-args and
no others; flatpak-builder accepts every key; every library the binaries
link is in the GNOME runtime or built as a module. Prints TAP.
"""
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402

manifest_path, app_id, *binaries = sys.argv[1:]

with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)
tap.check("valid JSON with an id", "id" in manifest)
tap.check("app id is " + app_id, manifest.get("id") == app_id, manifest.get("id"))
tap.check("runtime is org.gnome.Platform", manifest.get("runtime") == "org.gnome.Platform"
      and manifest.get("sdk") == "org.gnome.Sdk")
tap.check("runtime version is a number", re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))))
command = manifest.get("command")
tap.check("command is a bare binary name built here",
      command and "/" not in command and any(os.path.basename(b) == command for b in binaries), command)
expected = {"--share=network", "--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
tap.check("finish-args are exactly the five needed", set(manifest.get("finish-args", [])) == expected,
      manifest.get("finish-args"))
modules = manifest.get("modules", [])
tap.check("the app is the last module, built with meson",
      modules and modules[-1].get("buildsystem") == "meson"
      and modules[-1].get("sources", [{}])[0].get("type") == "dir")

builder = shutil.which("flatpak-builder")
if builder:
    proc = subprocess.run([builder, "--show-manifest", manifest_path], capture_output=True, text=True)
    tap.check("flatpak-builder --show-manifest accepts it",
          proc.returncode == 0 and "Unknown property" not in proc.stderr, proc.stderr.strip())
else:
    tap.check("flatpak-builder is installed", False)

# Libraries the GNOME runtime provides (gnome-build-meta sdk-platform and
# the freedesktop base it builds on).
runtime = [
    r"libc\.so", r"libm\.so", r"libpthread", r"libdl", r"ld-linux",
    r"libglib-2\.0", r"libgobject-2\.0", r"libgio-2\.0", r"libgmodule-2\.0",
    r"libgtk-4", r"libadwaita-1", r"libsoup-3\.0", r"libjson-glib-1\.0",
    r"libsqlite3", r"libwebkitgtk-6\.0", r"libjavascriptcoregtk-6\.0",
    r"libcairo", r"libcairo-gobject", r"libpango-1\.0", r"libpangocairo-1\.0",
    r"libharfbuzz", r"libgdk_pixbuf-2\.0", r"libgraphene-1\.0", r"libsecret-1",
    r"libintl", r"libicuuc", r"libicudata", r"libpsl",
    # gnome-build-meta elements/sdk/enchant-2.bst (hunspell and nuspell
    # providers); its dictionaries come from org.gnome.Platform.Locale, see README
    r"libenchant-2",
    # freedesktop-sdk components/libxml2.bst, in the platform (WebKitGTK and
    # libsecret's file backend need it too)
    r"libxml2",
]
module_names = [m.get("name", "") for m in modules[:-1]]
for binary in binaries:
    proc = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True)
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", proc.stdout)
    tap.check(f"{os.path.basename(binary)} links libraries", proc.returncode == 0 and needed)
    for lib in needed:
        ok = any(re.match(p, lib) for p in runtime) or any(n and n in lib for n in module_names)
        tap.check(f"{os.path.basename(binary)}: {lib} is in the runtime or a module", ok)

tap.finish()
