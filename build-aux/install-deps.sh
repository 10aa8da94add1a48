#!/usr/bin/env bash
# Installs the Debian 12 packages listed in build-aux/deps.txt that are
# missing, non-interactively. Installs nothing when all are present.
# "a|b": a, unless b is installed (b provides it: NodeSource's nodejs
# ships npm and conflicts with Debian's).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

missing=()
while read -r pkg; do
  case "$pkg" in ''|'#'*) continue ;; esac
  found=no
  for alternative in ${pkg//|/ }; do
    status=$(dpkg-query -W -f='${Status}' "$alternative" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] && found=yes
  done
  [ $found = yes ] || missing+=("${pkg%%|*}")
done < "$here/deps.txt"

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
