// The review of two demo weeks, scanned through the real scanner, against the same numbers computed here
// straight from the raw snapshots; and the Markdown export renders those numbers.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attestations, exceptions } from "@/db/schema";
import { createScan, finalizeScan, markScanRunning } from "@/db/store/scans";
import { writeFailedSnapshot } from "@/db/store/snapshots";
import { ITEM_SHORT } from "@/components/scorecard/item-labels";
import { ownerScope } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDelta, shownScore } from "@/lib/format";
import { reviewMarkdown } from "@/lib/review/markdown";
import { topMovers } from "@/lib/review/movers";
import type { Review } from "@/lib/review/types";
import { DEMO_LOG_ARCHIVE_ID, demoClock, demoScenarioAt } from "@/sandbox/demo";
import { startScanHarness, type ScanHarness } from "@/test/scan-harness";
import { getReview, getReviewLatestDay } from "./review";

const FROM_WEEK = 2; // then week 3 fixes orders-prod's old access key and week 4 ships secrets in analytics-dev
const TO_WEEK = 4;
const day = (week: number) => demoClock(week).toISOString().slice(0, 10);
const period = { from: day(FROM_WEEK), to: day(TO_WEEK) };
const DAY = 86_400_000;
// Scores as the pages and exports show them (rounded down, like their status).
const round = shownScore;

function viewer(role: Viewer["role"], groups: string[] = []): Viewer {
  return { id: randomUUID(), email: null, name: role, role, ...ownerScope(null, groups, { ouOwners: [] }), demo: false };
}
const ciso = viewer("viewer");
const ordersOwner = viewer("owner", ["team-orders@example.com"]);

type Num = number | string | null;
const rows = <T,>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []));
const num = (value: Num) => (value === null ? null : Number(value));

