import "server-only";
import { cache } from "react";
import { desc, lte, sql } from "drizzle-orm";
import { accountDaily, accountItemDaily, accounts, orgDaily } from "@/db/schema";
import { accountScope, type Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db/client";
import { endOfDay, type ReviewPeriod } from "@/lib/review/period";
import type { AccountScoreChange, ItemScoreChange, Review, ReviewSummary, ScoreChange } from "@/lib/review/types";
import { accountStatus } from "@/lib/scoring/account-status";
import { statusOf } from "@/lib/scoring/score";
import { rowsOf } from "./account-summaries";
import { getDb } from "./connection";
import { getStatusThresholds } from "./status";
import { listCheckChanges, type SnapshotPair } from "./review-checks";
import { listExpired, listExpiring, listStaleAccounts } from "./review-expiry";

const num = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));
const change = (from: number | null, to: number | null): ScoreChange => ({ from, to, change: from !== null && to !== null ? to - from : null });
const EXPIRY_WINDOW_MS = 14 * 86_400_000;

/**
 * The latest day with scan data the viewer may see: the review's default "to". Admins and viewers read
 * org_daily's primary key; an owner's is the latest day of their accounts (one index probe each).
 */
export async function getReviewLatestDay(viewer: Viewer, database?: Db): Promise<string | null> {
  const db = database ?? (await getDb());
  if (viewer.role !== "owner") {
    const [row] = await db.select({ day: orgDaily.day }).from(orgDaily).orderBy(desc(orgDaily.day)).limit(1);
    return row?.day ?? null;
  }
  const result = await db.execute(sql`
    select max(d.day)::text as day from ${accounts}
    cross join lateral (select day from ${accountDaily} d where d.account_id = accounts.id order by d.day desc limit 1) d
    where ${accountScope(viewer)}`);
  return rowsOf<{ day: string | null }>(result)[0]?.day ?? null;
}

type RawAccount = {
  id: string;
  name: string;
  owner: string | null;
  ou_path: string;
  state: string;
  from_score: number | string | null;
  to_score: number | string | null;
  from_snapshot: number | string | null;
  to_snapshot: number | string | null;
  to_coverage: number | string | null;
  /** Items with a status other than grey on the `to` day (ten when none is grey). */
  to_rated: number | string | null;
};

/**
 * The review of two dates, from the rollups: each account's score on each date is its latest daily score
 * on or before it (as the org rollup carries it forward). Resource-level changes read only the two
 * snapshots per account behind those scores. Everything is limited to the accounts the viewer may see.
 */
export async function getReview(viewer: Viewer, period: ReviewPeriod, options: { now?: Date } = {}, database?: Db): Promise<Review> {
  const [summary, checks] = await Promise.all([getReviewSummary(viewer, period, options, database), getReviewCheckChanges(viewer, period, database)]);
  return { ...summary, checks };
}

/** Everything but the check-by-check changes: rollups and small tables only, for the top of the page. */
export async function getReviewSummary(viewer: Viewer, period: ReviewPeriod, options: { now?: Date } = {}, database?: Db): Promise<ReviewSummary> {
  const db = database ?? (await getDb());
  const now = options.now ?? new Date();
  const own = viewer.role === "owner";
  const scope = accountScope(viewer);
  const expiryStart = new Date(Math.max(now.getTime(), endOfDay(period.to).getTime()));
  const [accountRows, orgRollup, ownItems, expiring, expired, stale] = await Promise.all([
    listAccountScores(viewer, period.from, period.to, db),
    own ? null : orgScores(db, period),
    own ? ownItemScores(db, scope, period) : null,
    listExpiring(db, scope, expiryStart, new Date(expiryStart.getTime() + EXPIRY_WINDOW_MS)),
    // Up to where "expiring" starts: with data dated ahead of today, what expired before that day counts.
    listExpired(db, scope, endOfDay(period.from), expiryStart),
    listStaleAccounts(db, scope, endOfDay(period.to)),
  ]);
  const thresholds = getStatusThresholds();
  const accountsChanged: AccountScoreChange[] = accountRows
    .filter((row) => row.from !== null || row.to !== null)
    .map(({ fromSnapshot: _f, toSnapshot: _t, active: _a, ...row }) => row)
    .sort((a, b) => (a.change ?? Infinity) - (b.change ?? Infinity) || a.name.localeCompare(b.name));
  const org = orgRollup?.org ?? ownOrgScore(accountRows);
  // As on the overview: the organisation is green only when every account scored on `to` is.
  const anyNotGreen = accountRows.some((row) => row.active && row.to !== null && row.status !== "green");
  return {
    period,
    scope: own ? "own" : "organisation",
    generatedAt: now,
    org: { ...org, status: accountStatus(org.to, null, anyNotGreen, thresholds) },
    items: (orgRollup?.items ?? ownItems ?? []).map((item) => ({ ...item, status: statusOf(item.to, { thresholds }) })),
    accounts: accountsChanged,
    expiring,
    expiringWindow: { start: expiryStart, end: new Date(expiryStart.getTime() + EXPIRY_WINDOW_MS) },
    expired,
    stale,
  };
}

/**
 * Checks newly failing and newly fixed, resource by resource: the one part that reads raw check results
 * (two snapshots per account), so the page streams it in its own Suspense boundary.
 */
export async function getReviewCheckChanges(viewer: Viewer, period: ReviewPeriod, database?: Db): Promise<Review["checks"]> {
  const db = database ?? (await getDb());
  const accountRows = await listAccountScores(viewer, period.from, period.to, db);
  const pairs: SnapshotPair[] = accountRows.flatMap((row) =>
    row.fromSnapshot !== null && row.toSnapshot !== null && row.fromSnapshot !== row.toSnapshot
      ? [{ accountId: row.id, from: row.fromSnapshot, to: row.toSnapshot }]
      : [],
  );
  return listCheckChanges(db, pairs, new Map(accountRows.map((row) => [row.id, row])));
}

