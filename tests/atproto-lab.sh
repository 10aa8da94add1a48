#!/bin/bash
# A throwaway Bluesky network on 127.0.0.1 for the tests: a PLC directory, a
# PDS, an AppView (with its Postgres and Redis) and the rest of
# @atproto/dev-env's TestNetwork (tests/atproto-net.mjs), with accounts
# alice.test (and an app password) and bob.test.
#
#   atproto-lab.sh install   installs Node 22 and @atproto/dev-env once, in
#                            ${XDG_CACHE_HOME:-~/.cache}/community-desk/atproto-lab
#                            (about 500 MB from the npm registry; reused after)
#   atproto-lab.sh up DIR    installs if needed, then starts it with its data in
#                            DIR; writes DIR/env (ATPROTO_LAB_PDS_URL, _APPVIEW_URL,
#                            _ALICE_HANDLE, _ALICE_APP_PASSWORD, _BOB_HANDLE,
#                            _BOB_PASSWORD); on failure, the reason is the last
#                            line on stderr and the status is 1
#   atproto-lab.sh down DIR  stops it (by process group) and deletes DIR
#
# Needs: postgresql redis-server nodejs npm (build-aux/deps.txt). Node 22 is
# needed by dev-env 0.6.7 (Debian's Node crashes in undici); it comes as the
# npm package node@22, which ships the binary.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail
PATH=$PATH:/usr/sbin:/sbin
here=$(cd "$(dirname "$0")" && pwd)

DEV_ENV_VERSION=0.6.7
CACHE=${ATPROTO_LAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/community-desk/atproto-lab}
STAMP=$CACHE/installed-$DEV_ENV_VERSION

action=${1:-}
A=${2:-}

fail () {
  echo "$*" >&2
  exit 1
}

# Waits up to $1 tenths of a second for the command that follows to succeed
poll () {
  local tries=$1
  shift
  for _ in $(seq "$tries"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

# No live process left in group $1 (zombies wait for init: they are gone)
group_gone () {
  ! ps -o stat= -g "$1" | grep -qv '^Z'
}

# Stops a process group with signal $2, then KILL after 5 s
stop_group () {
  local pgid
  [ -f "$1" ] || return 0
  pgid=$(cat "$1")
  [ -n "$pgid" ] || return 0
  kill -"$2" -- -"$pgid" 2>/dev/null || return 0
  poll 50 group_gone "$pgid" || kill -KILL -- -"$pgid" 2>/dev/null
  return 0
}

node22 () {
  local n
  for n in "$CACHE"/node22/node_modules/node/node_modules/node-linux-*/bin/node; do
    [ -x "$n" ] && { echo "$n"; return 0; }
  done
  return 1
}

# Installs into a fresh directory, renamed into place once complete, under a
# lock: two runs at once install once, and a run interrupted leaves nothing
# half-installed behind
install_lab () {
  [ -f "$STAMP" ] && return 0
  command -v npm >/dev/null || fail "npm is not installed (see build-aux/deps.txt)"
  mkdir -p "$CACHE" || fail "cannot create $CACHE"
  exec 9>"$CACHE/lock"
  flock 9 || fail "cannot lock $CACHE"
  [ -f "$STAMP" ] && return 0
  local new n log=$CACHE/install.log
  new=$(mktemp -d "$CACHE/new.XXXXXX") || fail "cannot write in $CACHE"
  echo "Installing Node 22 and @atproto/dev-env $DEV_ENV_VERSION in $CACHE (once; a few minutes)" >&2
  : >"$log"
  mkdir -p "$new/node22" "$new/dev-env"
  ( cd "$new/node22" && npm init -y && npm install --no-audit --no-fund node@22 ) >>"$log" 2>&1 \
    || { rm -rf "$new"; fail "npm could not install Node 22: $(tail -n 1 "$log")"; }
  n=$(ls -d "$new"/node22/node_modules/node/node_modules/node-linux-*/bin 2>/dev/null | head -n 1)
  [ -x "$n/node" ] || { rm -rf "$new"; fail "the node@22 package has no binary for this machine"; }
  n=$(dirname "$n")
  ( cd "$new/dev-env" && npm init -y && npm install --no-audit --no-fund "@atproto/dev-env@$DEV_ENV_VERSION" ) \
    >>"$log" 2>&1 || { rm -rf "$new"; fail "npm could not install @atproto/dev-env: $(tail -n 1 "$log")"; }
  # better-sqlite3 was built for the system's Node: again for Node 22's ABI
  ( cd "$new/dev-env" && PATH=$n/bin:$PATH npm_config_nodedir=$n npm rebuild better-sqlite3 ) >>"$log" 2>&1 \
    || { rm -rf "$new"; fail "better-sqlite3 could not be rebuilt for Node 22: $(tail -n 1 "$log")"; }
  rm -rf "$CACHE/node22" "$CACHE/dev-env"
  mv "$new/node22" "$new/dev-env" "$CACHE/" && rmdir "$new" || fail "cannot move the install into $CACHE"
  touch "$STAMP"
  echo "Installed in $CACHE" >&2
}

case "$action" in
install)
  install_lab
  exit 0 ;;
up|down) [ -n "$A" ] || { echo "usage: $0 install|up DIR|down DIR" >&2; exit 2; } ;;
*) echo "usage: $0 install|up DIR|down DIR" >&2; exit 2 ;;
esac

