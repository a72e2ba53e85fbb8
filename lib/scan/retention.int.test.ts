// Retention on a database of its own (pruning is database-wide): 450 days of history written through the
// real writers, pruned at 400 days. The year-long trends read the same before and after, old raw check
// results are gone, and what the pages still read (latest good snapshot, check states) is kept.
import { randomUUID } from "node:crypto";
import { and, count, eq, gte, inArray, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DbConnection } from "@/db/client";
import { accountSnapshots, checkResults, checkStates, latestItemResults, scanOrgEvidence, scans } from "@/db/schema";
import { upsertDiscoveredAccounts } from "@/db/store/accounts";
import { createScan, finalizeScan, markScanRunning } from "@/db/store/scans";
import { writeFailedSnapshot, writeScoredSnapshot } from "@/db/store/snapshots";
import { ownerScope } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { listAccountSummaries } from "@/lib/db/account-summaries";
import { getItemDrillDown } from "@/lib/db/item-details";
import { getOrgOverview } from "@/lib/db/overview";
import { getAccountTrend, getOrgTrend } from "@/lib/db/trends";
import { checksOfItem, type CheckId } from "@/lib/scoring/catalogue";
import type { AccountScore, CheckResult, ItemResult } from "@/lib/scoring/types";
import { createIsolatedDatabase, type IsolatedDatabase } from "@/test/isolated-db";
import { runRetention } from "./retention";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const RETENTION_DAYS = 400;
const cutoff = daysAgo(RETENTION_DAYS);

const ids = { steady: "100000000001", stale: "100000000002", changing: "100000000003" };
const team = "team-retention";
const admin: Viewer = { id: randomUUID(), email: "admin@example.com", name: "admin", role: "admin", ...ownerScope(null, [], { ouOwners: [] }), demo: false };
const owner: Viewer = { id: randomUUID(), email: "owner@example.com", name: "owner", role: "owner", ...ownerScope(null, [team], { ouOwners: [] }), demo: false };

/** A check written only by the oldest scans: its state keeps pointing at an old snapshot. */
const RETIRED_CHECK = checksOfItem(3)[2]!.id as CheckId;

/** Scores that drift with time, so every day of the trend differs; `extraCheck` only in the oldest scans. */
function score(accountId: string, day: number, extraCheck: boolean): AccountScore {
  const items: ItemResult[] = Array.from({ length: 10 }, (_, index) => {
    const item = (index + 1) as ItemResult["item"];
    const value = Math.max(0, Math.min(100, 50 + ((day * (item + 3)) % 50)));
    const checks: CheckResult[] = [
      { id: checksOfItem(item)[0]!.id as CheckId, item, result: value >= 60 ? "pass" : "fail", severity: "high", reason: `a at ${value}`, resources: value >= 60 ? [] : [{ kind: "thing", id: `${accountId}/${item}` }] },
      { id: checksOfItem(item)[1]!.id as CheckId, item, result: "pass", severity: "medium", reason: "b", resources: [] },
      ...(extraCheck && item === 3 ? [{ id: RETIRED_CHECK, item: 3 as const, result: "fail" as const, severity: "low" as const, reason: "only in old scans", resources: [] }] : []),
    ];
    return { item, key: "mfa", title: `item ${item}`, score: value, status: value === 100 ? "green" : value >= 60 ? "amber" : "red", coverage: 1, checks, explanation: `item ${item} at ${value}` };
  });
  return { accountId, items, score: items.reduce((sum, item) => sum + (item.score ?? 0), 0) / 10, status: "amber", coverage: 1 };
}

let database: IsolatedDatabase;
let connection: DbConnection;

