import { and, eq, gte, sql } from "drizzle-orm";
import type { AccountScore, CheckResult, ResultValue } from "@/lib/scoring/types";
import type { Db } from "../client";
import { accountDaily, accountItemDaily, accountSnapshots, checkResults, checkStates, itemResults, latestItemResults, orgDaily } from "../schema";
import { dayOf } from "./day";
import { recomputeOrgDay } from "./org-rollup";
import { recomputeOwnerDay } from "./owner-rollup";

// Re-applying exceptions and attestations to an account's latest snapshot, so that recording, approving
// or revoking one changes the scorecard at once instead of at the next scan. Earlier snapshots keep
// what they recorded; the latest one (and the rollups it feeds) is rewritten in one transaction.

export type StoredChecks = {
  snapshotId: number;
  evaluatedAt: Date;
  /** The checks as the scan found them: results before any exception or attestation. */
  checks: (CheckResult & { storedResult: ResultValue; storedOverrideId: string | null })[];
};

/** The account's latest good snapshot and its checks, or null when it has none. */
export async function loadLatestChecks(db: Db, accountId: string, attestationReason: string): Promise<StoredChecks | null> {
  const [latest] = await db
    .select({ snapshotId: latestItemResults.snapshotId, evaluatedAt: latestItemResults.evaluatedAt })
    .from(latestItemResults)
    .where(eq(latestItemResults.accountId, accountId))
    .orderBy(sql`${latestItemResults.evaluatedAt} desc`)
    .limit(1);
  if (!latest) return null;
  const rows = await db.select().from(checkResults).where(eq(checkResults.snapshotId, latest.snapshotId));
  return {
    ...latest,
    checks: rows.map((row) => {
      const attested = row.result === "attested" && row.originalResult !== null;
      return {
        id: row.checkId as CheckResult["id"],
        item: row.item as CheckResult["item"],
        result: row.originalResult ?? row.result,
        severity: row.severity,
        // An attestation rewrites a manual check's reason; the scan's own reason for those is fixed.
        reason: attested ? attestationReason : row.reason,
        resources: row.resources,
        ...(row.resourcesTruncated > 0 ? { truncated: row.resourcesTruncated } : {}),
        ...(row.source === "org" ? { source: "org" as const } : {}),
        storedResult: row.result,
        storedOverrideId: row.overrideId,
      };
    }),
  };
}

/** Writes the rescored snapshot and every rollup it feeds; returns whether anything changed. */
export async function writeRescoredSnapshot(db: Db, accountId: string, stored: StoredChecks, score: AccountScore, now: Date): Promise<boolean> {
  const byId = new Map(stored.checks.map((check) => [check.id, check]));
  const changed = score.items
    .flatMap((item) => item.checks)
    .filter((check) => {
      const before = byId.get(check.id);
      return before && (before.storedResult !== check.result || before.storedOverrideId !== (check.overrideId ?? null));
    });
  if (changed.length === 0) return false;
  const { snapshotId } = stored;
  const day = dayOf(stored.evaluatedAt);
  await db.transaction(async (tx) => {
    for (const check of changed) {
      await tx
        .update(checkResults)
        .set({ result: check.result, reason: check.reason, originalResult: check.originalResult ?? null, overrideId: check.overrideId ?? null })
        .where(and(eq(checkResults.snapshotId, snapshotId), eq(checkResults.checkId, check.id)));
      // The check's current result changed now: "since" restarts, as it would at a scan.
      await tx
        .update(checkStates)
        .set({ result: check.result, since: now })
        .where(and(eq(checkStates.accountId, accountId), eq(checkStates.checkId, check.id), eq(checkStates.lastSnapshotId, snapshotId)));
    }
    for (const item of score.items) {
      const values = { score: item.score, status: item.status, coverage: item.coverage, explanation: item.explanation };
      await tx.update(itemResults).set(values).where(and(eq(itemResults.snapshotId, snapshotId), eq(itemResults.item, item.item)));
      await tx
        .update(latestItemResults)
        .set(values)
        .where(and(eq(latestItemResults.accountId, accountId), eq(latestItemResults.item, item.item), eq(latestItemResults.snapshotId, snapshotId)));
    }
    await tx.update(accountSnapshots).set({ score: score.score, coverage: score.coverage }).where(eq(accountSnapshots.id, snapshotId));
    // The daily rollups follow only when this snapshot is the one its day shows.
    const owned = await tx
      .update(accountDaily)
      .set({ score: score.score, coverage: score.coverage, redItems: score.items.filter((item) => item.status === "red").length })
      .where(and(eq(accountDaily.accountId, accountId), eq(accountDaily.day, day), eq(accountDaily.snapshotId, snapshotId)))
      .returning({ day: accountDaily.day });
    if (owned.length === 0) return;
    for (const item of score.items) {
      await tx
        .update(accountItemDaily)
        .set({ score: item.score, status: item.status, coverage: item.coverage })
        .where(and(eq(accountItemDaily.accountId, accountId), eq(accountItemDaily.item, item.item), eq(accountItemDaily.day, day)));
    }
    // An owner's series reads exact days (no carry-forward): only this day changes for them.
    await recomputeOwnerDay(tx, day);
    // The account's score carries forward into every later organisation day.
    const days = await tx.select({ day: orgDaily.day }).from(orgDaily).where(gte(orgDaily.day, day));
    for (const { day: orgDay } of days) await recomputeOrgDay(tx, orgDay);
  });
  return true;
}
