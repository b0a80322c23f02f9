#!/bin/sh
# Starts {{name}} (the app reads .env itself).
set -eu
cd "$(dirname "$0")/.."
exec swift run {{module_name}} serve "$@"
