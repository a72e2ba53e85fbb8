// npm run worker — a scan worker process; run as many as you like, on any host that reaches the database.
import { createScanRuntime } from "@/lib/scan/bootstrap";
import { startRetentionSchedule } from "@/lib/scan/retention";
import { startWorker } from "@/lib/scan/worker";
import { openForCli } from "./cli";

async function main() {
  const { env, connection } = await openForCli();
  const runtime = await createScanRuntime(connection, env);
  const stopWorker = await startWorker(runtime);
  // Deployments run workers beside a web server that has no scheduler: they prune (one at a time, by lock).
  const retention = startRetentionSchedule(connection, { expression: env.TENFOLD_RETENTION_SCHEDULE, retentionDays: env.TENFOLD_RETENTION_DAYS });
  console.log(`tenfold: worker ${process.pid} ready (${connection.mode} database, ${runtime.concurrency} accounts at once)`);
  const shutdown = async () => {
    console.log(`tenfold: worker ${process.pid} stopping`);
    retention.stop();
    await stopWorker();
    await runtime.boss.stop({ graceful: true, timeout: 30_000 });
    await connection.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

void main();
