import "server-only";
import { cache } from "react";
import { and, asc, avg, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { accountDaily, accountItemDaily, accounts, orgDaily, ownerDaily, scans } from "@/db/schema";
import { accountScope, type Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db/client";
import { getDb } from "./connection";

/** One day of the organisation (or an owner's accounts): score, per-item scores and pass rates (0..1). */
export type OrgDayRow = {
  day: string;
  score: number | null;
  itemScores: Record<string, number | null>;
  itemPassRates: Record<string, number | null>;
};

const DAY_MS = 86_400_000;
const since = (days: number, now = new Date()) => new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);

const nullableNumber = (value: unknown): number | null => (value === null ? null : Number(value));

/**
 * The daily series for the last `days` days. Admins and viewers read org_daily; an owner's series is the
 * mean over their accounts, so an owner never sees other accounts in it: summed per owner value in
 * owner_daily, or aggregated live from the per-account rollups when OU prefixes are part of the scope.
 */
export const getOrgTrend = cache(async (viewer: Viewer, days: number, database?: Db): Promise<OrgDayRow[]> => {
  const db = database ?? (await getDb());
  const from = since(days);
  if (viewer.role !== "owner") {
    return db
      .select({ day: orgDaily.day, score: orgDaily.score, itemScores: orgDaily.itemScores, itemPassRates: orgDaily.itemPassRates })
      .from(orgDaily)
      .where(gte(orgDaily.day, from))
      .orderBy(asc(orgDaily.day));
  }
  return viewer.ouPrefixes.length === 0 ? ownerTrendFromRollup(db, viewer.ownerValues, from) : ownerTrendLive(db, viewer, from);
});

/** An owner's series from owner_daily: a range read over their owner values (db/store/owner-rollup.ts). */
async function ownerTrendFromRollup(db: Db, ownerValues: string[], from: string): Promise<OrgDayRow[]> {
  if (ownerValues.length === 0) return [];
  const rows = await db
    .select({
      day: ownerDaily.day,
      item: ownerDaily.item,
      score: sql<number | null>`sum(${ownerDaily.scoreSum}) / nullif(sum(${ownerDaily.scored}), 0)`.mapWith(nullableNumber),
      passRate: sql<number | null>`sum(${ownerDaily.green})::float8 / nullif(sum(${ownerDaily.rated}), 0)`.mapWith(nullableNumber),
    })
    .from(ownerDaily)
    .where(and(inArray(ownerDaily.owner, ownerValues), gte(ownerDaily.day, from)))
    .groupBy(ownerDaily.day, ownerDaily.item)
    .orderBy(asc(ownerDaily.day), asc(ownerDaily.item));
  // Item 0 is the account score (see db/schema/rollups.ts).
  return seriesOf(
    rows.filter((row) => row.item === 0),
    rows.filter((row) => row.item !== 0),
  );
}

/** An owner's series aggregated live from the per-account rollups of the accounts in their scope. */
export async function ownerTrendLive(db: Db, viewer: Viewer, from: string): Promise<OrgDayRow[]> {
  const scope = accountScope(viewer);
  const [scores, items] = await Promise.all([
    db
      .select({ day: accountDaily.day, score: avg(accountDaily.score).mapWith(Number) })
      .from(accountDaily)
      .innerJoin(accounts, eq(accounts.id, accountDaily.accountId))
      .where(and(scope, gte(accountDaily.day, from)))
      .groupBy(accountDaily.day)
      .orderBy(asc(accountDaily.day)),
    db
      .select({
        day: accountItemDaily.day,
        item: accountItemDaily.item,
        score: avg(accountItemDaily.score).mapWith(Number),
        passRate: sql<number | null>`avg(case ${accountItemDaily.status} when 'green' then 1.0 when 'grey' then null else 0.0 end)`.mapWith(nullableNumber),
      })
      .from(accountItemDaily)
      .innerJoin(accounts, eq(accounts.id, accountItemDaily.accountId))
      .where(and(scope, gte(accountItemDaily.day, from)))
      .groupBy(accountItemDaily.day, accountItemDaily.item),
  ]);
  return seriesOf(scores, items);
}

/** Days in the order of `scores` (one row per day), each with its items' scores and pass rates. */
function seriesOf(
  scores: { day: string; score: number | null }[],
  items: { day: string; item: number; score: number | null; passRate: number | null }[],
): OrgDayRow[] {
  const byDay = new Map<string, OrgDayRow>(scores.map((row) => [row.day, { day: row.day, score: row.score, itemScores: {}, itemPassRates: {} }]));
  for (const row of items) {
    const day = byDay.get(row.day);
    if (!day) continue;
    day.itemScores[String(row.item)] = row.score;
    day.itemPassRates[String(row.item)] = row.passRate;
  }
  return [...byDay.values()];
}

/** One account's daily score and its per-item scores over the last `days` days (caller checked the scope). */
export async function getAccountTrend(accountId: string, days: number, database?: Db) {
  const db = database ?? (await getDb());
  const from = since(days);
  const [scores, items] = await Promise.all([
    db
      .select({ day: accountDaily.day, score: accountDaily.score })
      .from(accountDaily)
      .where(and(eq(accountDaily.accountId, accountId), gte(accountDaily.day, from)))
      .orderBy(asc(accountDaily.day)),
    db
      .select({ day: accountItemDaily.day, item: accountItemDaily.item, score: accountItemDaily.score, status: accountItemDaily.status })
      .from(accountItemDaily)
      .where(and(eq(accountItemDaily.accountId, accountId), gte(accountItemDaily.day, from)))
      .orderBy(asc(accountItemDaily.day)),
  ]);
  return { scores, items };
}

export type FreshnessSummary = {
  lastFullScan: { id: string; state: string; finishedAt: Date | null; startedAt: Date | null; accountsFailed: number } | null;
  running: { id: string; trigger: string } | null;
};

/** When the last organisation-wide scan finished, and whether one is running now. */
export const getFreshness = cache(async (database?: Db): Promise<FreshnessSummary> => {
  const db = database ?? (await getDb());
  const [full, running] = await Promise.all([
    db
      .select({ id: scans.id, state: scans.state, finishedAt: scans.finishedAt, startedAt: scans.startedAt, accountsFailed: scans.accountsFailed })
      .from(scans)
      .where(and(sql`${scans.trigger} <> 'rescan'`, sql`${scans.state} in ('succeeded', 'partial', 'failed')`))
      .orderBy(desc(scans.createdAt))
      .limit(1),
    db
      .select({ id: scans.id, trigger: scans.trigger })
      .from(scans)
      .where(sql`${scans.state} in ('queued', 'running')`)
      .orderBy(desc(scans.createdAt))
      .limit(1),
  ]);
  return { lastFullScan: full[0] ?? null, running: running[0] ?? null };
});
