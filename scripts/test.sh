#!/usr/bin/env bash
# The one command that tests iso from a fresh Debian 12 machine: sets the machine up (engine,
# toolchain, base images), publishes the static binary and runs every unit and integration test
# against the real engine. Extra arguments go to 'dotnet test' (for example --filter NAME).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export ISO_BINARY
ISO_BINARY=$(scripts/publish.sh)

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test tests/Iso.Tests/Iso.Tests.csproj -c Release --nologo \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" \
  --results-directory "$results" "$@" || status=$?

# One plain closing line with the counts, read from the test results file.
trx=$(find "$results" -name '*.trx' | head -n 1)
if [[ -n "$trx" ]]; then
  passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -n 1 | tr -dc '0-9')
  failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -n 1 | tr -dc '0-9')
  echo "tests: ${passed:-0} passed, ${failed:-0} failed"
fi
exit "$status"
