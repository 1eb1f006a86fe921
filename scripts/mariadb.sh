#!/usr/bin/env bash
# A throw-away MariaDB server on 127.0.0.1 for development and CI (Debian's mariadb-server).
#   scripts/mariadb.sh start   creates the data directory on first use and starts the server
#   scripts/mariadb.sh stop    stops it
# Settings: MARIADB_DIR (default /tmp/boxtribute-mariadb), MARIADB_PORT (3306),
# MARIADB_USER / MARIADB_PASSWORD (boxtribute / boxtribute): a user that may create databases,
# MARIADB_BUFFER_POOL (256M; benchmarks at a million boxes want their ~1 GB of data in memory, e.g. 3G).
# The test URL is then mysql://boxtribute:boxtribute@127.0.0.1:3306/boxtribute.
set -euo pipefail
dir="${MARIADB_DIR:-/tmp/boxtribute-mariadb}"
port="${MARIADB_PORT:-3306}"
user="${MARIADB_USER:-boxtribute}"
password="${MARIADB_PASSWORD:-boxtribute}"
buffer_pool="${MARIADB_BUFFER_POOL:-256M}"
socket="$dir/mariadb.sock"
# mariadbd refuses to run as root unless told to; Debian's package creates the `mysql` user.
run_as=$(id -un)
if [ "$run_as" = root ] && id mysql >/dev/null 2>&1; then run_as=mysql; fi

client() { mariadb --protocol=socket --socket="$socket" -uroot "$@"; }

case "${1:-}" in
start)
    if [ -S "$socket" ] && client -e 'SELECT 1' >/dev/null 2>&1; then
        echo "MariaDB already running on 127.0.0.1:$port"
        exit 0
    fi
    fresh=0
    if [ ! -d "$dir/data/mysql" ]; then
        mkdir -p "$dir/data"
        chown -R "$run_as" "$dir"
        mariadb-install-db --user="$run_as" --datadir="$dir/data" --auth-root-authentication-method=socket \
            --skip-test-db >"$dir/install.log" 2>&1
        fresh=1
    fi
    chown -R "$run_as" "$dir"
    # The test suites start all their tests at once, each with its own database and pool (and
    # the server tests a whole app's pool): 500 connections are not enough for them.
    mariadbd --no-defaults --user="$run_as" --datadir="$dir/data" --socket="$socket" --port="$port" \
        --bind-address=127.0.0.1 --pid-file="$dir/mariadb.pid" --log-error="$dir/error.log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --innodb-buffer-pool-size="$buffer_pool" --innodb-flush-log-at-trx-commit=2 --max-connections=2000 \
        >>"$dir/error.log" 2>&1 &
    for _ in $(seq 1 60); do
        if client -e 'SELECT 1' >/dev/null 2>&1; then break; fi
        sleep 0.5
    done
    client -e 'SELECT 1' >/dev/null || { cat "$dir/error.log"; exit 1; }
    if [ "$fresh" = 1 ]; then
        client -e "CREATE USER '$user'@'127.0.0.1' IDENTIFIED BY '$password';
            CREATE USER '$user'@'localhost' IDENTIFIED BY '$password';
            GRANT ALL PRIVILEGES ON *.* TO '$user'@'127.0.0.1';
            GRANT ALL PRIVILEGES ON *.* TO '$user'@'localhost';
            CREATE DATABASE boxtribute CHARACTER SET utf8mb4;"
    fi
    echo "MariaDB running on 127.0.0.1:$port (data in $dir)"
    ;;
stop)
    if [ -f "$dir/mariadb.pid" ]; then
        pid=$(cat "$dir/mariadb.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
    fi
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
