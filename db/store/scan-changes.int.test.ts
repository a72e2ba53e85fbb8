// What a finished scan changed, read through the real writers: regressions against the previous scored
// snapshot, items newly red, and approved exceptions about to expire.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/client";
import { exceptions } from "@/db/schema";
import type { AccountScore, ItemResult } from "@/lib/scoring/types";
import { upsertDiscoveredAccounts } from "./accounts";
import { getScanChanges } from "./scan-changes";
import { createScan, finalizeScan, markScanRunning } from "./scans";
import { writeFailedSnapshot, writeScoredSnapshot } from "./snapshots";

const connection = connect(inject("databaseUrl"), { max: 4 });
afterAll(() => connection.close());
const db = connection.db;

const run = randomUUID().slice(0, 8);
const newId = () => String(Math.floor(1e11 + Math.random() * 8.99e11));
const ids = { worse: newId(), better: newId(), fresh: newId(), failed: newId() };
const DAY = 86_400_000;
const now = new Date();

function score(accountId: string, item2: number, rest = 80): AccountScore {
  const items: ItemResult[] = Array.from({ length: 10 }, (_, index) => {
    const item = (index + 1) as ItemResult["item"];
    const value = item === 2 ? item2 : rest;
    return { item, key: "mfa", title: `item ${item}`, score: value, status: value === 100 ? "green" : value >= 60 ? "amber" : "red", coverage: 1, checks: [], explanation: `item ${item} at ${value}` };
  });
  return { accountId, items, score: items.reduce((sum, item) => sum + (item.score ?? 0), 0) / 10, status: "amber", coverage: 1 };
}

async function scan(at: Date, write: (scanId: string) => Promise<unknown>) {
  const { id } = await createScan(db, { trigger: "schedule", asOf: at });
  await markScanRunning(db, id, { accountsTotal: 1, orgEvidence: {}, apiCalls: {} });
  await write(id);
  await finalizeScan(db, id);
  return id;
}

let latest = "";

beforeAll(async () => {
  await upsertDiscoveredAccounts(
    db,
    Object.entries(ids).map(([key, id]) => ({ id, name: `${key}-${run}`, email: `${key}-${run}@example.com`, state: "ACTIVE", ouId: null, ouPath: "Root", tags: {}, owner: `team-${key}-${run}` })),
    { complete: false },
  );
  const before = new Date(now.getTime() - DAY);
  const ok = (scanId: string, id: string, at: Date, s: AccountScore) => writeScoredSnapshot(db, { scanId, accountId: id, status: "ok", evaluatedAt: at, startedAt: at, finishedAt: at, apiCalls: {}, score: s });
  await scan(before, async (scanId) => {
    await ok(scanId, ids.worse, before, score(ids.worse, 90));
    await ok(scanId, ids.better, before, score(ids.better, 30));
    await ok(scanId, ids.failed, before, score(ids.failed, 90));
  });
  latest = await scan(now, async (scanId) => {
    await ok(scanId, ids.worse, now, score(ids.worse, 40)); // item 2 turns red, score falls
    await ok(scanId, ids.better, now, score(ids.better, 100));
    await ok(scanId, ids.fresh, now, score(ids.fresh, 10)); // first scan: red, but nothing to compare with
    await writeFailedSnapshot(db, { scanId, accountId: ids.failed, status: "failed", evaluatedAt: now, errorCode: "AccessDenied", errorMessage: "denied" });
  });
  const exception = (accountId: string, days: number, extra: Partial<typeof exceptions.$inferInsert> = {}) => ({
    accountId,
    checkId: "i2.root_mfa",
    category: "accepted_risk" as const,
    reason: `test ${run}`,
    expiresAt: new Date(now.getTime() + days * DAY),
    createdBy: "owner@example.com",
    approvedBy: "approver@example.com",
    approvedAt: now,
    ...extra,
  });
  await db.insert(exceptions).values([
    exception(ids.worse, 3, { resourceId: "arn:aws:iam::1:root" }),
    exception(ids.better, 13),
    exception(ids.better, 20), // beyond the window
    exception(ids.better, -1), // already expired
    exception(ids.fresh, 5, { approvedBy: null, approvedAt: null }), // never approved
    exception(ids.fresh, 6, { revokedBy: "x", revokedAt: now }),
  ]);
});

describe("getScanChanges", () => {
  it("lists the accounts that regressed against their previous scored snapshot, with owner", async () => {
    const changes = await getScanChanges(db, latest, { now, expiringWithinDays: 14 });
    expect(changes?.scan).toMatchObject({ id: latest, trigger: "schedule", state: "partial" });
    expect(changes?.regressions).toEqual([{ accountId: ids.worse, name: `worse-${run}`, owner: `team-worse-${run}`, previous: 81, current: 76 }]);
  });

  it("lists items that turned red, not those red before or on a first scan", async () => {
    const changes = await getScanChanges(db, latest, { now, expiringWithinDays: 14 });
    expect(changes?.newRedItems).toEqual([{ accountId: ids.worse, name: `worse-${run}`, owner: `team-worse-${run}`, item: 2, score: 40, explanation: "item 2 at 40" }]);
  });

  it("lists approved, unrevoked exceptions expiring within the window, soonest first", async () => {
    const changes = await getScanChanges(db, latest, { now, expiringWithinDays: 14 });
    const mine = changes!.expiringExceptions.filter((row) => Object.values(ids).includes(row.accountId));
    expect(mine.map((row) => [row.accountId, row.resourceId])).toEqual([
      [ids.worse, "arn:aws:iam::1:root"],
      [ids.better, null],
    ]);
    expect(mine[0]).toMatchObject({ name: `worse-${run}`, owner: `team-worse-${run}`, checkId: "i2.root_mfa" });
  });

  it("answers null for an unknown scan", async () => {
    expect(await getScanChanges(db, randomUUID(), { now, expiringWithinDays: 14 })).toBeNull();
  });
});
