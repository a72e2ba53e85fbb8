#!/usr/bin/env bash
# Serves the production build for Playwright on a fresh embedded database that is thrown away afterwards.
set -euo pipefail
port="${1:-3100}"
data_dir="$(mktemp -d -t tenfold-e2e-XXXXXX)"
trap 'rm -rf "$data_dir" "$TENFOLD_DATA_DIR"' EXIT
unset DATABASE_URL
export TENFOLD_DATA_DIR="$data_dir" PORT="$port" NEXT_TELEMETRY_DISABLED=1
# The cron route's bearer for e2e/cron.spec.ts; never a real secret.
export CRON_SECRET="${CRON_SECRET:-e2e-cron-secret-not-for-production}"
# demo (default): sign-in off, bound to loopback. oidc: signs in against e2e/support/oidc-server.ts
# (its port in E2E_OIDC_PORT), with the test clients and group mapping of e2e/support/oidc-users.ts.
case "${2:-demo}" in
  demo)
    export TENFOLD_DEMO_MODE=true HOST=127.0.0.1
    # A spec that seeds this server's database (e2e/thresholds.spec.ts) names the folder it reaches it through.
    if [ -n "${E2E_DATA_DIR:-}" ]; then rm -rf "$E2E_DATA_DIR"; mkdir -p "$E2E_DATA_DIR"; export TENFOLD_DATA_DIR="$E2E_DATA_DIR"; fi
    ;;
  oidc)
    export HOST=127.0.0.1 TENFOLD_URL="http://localhost:$port"
    export OIDC_ISSUER="http://127.0.0.1:${E2E_OIDC_PORT:-3102}" OIDC_CLIENT_ID=tenfold OIDC_CLIENT_SECRET=e2e-tenfold-client-secret-not-real
    export OIDC_SCOPES="openid email profile groups" TENFOLD_ADMIN_GROUPS=tenfold-admins TENFOLD_VIEWER_GROUPS=security-review
    export TENFOLD_OU_OWNERS="Workloads/Payments=team-a"
    # The specs seed accounts into this folder's database through its owner process.
    if [ -n "${E2E_DATA_DIR:-}" ]; then rm -rf "$E2E_DATA_DIR"; mkdir -p "$E2E_DATA_DIR"; export TENFOLD_DATA_DIR="$E2E_DATA_DIR"; fi
    ;;
  dashboard)
    # The demo organisation (sandbox + backfilled timeline, scripts/demo.ts) for e2e/dashboard*.spec.ts.
    # A full backfill (13 weekly scans) takes about 9 min here; E2E_DEMO_WEEKS (default 3) keeps it short.
    export TENFOLD_DEMO_MODE=true HOST=127.0.0.1
    # e2e/workflow.spec.ts runs `npm run scan` against this demo: it finds the database and the
    # sandbox settings (sandbox-env.json) in E2E_DATA_DIR.
    if [ -n "${E2E_DATA_DIR:-}" ]; then rm -rf "$E2E_DATA_DIR"; mkdir -p "$E2E_DATA_DIR"; export TENFOLD_DATA_DIR="$E2E_DATA_DIR"; fi
    npx tsx scripts/demo.ts --port "$port" --weeks "${E2E_DEMO_WEEKS:-3}"
    exit $?
    ;;
  *)
    echo "usage: e2e-server.sh <port> [demo|oidc|dashboard]" >&2
    exit 2
    ;;
esac
# Playwright starts every web server at once: build (when the sources changed) under a lock, so only
# one `next build` writes .next and the others find it current.
flock "${TMPDIR:-/tmp}/tenfold-e2e-build.lock" \
  npx tsx -e 'import("./scripts/web-server.ts").then((m) => process.exit(m.buildIfNeeded() ? 0 : 1))'
# Not exec: the trap must remove the data folder once the server (killed with its process group) exits.
npx tsx scripts/start.ts
