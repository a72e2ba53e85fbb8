#!/usr/bin/env bash
# npm test — everything CI runs: the lockfile's completeness, lint, typecheck, unit, integration on PGlite
# and on real Postgres, unit and PGlite integration again with the clock 400 days ahead, a production build
# and the browser tests.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
# Integration tests make a fresh database on this server for the Postgres pass.
postgres_url="${TENFOLD_TEST_POSTGRES_URL:-postgres://root@127.0.0.1:5432/test}"

step() { printf '\n==> %s\n' "$*"; }

step "lockfile: an install would not change package-lock.json"
# npm ci refuses a lockfile out of step with package.json, but not one that lacks a package the registry
# serves today (an optional platform package, say): resolve afresh in a scratch folder and compare.
lock_check=$(mktemp -d)
cp package.json package-lock.json "$lock_check/"
[ -f .npmrc ] && cp .npmrc "$lock_check/"
(cd "$lock_check" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund >/dev/null)
if ! diff -q package-lock.json "$lock_check/package-lock.json" >/dev/null; then
  echo "package-lock.json is incomplete: 'npm install' would change it. Run npm install and commit the lockfile." >&2
  diff package-lock.json "$lock_check/package-lock.json" | head -40 >&2
  exit 1
fi
rm -rf "$lock_check"

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
step "unit and PGlite integration tests with the clock 400 days ahead"
# CI runs days after a change is written: no test may depend on today's date. Debian's faketime moves the
# wall clock (Date, the embedded database's now()) and leaves the monotonic clock alone, which timers need.
if ! command -v faketime >/dev/null; then
  echo "faketime is missing: apt-get install -y faketime" >&2
  exit 1
fi
ahead() { FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f '+400d' "$@"; }
ahead npx vitest run --project unit
ahead env -u DATABASE_URL npx vitest run --project integration
step "production build"
npx next build
step "browser tests"
npx playwright test
