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
bin="$(swift build --show-bin-path)/ManagementFuzzServer"
[ -x "$bin" ] || swift build --product ManagementFuzzServer

work=$(mktemp -d)
server_pid=""
stop() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT

"$bin" "$work/sdk.sqlite" > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 300); do
  [ -s "$work/server.out" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:"; cat "$work/server.err"; exit 1; }
  sleep 0.2
done
[ -s "$work/server.out" ] || { echo "the server did not report its port"; cat "$work/server.err"; exit 1; }
port=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["port"])' "$work/server.out")
token=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"])' "$work/server.out")

status=0
python3 Tests/Auth0SDK/test_management.py "http://127.0.0.1:$port" "$token" || status=$?

if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "the server died during the run:"; cat "$work/server.err"; exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "the SDK suite failed (exit $status); server log:"; tail -50 "$work/server.err"
fi
exit "$status"
