#!/bin/sh
# Runs a test in a private D-Bus session with a fresh, unlocked GNOME
# Keyring (a real Secret Service), in a throwaway home: the user's own
# keyring is never touched.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c '
  eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets | sed "s/^/export /")"
  gnome-keyring-daemon --start --components=secrets >/dev/null
  "$@"' sh "$@"
