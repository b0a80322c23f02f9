#!/bin/sh
# Starts {{name}} with the settings in .env.
set -eu
cd "$(dirname "$0")/.."
set -a
. ./.env
set +a
exec swift run {{module_name}}
