#!/usr/bin/env bash
# The benchmark suite: every stage beside its peer, measured in this one invocation on the same input, as one table.
# Usage: scripts/bench.sh [tokenize] [warc-read] [--quick]     (--quick: fewer passes and a smaller corpus, < 3 minutes)
# Installs the peers (bench/peers: npm tiktoken, warcio, pinned in package-lock.json) on first use; reads the third-party
# fixtures ($CURATE_SHARED_DATA, else ../shared/data; scripts/fetch-test-data.sh downloads them).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d bench/peers/node_modules/tiktoken ] || [ ! -d bench/peers/node_modules/warcio ]; then
  npm ci --prefix bench/peers --no-audit --no-fund --loglevel=error
fi
dotnet run -c Release --project bench/CurationPipeline.Benchmarks -- suite "$@"
