#!/usr/bin/env bash
# Builds the project of every golden preset (Tests/Golden/<template>/<preset>.preset.json) and runs the tests of those
# whose code differs from the default project's, all with one shared SwiftPM scratch path.
#
#   Scripts/golden-presets.sh GENERATOR SCRATCH PROJECT [SKIP ...]
#
# Every preset is generated, one after the other, into the same folder PROJECT: a file whose bytes did not change
# keeps its modification time, so the vendored runtime (identical in every preset of every template) compiles once and
# only what a preset changes is rebuilt. SKIP names presets (`template/preset`) that the caller has built and tested
# already.
set -euo pipefail
generator=$1 scratch=$2 project=$3
shift 3
skip=" $* "
repo=$(cd "$(dirname "$0")/.." && pwd)

# Presets whose generated Swift differs from the default project's beyond settings: their own tests run. The others
# (other names, ports, storage layouts, a Dockerfile) are built, tests included, and not run again.
tested=" multi-tenant-control-plane/no-backend-sample "

# sync SOURCE DEST: makes DEST hold exactly SOURCE's files, rewriting only files whose bytes differ.
sync_tree() { python3 "$repo/Scripts/sync-tree.py" "$1" "$2"; }

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
for preset_file in "$repo"/Tests/Golden/*/*.preset.json; do
  template=$(basename "$(dirname "$preset_file")")
  preset=$(basename "$preset_file" .preset.json)
  id="$template/$preset"
  case "$skip" in *" $id "*) echo "-- $id: done by the caller"; continue ;; esac
  started=$(date +%s)
  # The preset's name, answers as --set arguments, and secrets as CREATE_AUTHHERO_<NAME> variables, one per line.
  mapfile -t spec < <(python3 - "$preset_file" <<'PY'
import json, sys
preset = json.load(open(sys.argv[1]))
print(preset["name"])
for key, value in preset.get("answers", {}).items():
    print("--set=%s=%s" % (key, str(value).lower() if isinstance(value, bool) else value))
for key, value in preset.get("secrets", {}).items():
    print("env:CREATE_AUTHHERO_%s=%s" % (key.upper(), value))
PY
  )
  name=${spec[0]}
  args=()
  secrets=()
  for line in "${spec[@]:1}"; do
    case "$line" in env:*) secrets+=("${line#env:}") ;; *) args+=("$line") ;; esac
  done
  rm -rf "${staging:?}/$name"
  env ${secrets[@]+"${secrets[@]}"} "$generator" "$staging/$name" --template "$template" --yes ${args[@]+"${args[@]}"} \
    > "$staging/generate.log" || { cat "$staging/generate.log"; exit 1; }
  mkdir -p "$project"
  sync_tree "$staging/$name" "$project"
  (cd "$project" && swift build --build-tests --scratch-path "$scratch")
  case "$tested" in
    *" $id "*) (cd "$project" && swift test --skip-build --scratch-path "$scratch") ;;
  esac
  echo "-- $id: built$(case "$tested" in *" $id "*) echo " and tested" ;; esac) in $(($(date +%s) - started)) s"
done