if [ "$action" = down ]; then
  stop_group "$A/node.pgid" TERM
  # Throwaway databases: no clean shutdown needed
  stop_group "$A/redis.pgid" KILL
  stop_group "$A/postgres.pgid" KILL
  [ -f "$A/postgres.dir" ] && rm -rf "$(cat "$A/postgres.dir")"
  rm -rf "$A"
  exit 0
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || fail "PostgreSQL is not installed (see build-aux/deps.txt)"
command -v redis-server >/dev/null || fail "redis-server is not installed (see build-aux/deps.txt)"
command -v python3 >/dev/null || fail "python3 is not installed (see build-aux/deps.txt)"
install_lab
node=$(node22) || fail "Node 22 is missing from $CACHE: delete it and run again"
mkdir -p "$A/tmp" || fail "cannot create $A"

free_port () {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# 1. A private PostgreSQL on 127.0.0.1, no unix socket. initdb will not run
#    as root: then as the postgres user, in a directory of its own
pg_port=$(free_port) || fail "no free port on 127.0.0.1"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id -u postgres >/dev/null 2>&1 || fail "no postgres user to run PostgreSQL as"
  as_pg=(runuser -u postgres --)
  pg=$("${as_pg[@]}" mktemp -d) || fail "cannot make a directory for PostgreSQL"
else
  pg=$A/pg
  mkdir -p "$pg"
fi
echo "$pg" >"$A/postgres.dir"
"${as_pg[@]}" "$PGBIN/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 >"$A/initdb.log" 2>&1 \
  || fail "initdb failed: $(tail -n 1 "$A/initdb.log")"
setsid "${as_pg[@]}" "$PGBIN/postgres" -D "$pg/data" -c listen_addresses=127.0.0.1 -c port="$pg_port" \
  -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
  -c max_connections=200 </dev/null >"$A/postgres.log" 2>&1 &
echo $! >"$A/postgres.pgid"
poll 150 "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" \
  || fail "PostgreSQL did not start: $(tail -n 1 "$A/postgres.log")"

# 2. A private Redis on 127.0.0.1, nothing saved
redis_port=$(free_port) || fail "no free port on 127.0.0.1"
mkdir -p "$A/redis"
setsid redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$A/redis" \
  </dev/null >"$A/redis.log" 2>&1 &
echo $! >"$A/redis.pgid"
poll 100 python3 -c "import socket; socket.create_connection(('127.0.0.1', $redis_port), 1)" \
  || fail "Redis did not start: $(tail -n 1 "$A/redis.log")"

# 3. The network, which writes DIR/env once alice and bob exist
TMPDIR=$A/tmp DB_POSTGRES_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres REDIS_HOST=127.0.0.1:$redis_port \
  LOG_ENABLED=false NODE_ENV=development \
  setsid "$node" "$here/atproto-net.mjs" "$CACHE/dev-env" "$A/env" </dev/null >"$A/node.log" 2>&1 &
pid=$!
echo "$pid" >"$A/node.pgid"
for _ in $(seq 1200); do
  [ -f "$A/env" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -f "$A/env" ] || fail "the Bluesky network did not start: $(grep -v '^\s*$' "$A/node.log" | tail -n 1)"
exit 0
