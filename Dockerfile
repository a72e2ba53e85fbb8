# syntax=docker/dockerfile:1
# One production image for every Tenfold process: `web` (Next.js standalone server), `worker`
# (scan jobs and the retention schedule), `scan` (enqueue an org scan), `prune` (retention now) and
# `migrate`. Build: docker build -t tenfold .

ARG NODE_IMAGE=node:24-bookworm-slim

# --- dependencies for the build (dev dependencies included) ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- production dependencies only: the worker and the CLI run TypeScript through tsx ---
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- the Next.js build, standalone output ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 TENFOLD_STANDALONE_BUILD=true
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0
# Full production node_modules (the worker needs the AWS SDK and pg-boss, which the web trace omits).
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json tsconfig.json ./
# Sources the worker, CLI and migrations run from; never the sandbox or tests.
COPY --chown=node:node db ./db
COPY --chown=node:node lib ./lib
COPY --chown=node:node scripts ./scripts
# The web server: standalone server.js and its build output, plus the static assets it does not copy
# (add `COPY --from=build /app/public ./public` once public/ holds files).
COPY --from=build --chown=node:node /app/.next/standalone/server.js ./server.js
COPY --from=build --chown=node:node /app/.next/standalone/.next ./.next
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --chown=node:node deploy/docker-entrypoint.sh /usr/local/bin/tenfold
RUN chmod 0755 /usr/local/bin/tenfold

USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["tenfold"]
CMD ["web"]
