import { sql } from "drizzle-orm";
import type { AccountScore } from "@/lib/scoring/types";
import type { Db } from "../client";
import {
  accountDaily,
  accountItemDaily,
  accountSnapshots,
  checkResults,
  checkStates,
  itemResults,
  latestItemResults,
} from "../schema";
import { dayOf } from "./day";
import { recordAccountOutcome, type AccountOutcome } from "./scans";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type ScoredSnapshotInput = {
  scanId: string;
  accountId: string;
  status: "ok" | "partial";
  evaluatedAt: Date;
  startedAt: Date;
  finishedAt: Date;
  apiCalls: Record<string, number>;
  score: AccountScore;
  worker?: string;
};

export type FailedSnapshotInput = {
  scanId: string;
  accountId: string;
  status: "failed" | "skipped";
  evaluatedAt: Date;
  errorCode: string;
  errorMessage: string;
  startedAt?: Date;
  finishedAt?: Date;
  apiCalls?: Record<string, number>;
  worker?: string;
};


/**
 * Writes one account's scan result with its item and check results and every rollup, in one transaction.
 * Returns false when the (scan, account) snapshot already existed: a re-run job changes nothing.
 */
export async function writeScoredSnapshot(db: Db, input: ScoredSnapshotInput): Promise<AccountOutcome | null> {
  return db.transaction(async (tx) => {
    const snapshotId = await insertSnapshot(tx, {
      scanId: input.scanId,
      accountId: input.accountId,
      status: input.status,
      score: input.score.score,
      coverage: input.score.coverage,
      evaluatedAt: input.evaluatedAt,
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      apiCalls: input.apiCalls,
      worker: input.worker ?? null,
    });
    if (snapshotId === null) return null;

    const items = input.score.items;
    await tx.insert(itemResults).values(
      items.map((item) => ({
        snapshotId,
        item: item.item,
        score: item.score,
        status: item.status,
        coverage: item.coverage,
        explanation: item.explanation,
      })),
    );
    const checks = items.flatMap((item) => item.checks);
    if (checks.length > 0) {
      await tx.insert(checkResults).values(
        checks.map((check) => ({
          snapshotId,
          checkId: check.id,
          item: check.item,
          result: check.result,
          severity: check.severity,
          reason: check.reason,
          resources: check.resources,
          resourcesTruncated: check.truncated ?? 0,
          source: check.source ?? null,
          originalResult: check.originalResult ?? null,
          overrideId: check.overrideId ?? null,
        })),
      );
    }
    await writeRollups(tx, input, snapshotId);
    return recordAccountOutcome(tx, input.scanId, input.status);
  });
}

/** Records an account that could not be scanned. Its last good snapshot and rollups stay untouched. */
export async function writeFailedSnapshot(db: Db, input: FailedSnapshotInput): Promise<AccountOutcome | null> {
  return db.transaction(async (tx) => {
    const snapshotId = await insertSnapshot(tx, {
      scanId: input.scanId,
      accountId: input.accountId,
      status: input.status,
      score: null,
      coverage: null,
      errorCode: input.errorCode,
      errorMessage: input.errorMessage.slice(0, 1000),
      evaluatedAt: input.evaluatedAt,
      startedAt: input.startedAt ?? null,
      finishedAt: input.finishedAt ?? null,
      apiCalls: input.apiCalls ?? {},
      worker: input.worker ?? null,
    });
    if (snapshotId === null) return null;
    return recordAccountOutcome(tx, input.scanId, input.status);
  });
}

async function insertSnapshot(tx: Tx, values: typeof accountSnapshots.$inferInsert): Promise<number | null> {
  const inserted = await tx
    .insert(accountSnapshots)
    .values(values)
    .onConflictDoNothing({ target: [accountSnapshots.scanId, accountSnapshots.accountId] })
    .returning({ id: accountSnapshots.id });
  return inserted[0]?.id ?? null;
}

// Rollups only move forward in time: a backfill of an older date never overwrites a newer latest result.
async function writeRollups(tx: Tx, input: ScoredSnapshotInput, snapshotId: number): Promise<void> {
  const { accountId, evaluatedAt, score, scanId } = input;
  const day = dayOf(evaluatedAt);
  const items = score.items;

  await tx
    .insert(latestItemResults)
    .values(
      items.map((item) => ({
        accountId,
        item: item.item,
        scanId,
        snapshotId,
        score: item.score,
        status: item.status,
        coverage: item.coverage,
        explanation: item.explanation,
        evaluatedAt,
      })),
    )
    .onConflictDoUpdate({
      target: [latestItemResults.accountId, latestItemResults.item],
      set: {
        scanId: sql`excluded.scan_id`,
        snapshotId: sql`excluded.snapshot_id`,
        score: sql`excluded.score`,
        status: sql`excluded.status`,
        coverage: sql`excluded.coverage`,
        explanation: sql`excluded.explanation`,
        evaluatedAt: sql`excluded.evaluated_at`,
      },
      setWhere: sql`excluded.evaluated_at >= ${latestItemResults.evaluatedAt}`,
    });

  const checks = items.flatMap((item) => item.checks);
  if (checks.length > 0) {
    // "since" survives while the result stays the same: it is when the current result was first seen.
    await tx
      .insert(checkStates)
      .values(
        checks.map((check) => ({
          accountId,
          checkId: check.id,
          result: check.result,
          since: evaluatedAt,
          lastEvaluatedAt: evaluatedAt,
          lastSnapshotId: snapshotId,
        })),
      )
      .onConflictDoUpdate({
        target: [checkStates.accountId, checkStates.checkId],
        set: {
          since: sql`case when ${checkStates.result} = excluded.result then ${checkStates.since} else excluded.since end`,
          result: sql`excluded.result`,
          lastEvaluatedAt: sql`excluded.last_evaluated_at`,
          lastSnapshotId: sql`excluded.last_snapshot_id`,
        },
        setWhere: sql`excluded.last_evaluated_at >= ${checkStates.lastEvaluatedAt}`,
      });
  }

  // The last scan of a day wins that day.
  await tx
    .insert(accountDaily)
    .values({
      accountId,
      day,
      score: score.score,
      coverage: score.coverage,
      redItems: items.filter((item) => item.status === "red").length,
      snapshotId,
    })
    .onConflictDoUpdate({
      target: [accountDaily.accountId, accountDaily.day],
      set: {
        score: sql`excluded.score`,
        coverage: sql`excluded.coverage`,
        redItems: sql`excluded.red_items`,
        snapshotId: sql`excluded.snapshot_id`,
      },
    });
  await tx
    .insert(accountItemDaily)
    .values(items.map((item) => ({ accountId, item: item.item, day, score: item.score, status: item.status, coverage: item.coverage })))
    .onConflictDoUpdate({
      target: [accountItemDaily.accountId, accountItemDaily.item, accountItemDaily.day],
      set: { score: sql`excluded.score`, status: sql`excluded.status`, coverage: sql`excluded.coverage` },
    });
}
