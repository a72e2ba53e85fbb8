// The dashboard's data layer on a real database, through the real writers: scores, stale accounts,
// drill-down, item across the org and scans, each as an owner sees it (only their accounts) and as a viewer.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/client";
import { upsertDiscoveredAccounts } from "@/db/store/accounts";
import { createScan, finalizeScan, markScanRunning } from "@/db/store/scans";
import { writeFailedSnapshot, writeScoredSnapshot } from "@/db/store/snapshots";
import { NotFoundError, OutOfScopeError } from "@/lib/auth/errors";
import { ownerScope } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import type { AccountScore, CheckResult, ItemResult } from "@/lib/scoring/types";
import { getAccountSummary, listAccountSummaries } from "./account-summaries";
import { getItemAcrossOrg, getItemDrillDown } from "./item-details";
import { getScanProgress, listScanErrors, listScans } from "./scans";
import { getAccountScorecard } from "./scorecard";
import { getOrgTrend, ownerTrendLive } from "./trends";

const connection = connect(inject("databaseUrl"), { max: 4 });
afterAll(() => connection.close());
const db = connection.db;

const run = randomUUID().slice(0, 8);
const team = `dash-team-${run}`;
const other = `dash-other-${run}`;
const newId = () => String(Math.floor(1e11 + Math.random() * 8.99e11));
const ids = { mine: newId(), mineStale: newId(), theirs: newId() };

function viewerFor(role: Viewer["role"], groups: string[]): Viewer {
  return { id: randomUUID(), email: `${role}-${run}@example.com`, name: role, role, ...ownerScope(null, groups, { ouOwners: [] }), demo: false };
}
const owner = viewerFor("owner", [team]);
const ciso = viewerFor("viewer", ["ciso"]);

const DAY = 86_400_000;
const now = Date.now();
const weekAgo = new Date(now - 8 * DAY);
const today = new Date(now - 60_000);

function score(accountId: string, rootMfa: CheckResult["result"], itemScore: number): AccountScore {
  const items: ItemResult[] = Array.from({ length: 10 }, (_, index) => {
    const item = (index + 1) as ItemResult["item"];
    const checks: CheckResult[] =
      item === 2
        ? [
            { id: "i2.root_mfa", item: 2, result: rootMfa, severity: "critical", reason: `root mfa ${rootMfa}`, resources: rootMfa === "fail" ? [{ kind: "root", id: `arn:aws:iam::${accountId}:root`, detail: "no MFA device" }] : [] },
            { id: "i2.console_users_mfa", item: 2, result: "pass", severity: "high", reason: "all users have MFA", resources: [] },
          ]
        : [];
    const value = item === 2 ? (rootMfa === "fail" ? 40 : 100) : itemScore;
    return { item, key: "mfa", title: `item ${item}`, score: value, status: value === 100 ? "green" : value >= 60 ? "amber" : "red", coverage: 1, checks, explanation: `item ${item}: ${value}` };
  });
  const mean = items.reduce((sum, item) => sum + (item.score ?? 0), 0) / items.length;
  return { accountId, items, score: mean, status: "amber", coverage: 1 };
}

async function scanOf(asOf: Date, write: (scanId: string) => Promise<void>, total: number) {
  const { id } = await createScan(db, { trigger: "cli", asOf });
  await markScanRunning(db, id, { accountsTotal: total, orgEvidence: {}, apiCalls: {} });
  await write(id);
  await finalizeScan(db, id);
  return id;
}

let latestScan = "";

