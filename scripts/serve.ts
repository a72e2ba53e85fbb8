// Runs Tenfold's web server process group: a scan worker, the built-in scheduler of the embedded
// default, and `next start` reaching the database this process holds. Used by `npm start` and `npm run demo`.
import type { DbConnection } from "@/db/client";
import { bindHost, type Env } from "@/lib/env";
import { createScanRuntime } from "@/lib/scan/bootstrap";
import type { ScanRuntime } from "@/lib/scan/runtime";
import { startRetentionSchedule } from "@/lib/scan/retention";
import { startScheduler } from "@/lib/scan/scheduler";
import { startWorker } from "@/lib/scan/worker";
import { exitWith } from "./cli";
import { buildIfNeeded, spawnWebServer } from "./web-server";

/**
 * Builds the app when the sources changed, before anything else runs in this process: the build is a
 * synchronous child (its output goes to the terminal in order), so it blocks this process's event loop —
 * an embedded database served from here, or a worker polling it, would stall and time out meanwhile.
 */
export function buildOrExit(): void {
  if (!buildIfNeeded()) exitWith("the build failed; see the output above.");
}

export async function startScanning(connection: DbConnection & { mode: string }, env: Env) {
  const runtime = await createScanRuntime(connection, env);
  const stopWorker = await startWorker(runtime);
  const scheduler = connection.mode === "embedded" ? startScheduler(runtime, env.TENFOLD_SCHEDULE) : null;
  if (scheduler) {
    console.log(`tenfold: scheduler on "${env.TENFOLD_SCHEDULE}" (UTC); next scan ${scheduler.next()?.toISOString() ?? "never"}`);
  }
  // In both modes: an advisory lock lets one process at a time prune, however many run the schedule.
  const retention = startRetentionSchedule(connection, { expression: env.TENFOLD_RETENTION_SCHEDULE, retentionDays: env.TENFOLD_RETENTION_DAYS });
  const stop = async () => {
    scheduler?.stop();
    retention.stop();
    await stopWorker().catch(() => undefined);
    await runtime.boss.stop({ graceful: true, timeout: 5000 }).catch(() => undefined);
  };
  return { runtime, stop };
}

/** Serves the build made by buildOrExit() (called first, before startScanning) and stops everything with it. */
export async function serveTenfold(options: {
  env: Env;
  connection: DbConnection & { mode: string };
  scanning: { runtime: ScanRuntime; stop: () => Promise<void> };
  childEnv?: NodeJS.ProcessEnv;
}): Promise<void> {
  const { env, connection, scanning } = options;

  const hostname = bindHost(env);
  const server = spawnWebServer({ port: env.PORT, hostname, env: options.childEnv });
  const shown = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  console.log(`tenfold: serving on http://${shown}:${env.PORT}`);

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await scanning.stop();
    await connection.close().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 0));
}
