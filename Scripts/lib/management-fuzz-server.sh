# Sourced by the scripts that drive `ManagementFuzzServer` (a seeded control plane with a customer tenant on
# 127.0.0.1, a free port, its SQLite file in a temporary folder). `start_management_fuzz_server` builds the server if
# needed, starts it, waits for the port and tokens it prints, and sets `work`, `server_pid`, `port`, `token` (platform
# staff) and `tenant_id`, `tenant_host`, `tenant_token`, `tenant_scopes` (the customer tenant's administrator);
# the server is stopped and the folder removed at exit. `check_management_fuzz_server_alive` fails if it died.

start_management_fuzz_server() {
  local bin
  bin="$(swift build --show-bin-path)/ManagementFuzzServer"
  [ -x "$bin" ] || swift build --product ManagementFuzzServer
  work=$(mktemp -d)
  server_pid=""
  trap stop_management_fuzz_server EXIT
  "$bin" "$work/server.sqlite" > "$work/server.out" 2> "$work/server.err" &
  server_pid=$!
  for _ in $(seq 1 300); do
    [ -s "$work/server.out" ] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:"; cat "$work/server.err"; exit 1; }
    sleep 0.2
  done
  [ -s "$work/server.out" ] || { echo "the server did not report its port"; cat "$work/server.err"; exit 1; }
  port=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["port"])' "$work/server.out")
  token=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"])' "$work/server.out")
  # The customer tenant's administrator: its id, host, token and the scopes the token holds.
  read -r tenant_id tenant_host tenant_token tenant_scopes < <(python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["tenant"]
print(t["id"], t["host"], t["token"], " ".join(t["scopes"]))' "$work/server.out")
}

stop_management_fuzz_server() {
  if [ -n "${server_pid:-}" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "${work:?}"
}

check_management_fuzz_server_alive() {
  kill -0 "$server_pid" 2>/dev/null || { echo "the server died during the run:"; cat "$work/server.err"; exit 1; }
}
