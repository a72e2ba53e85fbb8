#!/usr/bin/env bash
# Serves the production build for Playwright on a fresh embedded database that is thrown away afterwards.
set -euo pipefail
port="${1:-3100}"
data_dir="$(mktemp -d -t tenfold-e2e-XXXXXX)"
trap 'rm -rf "$data_dir"' EXIT
unset DATABASE_URL
export TENFOLD_DATA_DIR="$data_dir" PORT="$port" NEXT_TELEMETRY_DISABLED=1
exec npx tsx scripts/start.ts
