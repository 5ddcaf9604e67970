#!/usr/bin/env bash
# The one command that tests iso from a fresh Debian 12 machine: sets the machine up (engine,
# toolchain, base images), publishes the static binary and runs every unit and integration test
# against the real engine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export ISO_BINARY
ISO_BINARY=$(scripts/publish.sh)
dotnet test tests/Iso.Tests/Iso.Tests.csproj -c Release --nologo \
  --logger "console;verbosity=normal" "$@"
