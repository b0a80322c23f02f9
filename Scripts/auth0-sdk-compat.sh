#!/usr/bin/env bash
# Auth0 compatibility on Auth0's own SDK: boots `ManagementFuzzServer` (a seeded control plane with a customer tenant
# on 127.0.0.1, free port, SQLite file in a temporary folder), then runs Tests/Auth0SDK/test_management.py, which
# calls every Management API operation the server implements through auth0-python 6.x (whose models validate every
# response) and gets tokens through its authentication API. Fails (non-zero) on any check that fails, or a server that
# died during the run.
#
# Usage: Scripts/auth0-sdk-compat.sh   (after `swift build --build-tests`, or it builds the server)
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c 'import auth0.management, sys; sys.exit(0)' 2>/dev/null \
  || { echo "auth0-python is missing: python3 -m pip install 'auth0-python>=6,<7'"; exit 1; }
. Scripts/lib/management-fuzz-server.sh
start_management_fuzz_server

status=0
python3 Tests/Auth0SDK/test_management.py "http://127.0.0.1:$port" "$token" || status=$?

check_management_fuzz_server_alive
if [ "$status" -ne 0 ]; then
  echo "the SDK suite failed (exit $status); server log:"; tail -50 "$work/server.err"
fi
exit "$status"
