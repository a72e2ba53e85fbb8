#!/bin/sh
# Entry point of the Tenfold image: one image, the process chosen by the first argument.
set -eu
case "${1:-web}" in
  web)
    # server.js binds to HOSTNAME; Tenfold's HOST keeps demo mode on loopback (lib/env.ts refuses otherwise).
    # The server validates configuration and applies migrations before serving (instrumentation.ts).
    export HOSTNAME="${HOST:-0.0.0.0}"
    exec node server.js
    ;;
  worker)
    # A capped heap keeps the worker's memory near its live set (docs/benchmarks.md: ~400 MB at 8 accounts
    # at once instead of ~900 MB); raise TENFOLD_WORKER_HEAP_MB along with TENFOLD_SCAN_CONCURRENCY.
    exec node --max-old-space-size="${TENFOLD_WORKER_HEAP_MB:-320}" --import tsx scripts/worker.ts
    ;;
  scan)
    exec node_modules/.bin/tsx scripts/scan.ts
    ;;
  prune)
    exec node_modules/.bin/tsx scripts/prune.ts
    ;;
  migrate)
    exec node_modules/.bin/tsx scripts/migrate.ts
    ;;
  *)
    exec "$@"
    ;;
esac
