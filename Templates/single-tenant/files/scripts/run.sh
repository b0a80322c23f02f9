#!/bin/sh
# Builds and starts {{name}}.
set -eu
cd "$(dirname "$0")/.."
exec swift run {{module_name}} serve "$@"