describe("the review of two demo weeks", () => {
  let harness: ScanHarness;
  let review: Review;
  const now = new Date();
  const ids: Record<string, string> = {};

  // The state on a date, straight from the raw tables: each active account's last good snapshot before the
  // end of that day, its score, and its item scores.
  async function stateOn(date: string) {
    const end = new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString();
    const latest = sql`
      select distinct on (s.account_id) s.account_id, s.id, s.score, a.name, a.owner
      from account_snapshots s join accounts a on a.id = s.account_id
      where s.status in ('ok', 'partial') and s.evaluated_at < ${end}::timestamptz and a.left_at is null and a.state = 'ACTIVE'
      order by s.account_id, s.evaluated_at desc, s.id desc`;
    const db = harness.connection.db;
    const accounts = rows<{ account_id: string; id: Num; score: Num; name: string; owner: string | null }>(await db.execute(latest));
    const items = rows<{ item: Num; score: Num }>(await db.execute(sql`with latest as (${latest}) select r.item, avg(r.score) as score from latest l join item_results r on r.snapshot_id = l.id group by r.item`));
    const scored = accounts.map((row) => num(row.score)).filter((score): score is number => score !== null);
    return {
      org: scored.reduce((sum, score) => sum + score, 0) / scored.length,
      accounts: new Map(accounts.map((row) => [row.account_id, { snapshot: Number(row.id), score: num(row.score), name: row.name, owner: row.owner }])),
      items: new Map(items.map((row) => [Number(row.item), num(row.score)])),
    };
  }

  beforeAll(async () => {
    harness = await startScanHarness({
      scenario: demoScenarioAt(FROM_WEEK),
      env: { TENFOLD_REGIONS: "us-east-1,eu-west-1", TENFOLD_LOG_ARCHIVE_ACCOUNT_ID: DEMO_LOG_ARCHIVE_ID },
    });
    await harness.scan({ trigger: "backfill", asOf: demoClock(FROM_WEEK) });
    harness.sandbox.setScenario(demoScenarioAt(TO_WEEK));
    await harness.scan({ trigger: "backfill", asOf: demoClock(TO_WEEK) });
    const db = harness.connection.db;
    for (const row of rows<{ id: string; name: string }>(await db.execute(sql`select id, name from accounts`))) ids[row.name] = row.id;

    // One account's own rescan fails after the weekly scan: unreachable as of "to".
    const rescanAt = new Date(demoClock(TO_WEEK).getTime() + 3_600_000);
    const { id: rescan } = await createScan(db, { trigger: "rescan", asOf: rescanAt, accountIds: [ids["web-dev"]!] });
    await markScanRunning(db, rescan, { accountsTotal: 1, orgEvidence: {}, apiCalls: {} });
    await writeFailedSnapshot(db, { scanId: rescan, accountId: ids["web-dev"]!, status: "failed", evaluatedAt: rescanAt, errorCode: "AccessDenied", errorMessage: "not authorized to assume the role" });
    await finalizeScan(db, rescan);

    const at = (days: number) => new Date(now.getTime() + days * DAY);
    const exception = (name: string, reason: string, expiresAt: Date, extra: Partial<typeof exceptions.$inferInsert> = {}) => ({
      accountId: ids[name]!, checkId: "i2.root_hardware_mfa", category: "pending_fix" as const, reason, expiresAt, createdBy: "olivia@example.com", approvedBy: "alice@example.com", approvedAt: at(-20), ...extra,
    });
    await db.insert(exceptions).values([
      exception("orders-prod", "expires in 5 days", at(5)),
      exception("orders-prod", "not approved yet", at(5), { approvedBy: null, approvedAt: null }),
      exception("orders-prod", "revoked", at(5), { revokedBy: "alice@example.com", revokedAt: at(-1) }),
      exception("orders-prod", "expires in 20 days", at(20)),
      exception("payments-prod", "expired yesterday", at(-1)),
      exception("payments-prod", "expired before from", new Date(Date.parse(`${period.from}T12:00:00Z`))),
    ]);
    await db.insert(attestations).values([
      { accountId: ids["payments-prod"]!, checkId: "i1.contacts_attested", statement: "attested, expires in 10 days", attestedBy: "olivia@example.com", expiresAt: at(10) },
      { accountId: ids["payments-prod"]!, checkId: "i1.contacts_attested", statement: "revoked attestation", attestedBy: "olivia@example.com", expiresAt: at(3), revokedAt: at(-1), revokedBy: "alice@example.com" },
    ]);
    review = await getReview(ciso, period, { now }, db);
  }, 600_000);
  afterAll(() => harness?.stop());

  it("defaults to the latest day with data", async () => {
    expect(await getReviewLatestDay(ciso, harness.connection.db)).toBe(period.to);
  });

  it("gives the organisation's and every item's change as the raw snapshots do", async () => {
    const [from, to] = await Promise.all([stateOn(period.from), stateOn(period.to)]);
    expect(review.org.from).toBeCloseTo(from.org, 3);
    expect(review.org.to).toBeCloseTo(to.org, 3);
    expect(review.org.change).toBeCloseTo(to.org - from.org, 3);
    for (const item of review.items) {
      expect(item.from, `item ${item.item}`).toBeCloseTo(from.items.get(item.item)!, 3);
      expect(item.to, `item ${item.item}`).toBeCloseTo(to.items.get(item.item)!, 3);
    }
    for (const account of review.accounts.filter((row) => to.accounts.has(row.id))) {
      expect(account.change, account.name).toBeCloseTo(to.accounts.get(account.id)!.score! - from.accounts.get(account.id)!.score!, 3);
    }
  });

  it("names the regressions and the fixes of the timeline, resource by resource", () => {
    const names = (list: Review["checks"]["newlyFailing"]) => new Set(list.map((row) => `${row.accountName} ${row.item}`));
    expect(names(review.checks.newlyFailing)).toContain("analytics-dev 3");
    expect(names(review.checks.fixed)).toContain("orders-prod 9");
    expect(review.checks.newlyFailing.find((row) => row.accountName === "analytics-dev" && row.item === 3)?.resource).toMatchObject({ id: expect.any(String) });
    expect(review.checks.accountsPruned).toBe(0);
    const { regressed, improved } = topMovers(review.accounts);
    expect(regressed.map((row) => row.name)).toContain("analytics-dev");
    expect(improved.map((row) => row.name)).toContain("orders-prod");
    expect(regressed[0]?.owner).toEqual(expect.stringContaining("@example.com"));
  });

  it("finds the same checks that flipped as a query over the two snapshots", async () => {
    const [from, to] = await Promise.all([stateOn(period.from), stateOn(period.to)]);
    const pairs = [...to.accounts].flatMap(([accountId, row]) => (from.accounts.has(accountId) ? [[accountId, from.accounts.get(accountId)!.snapshot, row.snapshot] as const] : []));
    const flipped = { failing: new Set<string>(), fixed: new Set<string>() };
    for (const [accountId, fromSnapshot, toSnapshot] of pairs) {
      const result = await harness.connection.db.execute(sql`
        select t.check_id, f.result as before, t.result as after from check_results t
        join check_results f on f.snapshot_id = ${fromSnapshot} and f.check_id = t.check_id
        where t.snapshot_id = ${toSnapshot} and t.result <> 'unknown' and f.result <> 'unknown'`);
      for (const row of rows<{ check_id: string; before: string; after: string }>(result)) {
        const failing = (value: string) => value === "fail" || value === "warn";
        if (failing(row.after) && !failing(row.before)) flipped.failing.add(`${accountId} ${row.check_id}`);
        if (failing(row.before) && !failing(row.after)) flipped.fixed.add(`${accountId} ${row.check_id}`);
      }
    }
    const checkLevel = (list: Review["checks"]["fixed"]) => new Set(list.filter((row) => row.scope === "check").map((row) => `${row.accountId} ${row.checkId}`));
    expect(checkLevel(review.checks.newlyFailing)).toEqual(flipped.failing);
    expect(checkLevel(review.checks.fixed)).toEqual(flipped.fixed);
  });

  it("renders the same numbers in the Markdown export", async () => {
    const [from, to] = await Promise.all([stateOn(period.from), stateOn(period.to)]);
    const markdown = reviewMarkdown(review);
    expect(markdown).toContain(`Organisation score: **${round(from.org)} → ${round(to.org)}** (${formatDelta(round(to.org) - round(from.org))})`);
    for (let item = 1; item <= 10; item++) {
      const [before, after] = [from.items.get(item)!, to.items.get(item)!];
      expect(markdown).toContain(`| ${item}. ${ITEM_SHORT[item]} | ${round(before)} | ${round(after)} | ${formatDelta(round(after) - round(before))} |`);
    }
    for (const account of topMovers(review.accounts).regressed) {
      const [before, after] = [from.accounts.get(account.id)!.score!, to.accounts.get(account.id)!.score!];
      expect(markdown).toContain(`| ${account.name} | ${account.owner ?? "—"} | ${round(before)} | ${round(after)} | ${formatDelta(round(after) - round(before))} |`);
    }
    expect(markdown).toContain(`## Newly failing (${review.checks.newlyFailing.length})`);
  });

  it("lists approved, unrevoked exceptions and attestations expiring in the next 14 days, and those expired since from", () => {
    expect(review.expiring.map((row) => row.text)).toEqual(["expires in 5 days", "attested, expires in 10 days"]);
    expect(review.expiring.map((row) => row.kind)).toEqual(["exception", "attestation"]);
    expect(review.expiring[0]).toMatchObject({ accountName: "orders-prod", owner: "team-orders@example.com", by: "olivia@example.com" });
    expect(review.expired.map((row) => row.text)).toEqual(["expired yesterday"]);
  });

  it("marks an account whose latest scan failed as unreachable, and no other", () => {
    expect(review.stale).toEqual([
      expect.objectContaining({ name: "web-dev", kind: "unreachable", errorCode: "AccessDenied", lastGoodAt: demoClock(TO_WEEK) }),
    ]);
  });

  it("shows an owner only their accounts, their mean as the score, and their expiries", async () => {
    const own = await getReview(ordersOwner, period, { now }, harness.connection.db);
    expect(own.scope).toBe("own");
    expect(new Set(own.accounts.map((row) => row.owner))).toEqual(new Set(["team-orders@example.com"]));
    const [from, to] = await Promise.all([stateOn(period.from), stateOn(period.to)]);
    const mine = (state: typeof from) => [...state.accounts.values()].filter((row) => row.owner === "team-orders@example.com").map((row) => row.score!);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(own.org.from).toBeCloseTo(mean(mine(from)), 3);
    expect(own.org.to).toBeCloseTo(mean(mine(to)), 3);
    expect(own.items).toHaveLength(10);
    expect(own.expiring.map((row) => row.text)).toEqual(["expires in 5 days"]);
    expect(own.expired).toEqual([]);
    expect(own.checks.newlyFailing.every((row) => row.owner === "team-orders@example.com")).toBe(true);
    expect(await getReviewLatestDay(ordersOwner, harness.connection.db)).toBe(period.to);
  });
});
