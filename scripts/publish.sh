#!/usr/bin/env bash
# Publishes iso as one static NativeAOT executable at artifacts/bin/iso.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Iso/Iso.csproj -c Release -r linux-x64 -o artifacts/bin --nologo -v quiet \
  -p:TreatWarningsAsErrors=true >&2
echo "$(pwd)/artifacts/bin/iso"
