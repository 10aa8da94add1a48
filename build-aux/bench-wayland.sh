#!/usr/bin/env bash
# Runs tests/bench/bench-ui on Wayland, in a headless Weston (pixman), as
# GNOME's default session would run the app, instead of Xvfb: GDK's X11
# backend measures the window and asks the X server about monitors before
# frames, which Wayland does not. Rasterization stays in software.
#
#   bash build-aux/bench-wayland.sh [ENV=VALUE ...]
#
# Needs Debian's weston (apt-get install weston); not part of the tests.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
command -v weston >/dev/null || { echo "bench-wayland: weston is not installed (apt-get install weston)" >&2; exit 2; }
meson compile -C "$top/_build" bench-ui >/dev/null

runtime=$(mktemp -d)
chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
weston --backend=headless-backend.so --use-pixman --socket=wayland-bench \
       --width=1280 --height=900 >"$runtime/weston.log" 2>&1 &
weston_pid=$!
trap 'kill $weston_pid 2>/dev/null; wait $weston_pid 2>/dev/null; rm -rf "$runtime"' EXIT
for _ in $(seq 50); do [ -S "$runtime/wayland-bench" ] && break; sleep 0.1; done

env GDK_BACKEND=wayland WAYLAND_DISPLAY=wayland-bench GSK_RENDERER="${GSK_RENDERER:-cairo}" \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$top/_build/data" \
    COMMUNITY_DESK_MODULE_DIR="$top/_build/src/ui" "$@" \
    "$top/_build/tests/bench/bench-ui"
