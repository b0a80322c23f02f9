#!/bin/sh
# Builds and starts {{name}} on a development machine (ENVIRONMENT=development unless already set).
set -eu
cd "$(dirname "$0")/.."
ENVIRONMENT="${ENVIRONMENT:-development}" exec swift run {{module_name}} serve "$@"