beforeAll(async () => {
  database = await createIsolatedDatabase(inject("databaseServerUrl"));
  connection = connect(database.url, { max: 4 });
  const db = connection.db;
  await upsertDiscoveredAccounts(
    db,
    Object.entries(ids).map(([name, id]) => ({ id, name, email: `${name}@example.com`, state: "ACTIVE", ouId: null, ouPath: "Root/Retention", tags: {}, owner: team })),
    { complete: true },
  );
  // One scan every 14 days from 450 days ago to today; `stale` could not be read after its first 2 scans.
  for (let day = 450; day >= 0; day -= 14) {
    const at = daysAgo(day);
    const { id: scanId } = await createScan(db, { trigger: "schedule", asOf: at });
    await markScanRunning(db, scanId, { accountsTotal: 3, orgEvidence: { accounts: 3, day }, apiCalls: {} });
    const ok = (accountId: string) =>
      writeScoredSnapshot(db, { scanId, accountId, status: "ok", evaluatedAt: at, startedAt: at, finishedAt: at, apiCalls: {}, score: score(accountId, day, day > 430) });
    await ok(ids.steady);
    await ok(ids.changing);
    if (day >= 436) await ok(ids.stale);
    else await writeFailedSnapshot(db, { scanId, accountId: ids.stale, status: "failed", evaluatedAt: at, errorCode: "AccessDenied", errorMessage: "role gone" });
    await finalizeScan(db, scanId);
  }
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

/** Everything the trend charts, the overview, the accounts list and the drill-down read. */
async function pagesData() {
  const db = connection.db;
  return {
    orgYear: await getOrgTrend(admin, 365, db),
    orgAll: await getOrgTrend(admin, 500, db),
    ownerYear: await getOrgTrend(owner, 365, db),
    accountYears: await Promise.all(Object.values(ids).map((id) => getAccountTrend(id, 500, db))),
    overview: await getOrgOverview(admin, db),
    summaries: await listAccountSummaries(admin, db),
    drillDowns: await Promise.all(Object.values(ids).map((id) => getItemDrillDown(admin, id, 3, db))),
  };
}

const checkRowsOf = async (where: ReturnType<typeof and>) =>
  (await connection.db.select({ n: count() }).from(checkResults).innerJoin(accountSnapshots, eq(accountSnapshots.id, checkResults.snapshotId)).where(where))[0]!.n;

describe("retention", () => {
  it("prunes raw results older than the window in batches and leaves every trend exactly as it was", async () => {
    const db = connection.db;
    const before = await pagesData();
    expect(before.orgAll.length).toBeGreaterThan(30);
    expect(before.orgYear.length).toBeGreaterThan(24);
    const recentBefore = await checkRowsOf(gte(accountSnapshots.evaluatedAt, cutoff));
    const oldBefore = await checkRowsOf(lt(accountSnapshots.evaluatedAt, cutoff));
    expect(oldBefore).toBeGreaterThan(0);

    const run = await runRetention(connection, { retentionDays: RETENTION_DAYS, now, batchSize: 4 });
    if ("skipped" in run) throw new Error("retention was skipped");
    expect(run.batches).toBeGreaterThan(2);
    expect(run.checkResults).toBeGreaterThan(0);
    expect(run.orgEvidence).toBeGreaterThan(0);

    expect(await pagesData()).toEqual(before);
    expect(await checkRowsOf(gte(accountSnapshots.evaluatedAt, cutoff))).toBe(recentBefore);
    expect(run.checkResults).toBeLessThan(oldBefore);

    // The only old check results left are those the pages still point at.
    const protectedIds = new Set([
      ...(await db.select({ id: latestItemResults.snapshotId }).from(latestItemResults)).map((row) => row.id),
      ...(await db.select({ id: checkStates.lastSnapshotId }).from(checkStates)).map((row) => row.id),
    ]);
    const oldLeft = await db
      .selectDistinct({ id: checkResults.snapshotId })
      .from(checkResults)
      .innerJoin(accountSnapshots, eq(accountSnapshots.id, checkResults.snapshotId))
      .where(lt(accountSnapshots.evaluatedAt, cutoff));
    expect(oldLeft.length).toBeGreaterThan(0);
    for (const row of oldLeft) expect(protectedIds.has(row.id)).toBe(true);

    // `stale`'s last good snapshot is 436 days old and still drills down; so does the retired check's state.
    expect(before.drillDowns[1]?.checks.length).toBeGreaterThan(0);
    const [retired] = await db.select().from(checkStates).where(and(eq(checkStates.accountId, ids.steady), eq(checkStates.checkId, RETIRED_CHECK)));
    expect(await connection.db.select({ n: count() }).from(checkResults).where(eq(checkResults.snapshotId, retired!.lastSnapshotId))).toEqual([{ n: 21 }]);

    // Org evidence of old scans is gone, recent scans keep theirs.
    const oldScans = (await db.select({ id: scans.id }).from(scans).where(lt(scans.asOf, cutoff))).map((row) => row.id);
    expect(await db.select({ n: count() }).from(scanOrgEvidence).where(inArray(scanOrgEvidence.scanId, oldScans))).toEqual([{ n: 0 }]);
    expect((await db.select({ n: count() }).from(scanOrgEvidence))[0]!.n).toBeGreaterThan(25);
  });

  it("is idempotent", async () => {
    expect(await runRetention(connection, { retentionDays: RETENTION_DAYS, now })).toMatchObject({ checkResults: 0, orgEvidence: 0, batches: 0 });
  });

  // PGlite has one backend session for every client, so its advisory locks cannot exclude anyone.
  it.runIf(inject("databaseMode") === "postgres")("skips while another process holds the pruning lock", async () => {
    const other = connect(database.url, { max: 1 });
    const client = await other.pool.connect();
    try {
      await client.query("select pg_advisory_lock(7310202612)");
      expect(await runRetention(connection, { retentionDays: RETENTION_DAYS, now })).toEqual({ skipped: "another process is pruning" });
    } finally {
      client.release();
      await other.close();
    }
  });
});
