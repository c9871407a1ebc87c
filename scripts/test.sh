#!/usr/bin/env bash
# The whole test suite, with its one-time set-up (the DuckDB interop reader and the Azurite blob emulator from npm). Usage: scripts/test.sh [dotnet test args]
# Tests that need the third-party fixtures ($CURATE_SHARED_DATA, else ../shared/data next to the checkout) are skipped when
# the fixtures are absent (scripts/fetch-test-data.sh downloads them); the end of the output counts the skipped tests by reason.
# CURATE_REQUIRE_FIXTURES=1 turns an absent fixture root into failures, CURATE_REQUIRE_SLURM=1 an absent Slurm (.ci/run sets both).
set -euo pipefail
cd "$(dirname "$0")/.."
# The TorchSharp native library is patched at build time (Debian 12's libstdc++ is too old for it); that needs patchelf, g++
# and python3 (tools/patch-libtorchsharp.sh), and without the patch the training tests fail.
missing=""
for tool in patchelf g++ python3; do
  command -v "$tool" >/dev/null || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "scripts/test.sh:$missing required for the training tests: sudo apt-get install -y$missing" >&2
    exit 1
  fi
fi
# The report test renders HTML in Debian's headless Chromium; without it that test skips with its reason.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
# The Slurm tests start a single-node Slurm of their own (munged, slurmctld, slurmd; stopped afterwards) from Debian's packages;
# without them, or without root, those tests skip with their reason.
if { [ ! -x /usr/sbin/slurmctld ] || [ ! -x /usr/sbin/slurmd ] || [ ! -x /usr/bin/sbatch ] || [ ! -x /usr/sbin/munged ]; } \
    && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi
# The DuckDB interop reader (the Parquet interop test) and the Azure Blob emulator (Azurite, pinned; the az:// storage tests
# start and stop it themselves) come from npm.
if ! command -v npm >/dev/null; then
  echo "scripts/test.sh: Node.js and npm are required (the DuckDB interop reader and Azurite are npm packages): install Node.js 20+ with npm" >&2
  exit 1
fi
if [ ! -d tests/interop/node_modules/@duckdb/node-api ]; then
  npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error
fi
if [ ! -f tests/azurite/node_modules/azurite/package.json ]; then
  npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error
fi

if [ -n "${CURATE_SHARED_DATA:-}" ]; then
  echo "scripts/test.sh: fixtures from CURATE_SHARED_DATA=$CURATE_SHARED_DATA"
elif [ -d ../shared/data ]; then
  echo "scripts/test.sh: fixtures from $(cd ../shared/data && pwd)"
else
  echo "scripts/test.sh: no fixtures (CURATE_SHARED_DATA unset, no ../shared/data): the tests that need them will be skipped"
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test CurationPipeline.sln -c Release "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform prints each skipped test as "skipped NAME" followed by its indented reason.
skipped="$(grep -c '^skipped ' "$log" || true)"
echo
echo "scripts/test.sh: $skipped test(s) skipped$([ "$skipped" -gt 0 ] && echo ', by reason:')"
awk '/^skipped / { reason = "(no reason given)"; if ((getline line) > 0) { sub(/^[ \t]+/, "", line); if (line !~ /^from /) reason = line } n[reason]++ }
     END { for (r in n) printf "  %5d  %s\n", n[r], r }' "$log" | sort -rn
exit "$rc"
