#!/usr/bin/env bash
# Benchmark (never run in CI): the token endpoint measured from outside the server's process. A release
# `token-benchmark serve` runs the benchmark tenant; `wrk` (Debian's package) drives it from its own process, over
# keep-alive loopback HTTP, and every figure below comes from this one run:
#   - the HTTP floor: a plain Hummingbird route in the same process answering a token-sized JSON body;
#   - discovery; client-credentials tokens with RS256 and ES256;
#   - raw signatures per second with the same algorithms on every core (`token-benchmark raw`);
#   - password logins per second through the whole login flow (login-driver.py), against raw bcrypt verifications;
#   - tokens per second while a sign-up flood hits /u/signup with one login transaction and an existing email
#     (each attempt would cost a bcrypt hash were it not throttled), against the rate without it;
#   - the server's CPU time per request for each wrk run (from /proc), which moves much less with machine noise;
#   - instructions per token request, from callgrind over a fixed number of requests: a figure that does not move
#     with machine noise (SKIP_CALLGRIND=1 leaves it out; it takes a few minutes).
# It prints the ratios the performance goals are stated in.
#
#   Benchmarks/http.sh        # DURATION=10 s per wrk run, CONNECTIONS=8, CALLGRIND_REQUESTS=200
set -euo pipefail
cd "$(dirname "$0")"
command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install wrk"; exit 1; }
duration=${DURATION:-10}
connections=${CONNECTIONS:-8}
callgrind_requests=${CALLGRIND_REQUESTS:-200}

work=$(mktemp -d)
swift build -c release --product token-benchmark > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bin="$(swift build -c release --show-bin-path)/token-benchmark"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

# start_server [COMMAND PREFIX...]: starts `token-benchmark serve` (under the prefix, e.g. valgrind) and reads its
# ready line into $ready.
start_server() {
  "$@" "$bin" serve > "$work/ready.json" 2> "$work/server.err" &
  server_pid=$!
  for _ in $(seq 1 1200); do
    [ -s "$work/ready.json" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err"; exit 1; }
    sleep 0.25
  done
  ready=$(cat "$work/ready.json")
}
field() { python3 -c "import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$ready" "$1"; }

# server_ticks: the server's user + system CPU time so far, in clock ticks (/proc/PID/stat fields 14 and 15).
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

# wrk_rate URL [wrk options...]: "REQUESTS_PER_SECOND SERVER_CPU_MICROSECONDS_PER_REQUEST". The second figure is the
# server's own CPU time over the run divided by the requests answered: it moves far less with machine noise than
# the rate, since wrk and other processes do not count in it. Fails when any answer was not 2xx/3xx unless
# ALLOW_ERRORS=1.
wrk_rate() {
  local url=$1; shift
  local before; before=$(server_ticks)
  local out; out=$(wrk -t1 -c"$connections" -d"${duration}s" "$@" "$url")
  local after; after=$(server_ticks)
  if [ "${ALLOW_ERRORS:-0}" != 1 ] && grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; echo "errors from $url" >&2; exit 1; fi
  local requests; requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  local rate; rate=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  echo "$rate $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))"
}

# post_script FILE BODY [HEADER...]: a wrk Lua script POSTing a form body with the benchmark tenant's Host.
post_script() {
  local file=$1 body=$2; shift 2
  {
    echo 'wrk.method = "POST"'
    echo "wrk.body = \"$body\""
    echo 'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"'
    echo "wrk.headers[\"Host\"] = \"$(field host)\""
    for header in "$@"; do echo "wrk.headers[\"${header%%:*}\"] = \"${header#*: }\""; done
  } > "$file"
}

ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

start_server
port=$(field port)
base="http://127.0.0.1:$port"
host=$(field host)
for algorithm in rs256 es256; do
  post_script "$work/$algorithm.lua" \
    "grant_type=client_credentials&client_id=bench&client_secret=$(field secret)&audience=$(field "$algorithm")"
done

echo "http.sh: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t1 -c$connections -d${duration}s"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ)"
read -r floor floor_cpu < <(wrk_rate "http://127.0.0.1:$(field floor_port)/floor")
read -r discovery discovery_cpu < <(wrk_rate "$base/.well-known/openid-configuration" -H "Host: $host")
read -r rs256 rs256_cpu < <(wrk_rate "$base/oauth/token" -s "$work/rs256.lua")
read -r es256 es256_cpu < <(wrk_rate "$base/oauth/token" -s "$work/es256.lua")
raw=$("$bin" raw --operations 4000)
raw_rs=$(python3 -c "import json, sys; print(json.loads(sys.argv[1])['RS256'])" "$raw")
raw_es=$(python3 -c "import json, sys; print(json.loads(sys.argv[1])['ES256'])" "$raw")
printf '  plain Hummingbird JSON route (floor)  : %8.0f req/s\n' "$floor"
printf '  discovery                             : %8.0f req/s  (%s of floor)\n' "$discovery" "$(ratio "$discovery" "$floor")"
printf '  RS256 client-credentials tokens       : %8.0f req/s  (%s of raw RS256 signing; goal >= 0.8)\n' "$rs256" "$(ratio "$rs256" "$raw_rs")"
printf '  raw RS256 signatures, all cores       : %8.0f /s\n' "$raw_rs"
printf '  ES256 client-credentials tokens       : %8.0f req/s  (%s of floor; goal >= 0.3)\n' "$es256" "$(ratio "$es256" "$floor")"
printf '  raw ES256 signatures, all cores       : %8.0f /s\n' "$raw_es"
echo "  server CPU per request (µs)           : floor $floor_cpu, discovery $discovery_cpu, RS256 token $rs256_cpu, ES256 token $es256_cpu"