beforeAll(async () => {
  await upsertDiscoveredAccounts(
    db,
    [
      { id: ids.mine, name: `mine-${run}`, email: `mine-${run}@example.com`, state: "ACTIVE", ouId: null, ouPath: `Root/Dash-${run}`, tags: { env: "prod" }, owner: team },
      { id: ids.mineStale, name: `mine-stale-${run}`, email: `stale-${run}@example.com`, state: "ACTIVE", ouId: null, ouPath: `Root/Dash-${run}`, tags: {}, owner: team },
      { id: ids.theirs, name: `theirs-${run}`, email: `theirs-${run}@example.com`, state: "ACTIVE", ouId: null, ouPath: `Root/Other-${run}`, tags: {}, owner: other },
    ],
    { complete: false },
  );
  const ok = (scanId: string, accountId: string, at: Date, s: AccountScore) =>
    writeScoredSnapshot(db, { scanId, accountId, status: "ok", evaluatedAt: at, startedAt: at, finishedAt: at, apiCalls: {}, score: s });
  await scanOf(weekAgo, async (scanId) => {
    await ok(scanId, ids.mine, weekAgo, score(ids.mine, "pass", 60));
    await ok(scanId, ids.mineStale, weekAgo, score(ids.mineStale, "pass", 80));
    await ok(scanId, ids.theirs, weekAgo, score(ids.theirs, "fail", 50));
  }, 3);
  latestScan = await scanOf(today, async (scanId) => {
    await ok(scanId, ids.mine, today, score(ids.mine, "fail", 70));
    await writeFailedSnapshot(db, { scanId, accountId: ids.mineStale, status: "failed", evaluatedAt: today, errorCode: "AccessDenied", errorMessage: "not authorized to assume the role" });
    await ok(scanId, ids.theirs, today, score(ids.theirs, "fail", 50));
  }, 3);
});

describe("listAccountSummaries", () => {
  it("gives an owner only their accounts, with score, weekly change and item cells", async () => {
    const rows = await listAccountSummaries(owner, db);
    expect(rows.map((row) => row.id).sort()).toEqual([ids.mine, ids.mineStale].sort());
    const mine = rows.find((row) => row.id === ids.mine)!;
    expect(Math.round(mine.score!)).toBe(67); // (9 × 70 + 40) / 10
    expect(Math.round(mine.change7d!)).toBe(67 - 64); // week before: (9 × 60 + 100) / 10
    expect(mine.items).toHaveLength(10);
    expect(mine.items[1]).toMatchObject({ item: 2, status: "red", score: 40 });
    expect(mine.stale).toBeNull();
  });

  it("marks an account whose latest scan failed as stale since its last good snapshot, keeping its scores", async () => {
    const stale = (await listAccountSummaries(owner, db)).find((row) => row.id === ids.mineStale)!;
    expect(stale.lastStatus).toBe("failed");
    expect(stale.stale).toEqual({ since: weekAgo, errorCode: "AccessDenied", errorMessage: "not authorized to assume the role" });
    expect(Math.round(stale.score!)).toBe(82);
  });

  it("gives a viewer every account", async () => {
    const rows = await listAccountSummaries(ciso, db);
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(Object.values(ids)));
  });
});

