import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { AccountScore, CheckResult, ItemResult } from "@/lib/scoring/types";
import { connect } from "../client";
import { accountDaily, accountSnapshots, checkResults, checkStates, latestItemResults, orgDaily, scans } from "../schema";
import { upsertDiscoveredAccounts } from "./accounts";
import { createScan, finalizeScan, getScanRow, markScanRunning } from "./scans";
import { writeFailedSnapshot, writeScoredSnapshot } from "./snapshots";

const connection = connect(inject("databaseUrl"), { max: 4 });
afterAll(() => connection.close());
const { db } = connection;

const randomAccountId = () => String(Math.floor(1e11 + Math.random() * 8.99e11));

function check(id: string, result: CheckResult["result"]): CheckResult {
  return { id: id as CheckResult["id"], item: 2, result, severity: "critical", reason: `${id} is ${result}`, resources: [] };
}

function accountScore(accountId: string, score: number, rootMfa: CheckResult["result"]): AccountScore {
  const items: ItemResult[] = Array.from({ length: 10 }, (_, index) => ({
    item: (index + 1) as ItemResult["item"],
    key: "mfa",
    title: `item ${index + 1}`,
    score,
    status: score === 100 ? "green" : score >= 60 ? "amber" : "red",
    coverage: 1,
    checks: index === 1 ? [check("i2.root_mfa", rootMfa)] : [],
    explanation: `${score}`,
  }));
  return { accountId, items, score, status: items[0]!.status, coverage: 1 };
}

async function newOrg(size: number): Promise<string[]> {
  const ids = Array.from({ length: size }, randomAccountId);
  await upsertDiscoveredAccounts(
    db,
    ids.map((id) => ({ id, name: `acct-${id}`, email: `${id}@example.com`, state: "ACTIVE", ouId: null, ouPath: "Root/Test", tags: {}, owner: null })),
    { complete: false },
  );
  return ids;
}

async function runningScan(accounts: number, asOf: Date): Promise<string> {
  const { id } = await createScan(db, { trigger: "cli", asOf });
  await markScanRunning(db, id, { accountsTotal: accounts, orgEvidence: {}, apiCalls: { organizations: 3 } });
  return id;
}

describe("scan persistence", () => {
  it("writes a snapshot once per (scan, account) and counts it once", async () => {
    const [accountId] = await newOrg(1);
    const asOf = new Date("2031-01-05T10:00:00Z");
    const scanId = await runningScan(1, asOf);
    const input = {
      scanId,
      accountId: accountId!,
      status: "ok" as const,
      evaluatedAt: asOf,
      startedAt: asOf,
      finishedAt: asOf,
      apiCalls: { iam: 5 },
      score: accountScore(accountId!, 80, "fail"),
    };
    expect(await writeScoredSnapshot(db, input)).toEqual({ done: 1, total: 1 });
    expect(await writeScoredSnapshot(db, input)).toBeNull();
    const snapshots = await db.select().from(accountSnapshots).where(eq(accountSnapshots.scanId, scanId));
    expect(snapshots).toHaveLength(1);
    const checks = await db.select().from(checkResults).where(eq(checkResults.snapshotId, snapshots[0]!.id));
    expect(checks.map((c) => c.checkId)).toEqual(["i2.root_mfa"]);

    expect(await finalizeScan(db, scanId)).toBe(true);
    expect(await finalizeScan(db, scanId)).toBe(false);
    const scan = await getScanRow(db, scanId);
    expect(scan?.state).toBe("succeeded");
    expect(scan?.apiCalls).toEqual({ organizations: 3, iam: 5 });
  });

  it("keeps the last good snapshot when an account fails, and carries its score into the org rollup", async () => {
    const [good, flaky] = await newOrg(2);
    const day1 = new Date("2031-02-01T10:00:00Z");
    const day2 = new Date("2031-02-02T10:00:00Z");
    const first = await runningScan(2, day1);
    for (const [id, score] of [[good!, 100], [flaky!, 50]] as const) {
      await writeScoredSnapshot(db, { scanId: first, accountId: id, status: "ok", evaluatedAt: day1, startedAt: day1, finishedAt: day1, apiCalls: {}, score: accountScore(id, score, "pass") });
    }
    await finalizeScan(db, first);

    const second = await runningScan(2, day2);
    await writeScoredSnapshot(db, { scanId: second, accountId: good!, status: "ok", evaluatedAt: day2, startedAt: day2, finishedAt: day2, apiCalls: {}, score: accountScore(good!, 100, "pass") });
    await writeFailedSnapshot(db, { scanId: second, accountId: flaky!, status: "failed", evaluatedAt: day2, errorCode: "AccessDenied", errorMessage: "not authorized to perform sts:AssumeRole" });
    await finalizeScan(db, second);

    expect((await getScanRow(db, second))?.state).toBe("partial");
    const latest = await db.select().from(latestItemResults).where(eq(latestItemResults.accountId, flaky!));
    expect(latest.every((row) => row.scanId === first && row.score === 50)).toBe(true);
    const days = await db.select().from(accountDaily).where(eq(accountDaily.accountId, flaky!));
    expect(days.map((d) => d.day)).toEqual(["2031-02-01"]);
    // The org rollup of day 2 counts the flaky account with its last good score.
    const org = await db.select().from(orgDaily).where(eq(orgDaily.day, "2031-02-02"));
    expect(org[0]?.accountsScored).toBeGreaterThanOrEqual(2);
  });

  it("remembers since when a check has held its result, and never lets an older backfill overwrite the latest", async () => {
    const [accountId] = await newOrg(1);
    const at = (day: number) => new Date(Date.UTC(2031, 2, day, 10));
    const write = async (day: number, rootMfa: CheckResult["result"]) => {
      const scanId = await runningScan(1, at(day));
      await writeScoredSnapshot(db, { scanId, accountId: accountId!, status: "ok", evaluatedAt: at(day), startedAt: at(day), finishedAt: at(day), apiCalls: {}, score: accountScore(accountId!, 70, rootMfa) });
      await finalizeScan(db, scanId);
    };
    await write(1, "pass");
    await write(8, "fail");
    await write(15, "fail");
    await write(3, "pass"); // a late backfill of an older date
    const state = await db
      .select()
      .from(checkStates)
      .where(and(eq(checkStates.accountId, accountId!), eq(checkStates.checkId, "i2.root_mfa")));
    expect(state[0]?.result).toBe("fail");
    expect(state[0]?.since.toISOString()).toBe(at(8).toISOString());
  });

  it("returns the first scan for a repeated schedule slot", async () => {
    const slot = `slot-${randomAccountId()}`;
    const first = await createScan(db, { trigger: "schedule", slot, asOf: new Date() });
    const again = await createScan(db, { trigger: "schedule", slot, asOf: new Date() });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db.select().from(scans).where(eq(scans.slot, slot))).toHaveLength(1);
  });
});
