#!/usr/bin/env bash
# The control-plane template's PostgreSQL flavour end to end, inside Scripts/with-postgres.sh (POSTGRES_URL is the
# tables' owner, POSTGRES_SERVER_URL the server's role): generated with `--set database=postgres` into PROJECT (the
# folder the other generated projects build in, so that only what differs is rebuilt) and built with SCRATCH; its
# tests on both layouts, required to reach PostgreSQL; then `migrate` (which seeds), `serve`, discovery and a
# client-credentials token. No line printed by the generated commands may hold a password.
#
#   Scripts/with-postgres.sh Scripts/postgres-project.sh GENERATOR SCRATCH PROJECT
set -euo pipefail
generator=$1 scratch=$2 project=$3
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${POSTGRES_URL:?run inside Scripts/with-postgres.sh}" "${POSTGRES_SERVER_URL:?run inside Scripts/with-postgres.sh}"

staging=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$staging"
}
trap cleanup EXIT

"$generator" "$staging/pg-auth" --name pg-auth --template multi-tenant-control-plane --yes --set database=postgres \
  > "$staging/generate.log" || { cat "$staging/generate.log"; exit 1; }
[ -f "$staging/pg-auth/AuthHeroPostgres/Package.swift" ] || { echo "AuthHeroPostgres/ was not vendored"; exit 1; }
[ ! -e "$staging/pg-auth/data/control-plane.sqlite" ] || { echo "a PostgreSQL project got a seeded SQLite file"; exit 1; }
python3 "$repo/Scripts/sync-tree.py" "$staging/pg-auth" "$project"
cd "$project"
swift build --build-tests --scratch-path "$scratch"
grep -q '"postgres-nio"\|postgres-nio' Package.resolved || { echo "Package.resolved lists no postgres-nio"; exit 1; }

# The tests connect as the server's role, each in a fresh schema the owner migrates; they fail without PostgreSQL.
export TEST_DATABASE_URL=$POSTGRES_SERVER_URL TEST_MIGRATE_DATABASE_URL=$POSTGRES_URL AUTHHERO_REQUIRE_POSTGRES=1
STORAGE=shared swift test --skip-build --scratch-path "$scratch"
STORAGE=schema-per-tenant swift test --skip-build --scratch-path "$scratch"

set -a; . ./.env; set +a
export DATABASE_URL=$POSTGRES_SERVER_URL MIGRATE_DATABASE_URL=$POSTGRES_URL STORAGE=schema-per-tenant
bin=$(swift build --show-bin-path --scratch-path "$scratch")
"$bin/PgAuth" migrate > "$staging/migrate.log" 2>&1 || { cat "$staging/migrate.log"; exit 1; }
cat "$staging/migrate.log"
BACKEND_SAMPLE_CLIENT_ID=$(sed -n 's/^ *BACKEND_SAMPLE_CLIENT_ID=//p' "$staging/migrate.log")
BACKEND_SAMPLE_CLIENT_SECRET=$(sed -n 's/^ *BACKEND_SAMPLE_CLIENT_SECRET=\([^ ]*\).*/\1/p' "$staging/migrate.log")
[ -n "$BACKEND_SAMPLE_CLIENT_SECRET" ] || { echo "the first migrate did not seed the control plane"; exit 1; }
[ -f data/admin-password.txt ] || { echo "the seed wrote no generated administrator password"; exit 1; }
# A second migrate is idempotent and seeds nothing again.
"$bin/PgAuth" migrate > "$staging/migrate-again.log" 2>&1 || { cat "$staging/migrate-again.log"; exit 1; }
! grep -q "BACKEND_SAMPLE_CLIENT_SECRET" "$staging/migrate-again.log" || { echo "the second migrate seeded again"; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://localhost:$port/"
PORT=$port BASE_URL=$base "$bin/PgAuth" serve > "$staging/server.log" 2>&1 &
server_pid=$!
issuer=""
for _ in $(seq 1 150); do
  issuer=$(curl -fsS -H "Host: localhost:$port" "http://127.0.0.1:$port/.well-known/openid-configuration" 2>/dev/null \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["issuer"])' 2>/dev/null) && break
  sleep 0.2
done
[ "$issuer" = "$base" ] || { echo "discovery did not answer with issuer $base (got '$issuer')"; cat "$staging/server.log"; exit 1; }
curl -fsS -H "Host: localhost:$port" -X POST "http://127.0.0.1:$port/oauth/token" \
  -d grant_type=client_credentials -d "client_id=$BACKEND_SAMPLE_CLIENT_ID" \
  -d "client_secret=$BACKEND_SAMPLE_CLIENT_SECRET" -d audience=urn:authhero:management \
  | python3 -c 'import json, sys; assert json.load(sys.stdin)["token_type"] == "Bearer"' \
  || { echo "no client-credentials token"; cat "$staging/server.log"; exit 1; }
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

# The archive leaves PostgreSQL and comes back: every tenant exported, then imported over itself, and served again.
"$bin/PgAuth" export --all --output "$staging/tenants.json" > "$staging/export.log" 2>&1 \
  || { cat "$staging/export.log"; exit 1; }
"$bin/PgAuth" import "$staging/tenants.json" --replace > "$staging/import.log" 2>&1 \
  || { cat "$staging/import.log"; exit 1; }
grep -q "Imported control-plane" "$staging/import.log" || { cat "$staging/import.log"; exit 1; }

# A layout PostgreSQL does not have stops a command with one line, before it connects.
if STORAGE=database-per-tenant "$bin/PgAuth" migrate > "$staging/wrong.log" 2>&1; then
  echo "STORAGE=database-per-tenant was accepted on PostgreSQL"; exit 1
fi
grep -q "is a SQLite layout" "$staging/wrong.log" || { cat "$staging/wrong.log"; exit 1; }

for secret in $(python3 -c 'import os, urllib.parse as u; print(" ".join(u.urlsplit(os.environ[k]).password for k in ("POSTGRES_URL", "POSTGRES_SERVER_URL")))'); do
  ! grep -q "$secret" "$staging"/*.log || { echo "a PostgreSQL password was printed"; exit 1; }
done
echo "PostgreSQL project: tests on both layouts, migrate seeded once, serve answered discovery and a client-credentials token on port $port"
