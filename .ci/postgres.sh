#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the CheckoutWorkflowsPostgres tests and benchmarks.
#   .ci/postgres.sh start   initdb into a temporary folder, start on a free 127.0.0.1 port, create the
#                           database, and print `export CHECKOUT_POSTGRES_URL=…` (use: eval "$(.ci/postgres.sh start)")
#   .ci/postgres.sh stop    stop that cluster and remove its folder
# The folder is $CHECKOUT_POSTGRES_DIR, by default one per checkout under /tmp. As root, the server runs as the
# system user `postgres` (created when missing), since initdb refuses root. Installs Debian's postgresql
# package when initdb and pg_ctl are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${CHECKOUT_POSTGRES_DIR:-/tmp/checkout-postgres-$(pwd | cksum | cut -d' ' -f1)}"

find_bin() {
    local candidate
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && bin="$candidate"
    done
    if [ -z "${bin:-}" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        bin="$(dirname "$(command -v initdb)")"
    fi
    [ -n "${bin:-}" ]
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    if ! find_bin; then
        echo "Installing postgresql" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        find_bin || { echo "postgres.sh: initdb and pg_ctl not found after installing postgresql" >&2; exit 1; }
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi
    if [ -f "$dir/url" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        echo "export CHECKOUT_POSTGRES_URL='$(cat "$dir/url")'"
        return
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    local port
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=200" \
        >&2 || { cat "$dir/server.log" >&2; exit 1; }
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres checkout >&2
    echo "postgres://postgres@127.0.0.1:$port/checkout?sslmode=disable" >"$dir/url"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir" >&2
    echo "export CHECKOUT_POSTGRES_URL='$(cat "$dir/url")'"
}

stop() {
    if [ -d "$dir/data" ] && find_bin; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 64 ;;
esac
