#!/usr/bin/env bash
# The whole test suite, with its one-time set-up (the DuckDB interop reader from npm). Usage: scripts/test.sh [dotnet test args]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d tests/interop/node_modules/@duckdb/node-api ]; then
  npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error
fi
dotnet test CurationPipeline.sln -c Release "$@"
