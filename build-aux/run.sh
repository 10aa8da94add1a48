#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and starts
# CommunityDesk. Arguments are passed on (e.g. --demo, --database PATH).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/build-aux/build.sh"

export GSETTINGS_SCHEMA_DIR="$top/_install/share/glib-2.0/schemas"
export XDG_DATA_DIRS="$top/_install/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
exec "$top/_install/bin/community-desk" "$@"
