#!/usr/bin/env bash
# Runs COMMAND against a throwaway PostgreSQL cluster: initdb in a temporary folder as the `postgres` user (the
# server refuses to run as root), a free loopback port, password authentication only, and two login roles:
#   authhero_owner   owns the database and its tables, may create databases (tests make one each); `migrate` runs as it
#   authhero_server  neither superuser nor owner, so row-level security applies to it; `serve` runs as it
# With the schema-per-tenant layout the server role creates (and so owns) tenants' schemas while provisioning, and the
# owner, a member of the server role, migrates them.
# COMMAND sees POSTGRES_URL (the owner) and POSTGRES_SERVER_URL (the server role), both for database `authhero`.
# The cluster is stopped and its folder removed when COMMAND ends, also when it fails or is interrupted.
#
# Usage: Scripts/with-postgres.sh COMMAND [ARGS...]
#   e.g. Scripts/with-postgres.sh swift test --skip-build --filter StorageContract
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

bindir=""
for candidate in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir=$candidate; fi
done
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found: apt-get install postgresql" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cluster=$(mktemp -d /tmp/authhero-pg.XXXXXX)
chmod 755 "$cluster"
[ "$(id -u)" = 0 ] && chown postgres: "$cluster"
data="$cluster/data"

stop_cluster() {
  local status=$?
  # A failed COMMAND's server-side errors, which postgres-nio does not put into its error descriptions.
  if [ "$status" != 0 ] && [ -f "$cluster/server.log" ]; then
    echo "-- PostgreSQL errors (server log):" >&2
    grep -E "ERROR|FATAL|PANIC" "$cluster/server.log" | grep -v "terminating connection due to administrator command" \
      | tail -n 20 >&2 || true
  fi
  if [ -f "$data/postmaster.pid" ]; then
    as_postgres "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$cluster"
  exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
owner_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
server_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')

as_postgres "$bindir/initdb" -D "$data" -U postgres --auth=scram-sha-256 --auth-local=trust \
  --encoding=UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1 \
  || { cat "$cluster/initdb.log" >&2; exit 1; }
# Loopback only, the socket in the cluster's own folder; fsync off because nothing here must survive a crash.
as_postgres "$bindir/pg_ctl" -D "$data" -l "$cluster/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c fsync=off -c max_connections=200" \
  start >/dev/null || { cat "$cluster/server.log" >&2; exit 1; }

as_postgres psql -q -h "$cluster" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE authhero_owner LOGIN CREATEDB PASSWORD '$owner_password';
CREATE ROLE authhero_server LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '$server_password';
GRANT authhero_server TO authhero_owner;
CREATE DATABASE authhero OWNER authhero_owner;
SQL

export POSTGRES_URL="postgres://authhero_owner:$owner_password@127.0.0.1:$port/authhero?sslmode=disable"
export POSTGRES_SERVER_URL="postgres://authhero_server:$server_password@127.0.0.1:$port/authhero?sslmode=disable"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway cluster)"
"$@"
