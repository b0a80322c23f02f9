#!/usr/bin/env bash
# Benchmark (never run in CI): median wall time of `create-authhero update` on a generated
# multi-tenant control-plane project, (a) when nothing changed, and (b) when the user edited every
# managed file and an answer changed (so files that use it are merged three ways, the rest kept).
#
#   Benchmarks/update.sh              # RUNS=21, CONFIG=release by default
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-21}
config=${CONFIG:-release}

swift build -c "$config" --product create-authhero >/dev/null
bin="$(swift build -c "$config" --show-bin-path)/create-authhero"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

"$bin" "$work/reference" --template multi-tenant-control-plane --yes --no-interactive >/dev/null
managed=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["files"]))' "$work/reference/.create-authhero/pristine.json")
unchanged=()
edited=()
for i in $(seq "$runs"); do
  cp -r "$work/reference" "$work/u$i"
  t0=$(now)
  "$bin" update "$work/u$i" --no-interactive >/dev/null
  t1=$(now)
  unchanged+=($((t1 - t0)))

  cp -r "$work/reference" "$work/e$i"
  python3 - "$work/e$i" <<'PY'
import json, os, sys
root = sys.argv[1]
for path in json.load(open(os.path.join(root, ".create-authhero/pristine.json")))["files"]:
    with open(os.path.join(root, path), "a") as f:
        f.write("\n# local edit\n")
PY
  t0=$(now)
  "$bin" update "$work/e$i" --set port=4100 --no-interactive >/dev/null || true
  t1=$(now)
  edited+=($((t1 - t0)))
  rm -rf "$work/u$i" "$work/e$i"
done
u=$(printf '%s\n' "${unchanged[@]}" | median)
e=$(printf '%s\n' "${edited[@]}" | median)
echo "create-authhero $("$bin" --version), $config build, median of $runs runs, $managed managed files"
awk -v u="$u" -v e="$e" 'BEGIN { printf "update, nothing changed:          %8.2f ms\nupdate, every managed file edited: %8.2f ms\n", u / 1e6, e / 1e6 }'
