#!/bin/sh
# Entry point of the Tenfold image: one image, the process chosen by the first argument.
set -eu
case "${1:-web}" in
  web)
    # server.js binds to HOSTNAME. Demo mode (no sign-in) defaults to loopback, so it is reachable only
    # from inside the container; the server itself stops if a demo listens anywhere else (instrumentation.ts).
    # The server validates configuration and applies migrations before serving.
    case "${TENFOLD_DEMO_MODE:-}" in
      true|1) default_host=127.0.0.1 ;;
      *) default_host=0.0.0.0 ;;
    esac
    export HOSTNAME="${HOST:-$default_host}"
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
