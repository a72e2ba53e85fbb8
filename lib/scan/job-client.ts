import "server-only";
import type { PgBoss } from "pg-boss";
import { getConnection } from "@/lib/db/connection";
import { createBoss } from "./queues";

// The web server enqueues jobs (cron route, "Rescan now") through one pg-boss client per process.
const globalForJobs = globalThis as unknown as { tenfoldBoss?: Promise<PgBoss> };

export function getJobClient(): Promise<PgBoss> {
  if (!globalForJobs.tenfoldBoss) {
    globalForJobs.tenfoldBoss = getConnection().then((connection) => createBoss(connection.url, { max: 2 }));
    globalForJobs.tenfoldBoss.catch(() => (globalForJobs.tenfoldBoss = undefined));
  }
  return globalForJobs.tenfoldBoss;
}