type AccountScoreRow = AccountScoreChange & { active: boolean; fromSnapshot: number | null; toSnapshot: number | null };
type ItemChangeRow = Omit<ItemScoreChange, "status">;

// Two LATERAL ... LIMIT 1 probes of the account_daily primary key per account, whatever the history length.
// Cached per request (plain arguments, so the summary and the check changes share one read).
const listAccountScores = cache(async (viewer: Viewer, from: string, to: string, db: Db): Promise<AccountScoreRow[]> => {
  const period = { from, to };
  const scope = accountScope(viewer);
  const result = await db.execute(sql`
    select accounts.id, accounts.name, accounts.owner, accounts.ou_path, accounts.state,
           f.score as from_score, f.snapshot_id as from_snapshot, t.score as to_score, t.snapshot_id as to_snapshot, t.coverage as to_coverage,
           (select count(*) from ${accountItemDaily} i where i.account_id = accounts.id and i.day = t.day and i.status <> 'grey') as to_rated
    from ${accounts}
    left join lateral (
      select score, snapshot_id from ${accountDaily} d where d.account_id = accounts.id and d.day <= ${period.from}::date order by d.day desc limit 1
    ) f on true
    left join lateral (
      select day, score, snapshot_id, coverage from ${accountDaily} d where d.account_id = accounts.id and d.day <= ${period.to}::date order by d.day desc limit 1
    ) t on true
    where accounts.left_at is null and ${scope}
    order by accounts.name, accounts.id`);
  const thresholds = getStatusThresholds();
  return rowsOf<RawAccount>(result).map((row) => ({
    id: row.id,
    name: row.name,
    owner: row.owner,
    ouPath: row.ou_path,
    active: row.state === "ACTIVE",
    ...change(num(row.from_score), num(row.to_score)),
    coverage: num(row.to_coverage),
    status: accountStatus(num(row.to_score), num(row.to_coverage), Number(row.to_rated ?? 0) < 10, thresholds),
    fromSnapshot: num(row.from_snapshot),
    toSnapshot: num(row.to_snapshot),
  }));
});

// Admins and viewers: the org rollup's row on or before each date (org_daily keeps one row per scanned day).
async function orgScores(db: Db, period: ReviewPeriod): Promise<{ org: Omit<Review["org"], "status">; items: ItemChangeRow[] }> {
  const dayOn = async (day: string) =>
    (await db.select().from(orgDaily).where(lte(orgDaily.day, day)).orderBy(desc(orgDaily.day)).limit(1))[0] ?? null;
  const [from, to] = await Promise.all([dayOn(period.from), dayOn(period.to)]);
  return {
    org: { ...change(from?.score ?? null, to?.score ?? null), accountsFrom: from?.accountsScored ?? 0, accountsTo: to?.accountsScored ?? 0 },
    items: Array.from({ length: 10 }, (_, index) => {
      const key = String(index + 1);
      return {
        item: index + 1,
        ...change(num(from?.itemScores[key]), num(to?.itemScores[key])),
        passRateFrom: num(from?.itemPassRates[key]),
        passRateTo: num(to?.itemPassRates[key]),
      };
    }),
  };
}

// An owner's "organisation" is their accounts: the same means org_daily takes, over their active accounts.
function ownOrgScore(rows: AccountScoreRow[]): Omit<Review["org"], "status"> {
  const mean = (values: (number | null)[]) => {
    const scored = values.filter((value): value is number => value !== null);
    return { value: scored.length ? scored.reduce((sum, value) => sum + value, 0) / scored.length : null, count: scored.length };
  };
  const active = rows.filter((row) => row.active);
  const from = mean(active.map((row) => row.from));
  const to = mean(active.map((row) => row.to));
  return { ...change(from.value, to.value), accountsFrom: from.count, accountsTo: to.count };
}

type RawItem = { item: number | string; from_score: number | string | null; to_score: number | string | null; from_pass: number | string | null; to_pass: number | string | null };

async function ownItemScores(db: Db, scope: ReturnType<typeof accountScope>, period: ReviewPeriod): Promise<ItemChangeRow[]> {
  const passRate = (alias: string) => sql.raw(`avg(case ${alias}.status when 'green' then 1.0 when 'grey' then null else 0.0 end)`);
  const result = await db.execute(sql`
    select i.item, avg(f.score) as from_score, avg(t.score) as to_score, ${passRate("f")} as from_pass, ${passRate("t")} as to_pass
    from ${accounts}
    cross join generate_series(1, 10) as i(item)
    left join lateral (
      select score, status from ${accountItemDaily} d where d.account_id = accounts.id and d.item = i.item and d.day <= ${period.from}::date order by d.day desc limit 1
    ) f on true
    left join lateral (
      select score, status from ${accountItemDaily} d where d.account_id = accounts.id and d.item = i.item and d.day <= ${period.to}::date order by d.day desc limit 1
    ) t on true
    where accounts.left_at is null and accounts.state = 'ACTIVE' and ${scope}
    group by i.item order by i.item`);
  const byItem = new Map(rowsOf<RawItem>(result).map((row) => [Number(row.item), row]));
  return Array.from({ length: 10 }, (_, index) => {
    const row = byItem.get(index + 1);
    return { item: index + 1, ...change(num(row?.from_score), num(row?.to_score)), passRateFrom: num(row?.from_pass), passRateTo: num(row?.to_pass) };
  });
}
