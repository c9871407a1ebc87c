#!/usr/bin/env bash
# The whole test suite, with its one-time set-up (the DuckDB interop reader from npm). Usage: scripts/test.sh [dotnet test args]
set -euo pipefail
cd "$(dirname "$0")/.."
# The TorchSharp native library is patched at build time (Debian 12's libstdc++ is too old for it); that needs patchelf.
if ! command -v patchelf >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends patchelf >/dev/null
  else
    echo "scripts/test.sh: patchelf is required for the training tests: sudo apt-get install -y patchelf" >&2
    exit 1
  fi
fi
# The report test renders HTML in Debian's headless Chromium; without it that test skips with its reason.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
if [ ! -d tests/interop/node_modules/@duckdb/node-api ]; then
  npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error
fi
dotnet test CurationPipeline.sln -c Release "$@"
