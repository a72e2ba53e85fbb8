import { sql } from "drizzle-orm";
import type { Db } from "../client";

// Retention: raw check results and organisation evidence older than the window are deleted; the
// snapshots themselves, their ten item results (small, and what the after-scan webhook compares
// against) and the daily rollups stay, so trends and scan history survive.

export type PruneResult = {
  cutoff: Date;
  /** Snapshots whose check results were deleted. */
  snapshots: number;
  checkResults: number;
  orgEvidence: number;
  /** Bounded statements run: each deletes at most one batch, in its own transaction. */
  batches: number;
};

type Counted = { rows: number | string; snapshots?: number | string };
const firstRow = (result: unknown): Counted => (Array.isArray(result) ? result[0] : (result as { rows: Counted[] }).rows[0]) ?? { rows: 0 };

/**
 * Deletes check results of snapshots evaluated before `cutoff`, `batchSize` snapshots per statement, and
 * the org evidence of finished scans evaluated before it. Never touches what the pages still read: the
 * latest good snapshot of every account (latest_item_results) and the snapshot each check state points
 * to (check_states.last_snapshot_id), however old.
 */
export async function pruneOldResults(db: Db, options: { cutoff: Date; batchSize?: number }): Promise<PruneResult> {
  const batchSize = options.batchSize ?? 200;
  const cutoff = options.cutoff.toISOString();
  const result: PruneResult = { cutoff: options.cutoff, snapshots: 0, checkResults: 0, orgEvidence: 0, batches: 0 };
  for (;;) {
    const deleted = firstRow(
      await db.execute(sql`
        with doomed as (
          select s.id from account_snapshots s
          where s.evaluated_at < ${cutoff}
            and exists (select 1 from check_results c where c.snapshot_id = s.id)
            and not exists (select 1 from latest_item_results l where l.account_id = s.account_id and l.snapshot_id = s.id)
            and not exists (select 1 from check_states cs where cs.account_id = s.account_id and cs.last_snapshot_id = s.id)
          order by s.id
          limit ${batchSize}
        ), deleted as (
          delete from check_results c using doomed where c.snapshot_id = doomed.id returning c.snapshot_id
        )
        select count(*) as rows, count(distinct snapshot_id) as snapshots from deleted`),
    );
    if (Number(deleted.rows) === 0) break;
    result.batches++;
    result.checkResults += Number(deleted.rows);
    result.snapshots += Number(deleted.snapshots ?? 0);
  }
  for (;;) {
    // Org evidence is read only by the account jobs of a running scan; a finished old scan needs none.
    const deleted = firstRow(
      await db.execute(sql`
        with doomed as (
          select e.scan_id from scan_org_evidence e join scans s on s.id = e.scan_id
          where s.as_of < ${cutoff} and s.state in ('succeeded', 'partial', 'failed')
          limit ${batchSize}
        ), deleted as (
          delete from scan_org_evidence e using doomed where e.scan_id = doomed.scan_id returning 1
        )
        select count(*) as rows from deleted`),
    );
    if (Number(deleted.rows) === 0) break;
    result.batches++;
    result.orgEvidence += Number(deleted.rows);
  }
  return result;
}
