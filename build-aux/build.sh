#!/usr/bin/env bash
# Configures (once) and builds CommunityDesk into _build, installed into
# _install inside the source tree so that translations, icons and the
# GSettings schema are found as in a real installation.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/install-deps.sh
if [ ! -f _build/build.ninja ]; then
  meson setup _build --prefix="$top/_install" >&2
fi
meson compile -C _build >&2
meson install -C _build --quiet >&2
