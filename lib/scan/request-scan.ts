import { createScan, type ScanTrigger } from "@/db/store/scans";
import type { Db } from "@/db/client";
import type { PgBoss } from "pg-boss";
import { enqueueScanJob } from "./queues";

export type ScanRequest = {
  trigger: ScanTrigger;
  /** The clock checks are evaluated against; the real clock unless a test or the demo backfill sets it. */
  asOf?: Date;
  slot?: string;
  accountIds?: string[];
  requestedBy?: string;
};

/** Records a scan and enqueues its org job; returns at once. A repeated schedule slot returns the first scan. */
export async function requestScan(
  deps: { db: Db; boss: PgBoss },
  request: ScanRequest,
): Promise<{ scanId: string; created: boolean }> {
  const scan = await createScan(deps.db, {
    trigger: request.trigger,
    asOf: request.asOf ?? new Date(),
    slot: request.slot,
    accountIds: request.accountIds,
    requestedBy: request.requestedBy,
  });
  if (scan.created) await enqueueScanJob(deps.boss, scan.id);
  return { scanId: scan.id, created: scan.created };
}
