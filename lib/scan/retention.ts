import { Cron } from "croner";
import type { DbConnection } from "@/db/client";
import { pruneOldResults, type PruneResult } from "@/db/store/retention";

const DAY_MS = 86_400_000;
// Arbitrary constant: one pruner at a time across every process on the database (migrate.ts uses another).
const RETENTION_LOCK_KEY = 7_310_202_612;

export type RetentionRun = PruneResult | { skipped: "another process is pruning" };

/**
 * Prunes everything older than `retentionDays` unless another process holds the pruning lock. On the
 * embedded database every client shares PGlite's one session, so the lock is always granted there; two
 * pruners at once would only delete the same rows, which is harmless.
 */
export async function runRetention(
  connection: Pick<DbConnection, "db" | "pool">,
  options: { retentionDays: number; now?: Date; batchSize?: number },
): Promise<RetentionRun> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * DAY_MS);
  const lockClient = await connection.pool.connect();
  try {
    const { rows } = await lockClient.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [RETENTION_LOCK_KEY]);
    if (!rows[0]?.locked) return { skipped: "another process is pruning" };
    try {
      return await pruneOldResults(connection.db, { cutoff, batchSize: options.batchSize });
    } finally {
      await lockClient.query("select pg_advisory_unlock($1)", [RETENTION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    lockClient.release();
  }
}

export function describeRetentionRun(run: RetentionRun): string {
  if ("skipped" in run) return `retention: skipped, ${run.skipped}`;
  return `retention: deleted ${run.checkResults} check results of ${run.snapshots} snapshots and the org evidence of ${run.orgEvidence} scans evaluated before ${run.cutoff.toISOString()} (${run.batches} batches); daily rollups kept`;
}

/** The scheduled pruning job (TENFOLD_RETENTION_SCHEDULE, UTC) of a long-running process: web server or worker. */
export function startRetentionSchedule(connection: Pick<DbConnection, "db" | "pool">, options: { expression: string; retentionDays: number }): { stop: () => void; next: () => Date | null } {
  const cron = new Cron(options.expression, { timezone: "UTC", protect: true }, async () => {
    try {
      console.log(describeRetentionRun(await runRetention(connection, { retentionDays: options.retentionDays })));
    } catch (error) {
      console.error(`retention: pruning failed: ${(error as Error).message}`);
    }
  });
  return { stop: () => cron.stop(), next: () => cron.nextRun() };
}
