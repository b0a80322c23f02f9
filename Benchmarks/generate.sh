#!/usr/bin/env bash
# Benchmark (never run in CI): median wall time of a release `create-authhero` generating each
# template, and its ratio to `cp -r` of the same generated tree, both measured in the same run.
#
#   Benchmarks/generate.sh            # RUNS=21 by default
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-21}

swift build -c release --product create-authhero >/dev/null
bin="$(swift build -c release --show-bin-path)/create-authhero"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

templates=$("$bin" list --json | python3 -c 'import json, sys; print(" ".join(t["id"] for t in json.load(sys.stdin)))')
echo "create-authhero $("$bin" --version), release build, median of $runs runs"
for template in $templates; do
  "$bin" "$work/reference" --template "$template" --yes --no-interactive >/dev/null
  files=$(find "$work/reference" -type f | wc -l)
  generate=()
  copy=()
  for i in $(seq "$runs"); do
    t0=$(now)
    "$bin" "$work/g$i" --template "$template" --yes --no-interactive >/dev/null
    t1=$(now)
    cp -r "$work/reference" "$work/c$i"
    t2=$(now)
    generate+=($((t1 - t0)))
    copy+=($((t2 - t1)))
    rm -rf "$work/g$i" "$work/c$i"
  done
  g=$(printf '%s\n' "${generate[@]}" | median)
  c=$(printf '%s\n' "${copy[@]}" | median)
  awk -v t="$template" -v g="$g" -v c="$c" -v f="$files" \
    'BEGIN { printf "%-28s %3d files  generate %8.2f ms  cp -r %6.2f ms  ratio %6.1fx\n", t, f, g / 1e6, c / 1e6, g / c }'
  rm -rf "$work/reference"
done
