#!/usr/bin/env bash
# The benchmark suite: every stage beside its peer, measured in this one invocation on the same input, as one table.
# Usage: scripts/bench.sh [tokenize] [warc-read] [extract] [extract-wcxb] [train-step] [--quick]   (--quick: fewer passes and smaller inputs, < 3 minutes)
# Installs the peers on first use: bench/peers (npm tiktoken, warcio, @mozilla/readability, jsdom; pinned in package-lock.json)
# and, as root on Debian, python3-readability (readability-lxml; without it that row is skipped with a note). Reads the
# third-party fixtures ($CURATE_SHARED_DATA, else ../shared/data; scripts/fetch-test-data.sh downloads them).
set -euo pipefail
cd "$(dirname "$0")/.."
for package in tiktoken warcio @mozilla/readability jsdom; do
  if [ ! -d "bench/peers/node_modules/$package" ]; then
    npm ci --prefix bench/peers --no-audit --no-fund --loglevel=error
    break
  fi
done
if ! /usr/bin/python3 -c 'import readability, lxml.html' 2>/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-readability >/dev/null
fi
# PyTorch eager, the training-step peer (167 Debian packages): installed for a full run only; --quick skips that row without it.
if [[ " $* " != *" --quick "* ]] && ! /usr/bin/python3 -c 'import torch' 2>/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
fi
dotnet build -c Release src/CurationPipeline.Cli >/dev/null   # train-step times `curate train --benchmark`
dotnet run -c Release --project bench/CurationPipeline.Benchmarks -- suite "$@"