# Password logins through the whole flow (authorize, login page, form, code, token), from a driver in its own
# process, against raw bcrypt verifications at the same cost on the same cores. Few workers: a bcrypt verification
# takes a core for a quarter of a second, and more at once would only meet the hash cap's 429.
login=$(python3 "$(pwd)/login-driver.py" "$base" "$host" "$(field callback)" "$(field existing_email)" \
  "$(field password)" --seconds "$((duration * 2))" --workers "$((2 * $(nproc)))")
login_rate=$(python3 -c "import json, sys; print(json.loads(sys.argv[1])['rate'])" "$login")
raw_bcrypt=$(python3 -c "import json, sys; print(json.loads(sys.argv[1])['bcrypt'])" "$raw")
printf '  password logins through /u/login      : %8.1f /s  (%s of raw bcrypt verification; goal >= 0.8; %s)\n' \
  "$login_rate" "$(ratio "$login_rate" "$raw_bcrypt")" "$login"
printf '  raw bcrypt verifications, all cores   : %8.1f /s\n' "$raw_bcrypt"

# A sign-up flood: one login transaction (its CSRF cookie and token), an email that exists, many connections.
flow=$(python3 - "$base" "$host" "$(field callback)" <<'PY'
import http.client, re, sys, urllib.parse
base, host, callback = sys.argv[1:4]
connection = http.client.HTTPConnection(urllib.parse.urlparse(base).netloc)
query = urllib.parse.urlencode({"client_id": "spa", "response_type": "code", "redirect_uri": callback,
    "scope": "openid", "state": "bench", "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    "code_challenge_method": "S256"})
cookies = {}
def get(path):
    connection.request("GET", path, headers={"Host": host, "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    response = connection.getresponse()
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, value = header.split(";")[0].partition("=")
        cookies[name] = value
    return response, response.read().decode()
response, _ = get("/authorize?" + query)
login_path = response.getheader("Location")
_, login = get(login_path)
signup_path = re.search(r'action="([^"]+)"', login).group(1).replace("&amp;", "&").replace("/u/login", "/u/signup")
_, signup = get(signup_path)
action = re.search(r'action="([^"]+)"', signup).group(1).replace("&amp;", "&")
csrf = re.search(r'name="csrf_token" value="([^"]+)"', signup).group(1)
cookies = "; ".join(f"{k}={v}" for k, v in cookies.items())
print(action, csrf, cookies, sep="\n")
PY
)
signup_path=$(sed -n 1p <<<"$flow")
csrf=$(sed -n 2p <<<"$flow")
cookie=$(sed -n 3p <<<"$flow")
post_script "$work/signup.lua" \
  "email=$(field existing_email | sed 's/@/%40/')&password=a+long+password&csrf_token=$csrf" "Cookie: $cookie"
flood_seconds=$((duration + 2))
ALLOW_ERRORS=1 wrk -t1 -c32 -d"${flood_seconds}s" -s "$work/signup.lua" "$base$signup_path" > "$work/flood.txt" &
flood_pid=$!
sleep 1
read -r under_flood _ < <(wrk_rate "$base/oauth/token" -s "$work/rs256.lua")
wait "$flood_pid"
flood_rate=$(awk '/Requests\/sec/ { print $2 }' "$work/flood.txt")
printf '  RS256 tokens during a sign-up flood   : %8.0f req/s  (%s of the rate without it; flood %.0f req/s)\n' \
  "$under_flood" "$(ratio "$under_flood" "$rs256")" "$flood_rate"

stop_server

# callgrind_figure: instructions per token request; run in a subshell so that a valgrind that cannot run this
# binary (seen: valgrind 3.19 crashing inside a Swift 6.3 release build) reports and does not hide the figures above.
callgrind_figure() {
  trap stop_server EXIT
  command -v valgrind >/dev/null 2>&1 || { echo "valgrind is missing: apt-get install valgrind"; exit 1; }
  # Instrumentation starts off and is switched on once the server is ready, so seeding and key generation are not
  # counted; the requests go one after another over one keep-alive connection.
  # valgrind 3.19 cannot read the DWARF 5 debug information Swift 6 writes; the counts need only the symbols.
  strip --strip-debug -o "$work/token-benchmark" "$bin"
  bin="$work/token-benchmark"
  start_server valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/callgrind.out"
  port=$(field port)
  callgrind_control -i on "$server_pid" >/dev/null
  python3 - "$port" "$host" "$callgrind_requests" "$(field secret)" "$(field rs256)" <<'PY'
import http.client, sys, urllib.parse
port, host, count, secret, audience = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=120)
body = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "bench", "client_secret": secret,
    "audience": audience})
for _ in range(count):
    connection.request("POST", "/oauth/token", body=body,
        headers={"Host": host, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    assert response.status == 200, response.status
PY
  callgrind_control -d "$server_pid" >/dev/null
  callgrind_control -i off "$server_pid" >/dev/null
  stop_server
  total=$(cat "$work"/callgrind.out* | awk '/^summary:/ { s += $2 } END { print s }')
  printf '  instructions per RS256 token request  : %8.0f  (callgrind, %d requests, one connection)\n' \
    "$((total / callgrind_requests))" "$callgrind_requests"
}

if [ "${SKIP_CALLGRIND:-0}" != 1 ]; then
  if ! (callgrind_figure); then
    stop_server
    echo "  instructions per RS256 token request  : not measured: valgrind $(valgrind --version 2>/dev/null) failed:"
    grep -E "VALGRIND INTERNAL ERROR|I can't recover|impossible" "$work/server.err" | head -3 | sed 's/^/    /'
  fi
fi
