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
    exec node_modules/.bin/tsx scripts/worker.ts
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
