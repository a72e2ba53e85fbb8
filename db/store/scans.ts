import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { accountSnapshots, scanOrgEvidence, scans, SCAN_TRIGGERS } from "../schema";
import { dayOf } from "./day";
import { recomputeOrgDay } from "./org-rollup";
import { recomputeOwnerDay } from "./owner-rollup";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type ScanTrigger = (typeof SCAN_TRIGGERS)[number];

export type NewScan = {
  trigger: ScanTrigger;
  asOf: Date;
  /** Schedule slot: a second request for the same slot returns the first scan instead of a new one. */
  slot?: string;
  accountIds?: string[];
  requestedBy?: string;
};

/** Creates a scan row, or returns the existing one for the same schedule slot. */
export async function createScan(db: Db, input: NewScan): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insert(scans)
    .values({
      trigger: input.trigger,
      asOf: input.asOf,
      slot: input.slot ?? null,
      accountFilter: input.accountIds ?? null,
      requestedBy: input.requestedBy ?? null,
    })
    .onConflictDoNothing({ target: scans.slot })
    .returning({ id: scans.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await db.select({ id: scans.id }).from(scans).where(eq(scans.slot, input.slot ?? ""));
  if (!existing[0]) throw new Error(`scan for slot ${input.slot} vanished`);
  return { id: existing[0].id, created: false };
}

export async function getScanRow(db: Db, scanId: string) {
  const rows = await db.select().from(scans).where(eq(scans.id, scanId));
  return rows[0] ?? null;
}

/** Discovery is done: store the org evidence and how many account results the scan waits for. */
export async function markScanRunning(
  db: Db,
  scanId: string,
  input: { accountsTotal: number; orgEvidence: unknown; apiCalls: Record<string, number> },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(scanOrgEvidence)
      .values({ scanId, evidence: input.orgEvidence })
      .onConflictDoUpdate({ target: scanOrgEvidence.scanId, set: { evidence: input.orgEvidence, collectedAt: new Date() } });
    await tx
      .update(scans)
      .set({ state: "running", startedAt: sql`coalesce(${scans.startedAt}, now())`, accountsTotal: input.accountsTotal, apiCalls: input.apiCalls })
      .where(eq(scans.id, scanId));
  });
}

export async function getScanOrgEvidence(db: Db, scanId: string): Promise<unknown | null> {
  const rows = await db.select({ evidence: scanOrgEvidence.evidence }).from(scanOrgEvidence).where(eq(scanOrgEvidence.scanId, scanId));
  return rows[0]?.evidence ?? null;
}

export type AccountOutcome = { done: number; total: number };

const COUNTER_KEYS = {
  ok: "accountsOk",
  partial: "accountsPartial",
  failed: "accountsFailed",
  skipped: "accountsSkipped",
} as const;

/** Counts one account result into its scan; the caller finalises the scan when done reaches total. */
export async function recordAccountOutcome(
  tx: Tx,
  scanId: string,
  status: keyof typeof COUNTER_KEYS,
): Promise<AccountOutcome> {
  const key = COUNTER_KEYS[status];
  const rows = await tx
    .update(scans)
    .set({ [key]: sql`${scans[key]} + 1` })
    .where(eq(scans.id, scanId))
    .returning({
      done: sql<number>`${scans.accountsOk} + ${scans.accountsPartial} + ${scans.accountsFailed} + ${scans.accountsSkipped}`,
      total: scans.accountsTotal,
    });
  const row = rows[0];
  if (!row) throw new Error(`scan ${scanId} not found`);
  return { done: Number(row.done), total: row.total };
}

/**
 * Closes a scan whose every account has a result: final state, duration, API calls per service, and the
 * organisation rollup of its day. Only the first caller wins, so concurrent workers cannot finalise twice.
 */
export async function finalizeScan(db: Db, scanId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(scans)
      .set({
        state: sql`case
          when ${scans.accountsOk} + ${scans.accountsPartial} = 0 and ${scans.accountsFailed} > 0 then 'failed'
          when ${scans.accountsFailed} > 0 then 'partial'
          else 'succeeded' end`,
        finishedAt: sql`now()`,
        durationMs: sql`(extract(epoch from (now() - coalesce(${scans.startedAt}, ${scans.createdAt}))) * 1000)::int`,
        apiCalls: sql`(
          select coalesce(jsonb_object_agg(service, calls), '{}'::jsonb) from (
            select service, sum(calls)::int as calls from (
              select key as service, value::int as calls from jsonb_each_text(${scans.apiCalls})
              union all
              select e.key, e.value::int from ${accountSnapshots} s, jsonb_each_text(s.api_calls) e where s.scan_id = ${scanId}
            ) parts group by service
          ) totals)`,
      })
      .where(and(eq(scans.id, scanId), eq(scans.state, "running")))
      .returning({ asOf: scans.asOf });
    const finished = rows[0];
    if (!finished) return false;
    await recomputeOrgDay(tx, dayOf(finished.asOf));
    await recomputeOwnerDay(tx, dayOf(finished.asOf));
    return true;
  });
}

export async function failScan(db: Db, scanId: string, error: string): Promise<void> {
  await db
    .update(scans)
    .set({ state: "failed", error: error.slice(0, 1000), finishedAt: sql`now()` })
    .where(and(eq(scans.id, scanId), sql`${scans.state} in ('queued', 'running')`));
}
