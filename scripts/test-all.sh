#!/usr/bin/env bash
# npm test — everything CI runs: lint, typecheck, unit, integration on PGlite and on real Postgres,
# a production build and the browser tests.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
# Integration tests make a fresh database on this server for the Postgres pass.
postgres_url="${TENFOLD_TEST_POSTGRES_URL:-postgres://root@127.0.0.1:5432/test}"

step() { printf '\n==> %s\n' "$*"; }

step "lint"
npm run --silent lint
step "typecheck"
npx next typegen >/dev/null
npm run --silent typecheck
step "unit tests"
npx vitest run --project unit
step "integration tests on embedded PGlite"
env -u DATABASE_URL npx vitest run --project integration
step "integration tests on Postgres"
DATABASE_URL="$postgres_url" npx vitest run --project integration
step "production build"
npx next build
step "browser tests"
npx playwright test
