#!/usr/bin/env bash
# Fuzzes the Management API from its own OpenAPI document: boots `ManagementFuzzServer` (a seeded control plane on
# 127.0.0.1, free port, SQLite file in a temporary folder), then runs schemathesis against /api/v2/spec with a
# management token holding every scope. Fails (non-zero) on any 5xx, any response that does not match its schema,
# any operation that answers without (or with a broken) bearer token (`ignored_auth`), any network error, or a
# server that died during the run.
# One worker: hypothesis's shared caches have raced under two (an internal error, not a finding), and the run stays
# well under two minutes.
# Revoking a signing key is left out: schemathesis reuses the kids that rotation returns and would revoke the key
# that signed its own token, after which every request is a correct 401. SigningKeyRoutesTests covers revocation.
#
# A stateful run comes last: schemathesis infers links between operations from the document (ids in
# responses that name path parameters of others), so operations get real objects (a role it created, then its
# permissions, then its deletion) rather than only 404s for random ids: the document's links (from each creating
# operation to the operations on what it created) lead it there. It runs for a time budget.
#
# A first run holds the hardening rules as negative cases: the attacker is the customer tenant's administrator (the
# server's second token, at the tenant's own host), and Tests/ManagementFuzz/security_rules.py steers the requests
# that hand out power (role permissions, user and member roles, client grants) towards real objects and permissions
# the attacker lacks, and checks that every such request is refused with 403 insufficient_scope naming them and
# leaves nothing changed, and that no operation succeeds without its scope. Deleting clients and the tenant is left out
# of that run: the attacker may do both in its own tenant, and would end its own token (then every answer is a
# correct 401).
#
# Usage: Scripts/management-api-fuzz.sh [schemathesis options, e.g. --include-tag Roles]
#   (after `swift build --build-tests`, or it builds the server)
#   FUZZ_EXAMPLES=n   cases per operation in the fuzzing phase (default 15)
#   FUZZ_SEED=n       a fixed seed to reproduce a run (default: random, printed by schemathesis)
#   FUZZ_STATEFUL_SECONDS=n   the stateful run's time budget (default 120; 0 skips it)
#   FUZZ_ATTACKER_EXAMPLES=n  cases per operation in the negative-case run (default 10; 0 skips it)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v schemathesis >/dev/null 2>&1 || { echo "schemathesis is missing: pip install schemathesis"; exit 1; }
. Scripts/lib/management-fuzz-server.sh
start_management_fuzz_server

seed=()
[ -n "${FUZZ_SEED:-}" ] && seed=(--seed "$FUZZ_SEED")
status=0
# Run from the temporary folder: schemathesis keeps its cache (.schemathesis/) in the working directory.
checks=not_a_server_error,response_schema_conformance,ignored_auth
bearer=$token
fuzz() {
  (cd "$work" && schemathesis --no-color run "http://127.0.0.1:$port/api/v2/spec" \
    --header "Authorization: Bearer $bearer" \
    --checks "$checks" \
    --workers 1 \
    --request-timeout 20 \
    --generation-database none \
    --suppress-health-check all \
    --output-sanitize false \
    --generation-with-security-parameters false \
    --exclude-operation-id revokeSigningKey \
    "${seed[@]}" "$@")
}
# The negative cases run first, while the customer tenant they attack is as seeded: the platform-staff runs after them
# may delete it.
attacker_examples=${FUZZ_ATTACKER_EXAMPLES:-10}
if [ "$attacker_examples" -gt 0 ]; then
  echo "== negative cases: the customer tenant's administrator ($tenant_host) against the hardening rules"
  bearer=$tenant_token
  checks=not_a_server_error,response_schema_conformance,scope_enforced,NoEscalation
  FUZZ_BASE_URL="http://127.0.0.1:$port" FUZZ_STAFF_TOKEN="$token" FUZZ_TENANT_ID="$tenant_id" \
    FUZZ_TENANT_SCOPES="$tenant_scopes" PYTHONPATH="$(pwd)/Tests/ManagementFuzz" SCHEMATHESIS_HOOKS=security_rules \
    fuzz --header "Host: $tenant_host" --phases examples,coverage,fuzzing --max-examples "$attacker_examples" \
    --exclude-operation-id deleteClient --exclude-operation-id deleteTenant "$@" \
    || status=$?
  bearer=$token
  checks=not_a_server_error,response_schema_conformance,ignored_auth
fi
if [ "$status" -eq 0 ]; then
  fuzz --phases examples,coverage,fuzzing --max-examples "${FUZZ_EXAMPLES:-15}" "$@" || status=$?
fi
stateful_seconds=${FUZZ_STATEFUL_SECONDS:-120}
if [ "$status" -eq 0 ] && [ "$stateful_seconds" -gt 0 ]; then
  fuzz --phases stateful --max-time "$stateful_seconds" "$@" || status=$?
fi

check_management_fuzz_server_alive
if [ "$status" -ne 0 ]; then
  echo "schemathesis found failures (exit $status); server log:"; tail -50 "$work/server.err"
fi
exit "$status"