describe("scorecard and drill-down", () => {
  it("reads one account with its last scan and error", async () => {
    const card = await getAccountScorecard(owner, ids.mineStale, 90, db);
    expect(card.lastScan).toMatchObject({ status: "failed", errorCode: "AccessDenied", scanId: latestScan });
    expect(card.lastGood?.evaluatedAt).toEqual(weekAgo);
    expect(card.trend.scores).toHaveLength(1);
  });

  it("answers another owner's account as out of scope (404), a missing one as not found", async () => {
    await expect(getAccountSummary(owner, ids.theirs, db)).rejects.toBeInstanceOf(OutOfScopeError);
    await expect(getItemDrillDown(owner, ids.theirs, 2, db)).rejects.toBeInstanceOf(OutOfScopeError);
    await expect(getAccountScorecard(owner, "000000000000", 90, db)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the item's checks with resources and since when they fail", async () => {
    const detail = await getItemDrillDown(owner, ids.mine, 2, db);
    expect(detail?.status).toBe("red");
    const root = detail?.checks.find((check) => check.checkId === "i2.root_mfa");
    expect(root).toMatchObject({ result: "fail", severity: "critical", resources: [{ kind: "root", id: `arn:aws:iam::${ids.mine}:root`, detail: "no MFA device" }] });
    expect(root?.since).toEqual(today);
    expect(detail?.checks.find((check) => check.checkId === "i2.console_users_mfa")?.since).toEqual(weekAgo);
  });
});

describe("item across the org", () => {
  it("shows an owner their failing accounts and resources, never another owner's", async () => {
    const across = await getItemAcrossOrg(owner, 2, db);
    expect(across.accounts.map((row) => row.accountId).sort()).toEqual([ids.mine, ids.mineStale].sort());
    expect(across.accounts.find((row) => row.accountId === ids.mine)?.failing).toEqual([{ checkId: "i2.root_mfa", result: "fail", since: today }]);
    expect(across.resources.map((row) => row.id)).toEqual([`arn:aws:iam::${ids.mine}:root`]);
  });

  it("shows a viewer every failing account", async () => {
    const across = await getItemAcrossOrg(ciso, 2, db);
    expect(across.resources.map((row) => row.id)).toEqual(expect.arrayContaining([`arn:aws:iam::${ids.mine}:root`, `arn:aws:iam::${ids.theirs}:root`]));
  });
});

describe("trends", () => {
  it("builds an owner's series from their accounts only", async () => {
    const series = await getOrgTrend(owner, 30, db);
    const last = series.at(-1)!;
    // Only `mine` has a row on the latest day (the stale account's scan failed).
    expect(Math.round(last.score!)).toBe(67);
    expect(last.itemScores["2"]).toBe(40);
    expect(last.itemPassRates["2"]).toBe(0);
  });

  // owner_daily (db/store/owner-rollup.ts) must give what aggregating the account rollups live gives.
  const from = new Date(now - 30 * DAY).toISOString().slice(0, 10);
  const expectSameSeries = async (viewer: Viewer) => {
    const rolled = await getOrgTrend(viewer, 30, db);
    const live = await ownerTrendLive(db, viewer, from);
    expect(rolled.map((day) => day.day)).toEqual(live.map((day) => day.day));
    rolled.forEach((day, index) => {
      const other = live[index]!;
      expect(day.score ?? NaN).toBeCloseTo(other.score ?? NaN, 9);
      for (const item of Object.keys(other.itemScores)) {
        expect(day.itemScores[item] ?? NaN).toBeCloseTo(other.itemScores[item] ?? NaN, 9);
        expect(day.itemPassRates[item] ?? NaN).toBeCloseTo(other.itemPassRates[item] ?? NaN, 9);
      }
      expect(Object.keys(day.itemScores).sort()).toEqual(Object.keys(other.itemScores).sort());
    });
    return rolled;
  };

  it("reads an owner's series from the owner rollup, equal to aggregating their accounts live", async () => {
    expect((await expectSameSeries(owner)).length).toBe(2);
  });

  it("moves an account's history to its new owner when its owner tag changes", async () => {
    const moved = newId();
    const [before, after] = [`dash-before-${run}`, `dash-after-${run}`];
    const account = (ownerValue: string) => ({ id: moved, name: `moved-${run}`, email: `moved-${run}@example.com`, state: "ACTIVE", ouId: null, ouPath: `Root/Moved-${run}`, tags: {}, owner: ownerValue });
    await upsertDiscoveredAccounts(db, [account(before)], { complete: false });
    await scanOf(weekAgo, (scanId) => writeScoredSnapshot(db, { scanId, accountId: moved, status: "ok", evaluatedAt: weekAgo, startedAt: weekAgo, finishedAt: weekAgo, apiCalls: {}, score: score(moved, "fail", 30) }).then(() => undefined), 1);
    const [oldOwner, newOwner] = [viewerFor("owner", [before]), viewerFor("owner", [after])];
    expect(await expectSameSeries(oldOwner)).toHaveLength(1);
    expect(await expectSameSeries(newOwner)).toHaveLength(0);

    await upsertDiscoveredAccounts(db, [account(after.toUpperCase())], { complete: false });
    expect(await expectSameSeries(oldOwner)).toHaveLength(0);
    const series = await expectSameSeries(newOwner);
    expect(series).toHaveLength(1);
    expect(series[0]!.itemScores["2"]).toBe(40);
  });
});

describe("scans", () => {
  it("lists scans and scopes per-account errors to the viewer", async () => {
    expect((await listScans(owner, 200, db)).map((scan) => scan.id)).toContain(latestScan);
    expect((await listScanErrors(owner, [latestScan], db)).map((error) => error.accountId)).toEqual([ids.mineStale]);
    const otherOwner = viewerFor("owner", [other]);
    expect(await listScanErrors(otherOwner, [latestScan], db)).toEqual([]);
  });

  it("reports progress and limits the finished scan's result to the viewer's accounts", async () => {
    const progress = await getScanProgress(owner, latestScan, db);
    expect(progress).toMatchObject({ state: "partial", done: 3, accountsTotal: 3 });
    expect(progress.result?.accounts.map((account) => account.accountId).sort()).toEqual([ids.mine, ids.mineStale].sort());
    await expect(getScanProgress(owner, randomUUID(), db)).rejects.toBeInstanceOf(NotFoundError);
  });
});
