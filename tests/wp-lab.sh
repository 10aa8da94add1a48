#!/bin/bash
# A throwaway WordPress on 127.0.0.1 for the tests: Debian 12's wordpress
# package (6.1) with its own MariaDB (a unix socket, no TCP) and PHP's
# built-in server, everything under DIR; nothing else on the machine is
# written or started.
#
#   wp-lab.sh up DIR     starts it; writes DIR/env (WP_LAB_URL, WP_LAB_USER,
#                        WP_LAB_APP_PASSWORD); on failure, the reason is the
#                        last line on stderr and the status is 1
#   wp-lab.sh down DIR   stops it (by process group) and deletes DIR
#
# Needs: mariadb-server mariadb-client php-cli php-mysql php-gd php-curl
# php-xml php-mbstring wordpress (build-aux/deps.txt).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail
PATH=$PATH:/usr/sbin:/sbin

action=${1:-}
W=${2:-}
[ -n "$W" ] || { echo "usage: $0 up|down DIR" >&2; exit 2; }

copying=
fail () {
  # The copy made meanwhile ends before "down" deletes DIR
  [ -z "$copying" ] || wait "$copying" 2>/dev/null
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

# No live process left in group $1 (zombies wait for init: they are gone)
group_gone () {
  ! ps -o stat= -g "$1" | grep -qv '^Z'
}

if [ "$action" = down ]; then
  stop_group "$W/php.pgid" TERM
  # A throwaway database: no clean shutdown needed
  stop_group "$W/mariadbd.pgid" KILL
  rm -rf "$W"
  exit 0
fi
[ "$action" = up ] || { echo "usage: $0 up|down DIR" >&2; exit 2; }

for tool in mariadb-install-db mariadbd mariadb mariadb-admin php; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (see build-aux/deps.txt)"
done
[ -f /usr/share/wordpress/wp-settings.php ] || fail "the wordpress package is not installed (see build-aux/deps.txt)"
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' || fail "PHP has no mysqli (php-mysql is not installed)"

mkdir -p "$W" || fail "cannot create $W"
me=$(id -un)

# 1. A private copy of the tree, made meanwhile (Debian's wp-config.php reads
#    /etc/wordpress/config-<host>.php)
( cp -a /usr/share/wordpress "$W/root" && mkdir -p "$W/content/uploads" &&
  cp -a /usr/share/wordpress/wp-content/. "$W/content/" ) 2>"$W/copy.log" &
copying=$!

# 2. A private MariaDB: unix socket only, in its own process group
mariadb-install-db --no-defaults --user="$me" --datadir="$W/db" --auth-root-authentication-method=normal \
  --skip-test-db >"$W/install-db.log" 2>&1 || fail "mariadb-install-db failed: $(tail -n 1 "$W/install-db.log")"
setsid mariadbd --no-defaults --user="$me" --datadir="$W/db" --socket="$W/mysql.sock" --skip-networking \
  --pid-file="$W/mariadbd.pid" --log-error="$W/mariadbd.err" </dev/null >/dev/null 2>&1 &
echo $! >"$W/mariadbd.pgid"
poll 150 mariadb-admin --no-defaults --socket="$W/mysql.sock" -uroot ping \
  || fail "MariaDB did not start: $(tail -n 1 "$W/mariadbd.err" 2>/dev/null)"
mariadb --no-defaults --socket="$W/mysql.sock" -uroot \
  -e "CREATE DATABASE wp; CREATE USER wp@localhost IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO wp@localhost;" \
  2>"$W/sql.log" || fail "MariaDB refused the database: $(tail -n 1 "$W/sql.log")"

# 3. Our own wp-config.php in the copy
wait $copying || fail "cannot copy /usr/share/wordpress: $(tail -n 1 "$W/copy.log")"
rm -f "$W/root/wp-config.php" "$W/root/.htaccess"
# The port is chosen later (and again if it was taken): its own file
cat >"$W/root/wp-config.php" <<PHP
<?php
require '$W/port.php';
define('DB_NAME','wp'); define('DB_USER','wp'); define('DB_PASSWORD','wp');
define('DB_HOST','localhost:$W/mysql.sock'); define('DB_CHARSET','utf8mb4'); define('DB_COLLATE','');
define('WP_CONTENT_DIR','$W/content');
define('WP_HOME','http://127.0.0.1:'.WP_LAB_PORT); define('WP_SITEURL','http://127.0.0.1:'.WP_LAB_PORT);
define('WP_ENVIRONMENT_TYPE','local');   // application passwords over plain http only in 'local'
define('AUTOMATIC_UPDATER_DISABLED',true); define('DISABLE_WP_CRON',true); define('WP_HTTP_BLOCK_EXTERNAL',true);
foreach (['AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT'] as \$k) define(\$k,'test-'.\$k);
\$table_prefix='wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__.'/');
require_once ABSPATH.'wp-settings.php';
PHP

free_port () {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}
port=$(free_port) || fail "no free port on 127.0.0.1"
echo "<?php define('WP_LAB_PORT', $port);" >"$W/port.php"

# 4. Installed without a browser (Debian 12 has no wp-cli): an admin, pretty
#    permalinks, an application password
cat >"$W/install.php" <<PHP
<?php
\$_SERVER['HTTP_HOST']='127.0.0.1'; \$_SERVER['REQUEST_URI']='/';
define('WP_INSTALLING', true);
require '$W/root/wp-load.php';
require_once ABSPATH.'wp-admin/includes/upgrade.php';
function wp_mail() { return true; }          // no MTA: no "new site" mail
\$r = wp_install('CommunityDesk Test','admin','admin@example.invalid',false,'','admin-pass-123');
update_option('permalink_structure','/%postname%/');
list(\$pw,) = WP_Application_Passwords::create_new_application_password(\$r['user_id'], ['name'=>'communitydesk-tests']);
file_put_contents('$W/app-password.txt', \$pw);
PHP
php "$W/install.php" >"$W/install.log" 2>&1 && [ -s "$W/app-password.txt" ] \
  || fail "the WordPress install failed: $(tail -n 1 "$W/install.log")"

# 5. PHP's built-in server with a router (pretty /wp-json/ URLs), 4 workers,
#    in its own process group; a port taken meanwhile is chosen again
cat >"$W/router.php" <<'PHP'
<?php
$p = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH); $f = $_SERVER['DOCUMENT_ROOT'].$p;
if ($p !== '/' && is_file($f)) return false;
if (is_dir($f) && is_file("$f/index.php")) { require "$f/index.php"; return; }
$_SERVER['SCRIPT_NAME'] = '/index.php'; require $_SERVER['DOCUMENT_ROOT'].'/index.php';
PHP
started=no
for attempt in 1 2 3; do
  PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "$W/root" "$W/router.php" </dev/null >"$W/php.log" 2>&1 &
  pid=$!
  echo "$pid" >"$W/php.pgid"
  for _ in $(seq 150); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/wp-json/"; then started=yes; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ $started = yes ] && break
  stop_group "$W/php.pgid" TERM
  port=$(free_port) || fail "no free port on 127.0.0.1"
  echo "<?php define('WP_LAB_PORT', $port);" >"$W/port.php"
done
[ $started = yes ] || fail "PHP's server did not answer: $(tail -n 1 "$W/php.log")"

# The password stays in DIR (deleted by "down"); nothing prints it
cat >"$W/env" <<EOF
WP_LAB_URL=http://127.0.0.1:$port
WP_LAB_USER=admin
WP_LAB_APP_PASSWORD='$(cat "$W/app-password.txt")'
EOF
exit 0
