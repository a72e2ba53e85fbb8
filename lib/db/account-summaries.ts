import "server-only";
import { cache } from "react";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { accountDaily, accounts, accountSnapshots, latestItemResults } from "@/db/schema";
import { NotFoundError } from "@/lib/auth/errors";
import { accountScope, type Viewer } from "@/lib/auth/viewer";
import { getAccountForViewer } from "./accounts";
import type { Db } from "@/db/client";
import { accountStatus } from "@/lib/scoring/account-status";
import type { ItemStatus } from "@/lib/scoring/types";
import { getDb } from "./connection";
import { getStatusThresholds } from "./status";

type RawSnapshot = { account_id: string; status: AccountSummaryRow["lastStatus"] & string; evaluated_ms: number | string; error_code: string | null; error_message: string | null };
type RawItem = { account_id: string; item: number | string; status: ItemStatus; score: number | string | null; explanation: string; evaluated_ms: number | string };
type RawDaily = { account_id: string; day: string; score: number | string | null; coverage: number | string | null; red_items: number | string; week_old_score: number | string | null };

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));

// node-postgres answers db.execute with { rows }; keep the narrowing in one place.
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

export type ItemCell = { item: number; status: ItemStatus; score: number | null; explanation: string };

/** One row of the accounts list and the overview heatmap: read from the rollups only. */
export type AccountSummaryRow = {
  id: string;
  name: string;
  email: string;
  /** Organizations state: ACTIVE, SUSPENDED… Suspended accounts are listed but not scanned. */
  state: string;
  ouPath: string;
  owner: string | null;
  tags: Record<string, string>;
  /** Score of the last good snapshot (0–100), null before the first one. */
  score: number | null;
  /** Share of the applicable checks the last good scan could read (0..1); null before the first one. */
  coverage: number | null;
  /** What the badges show: the score under the scorer's thresholds, never green with a grey item or low coverage. */
  status: ItemStatus;
  /** Change against the account's score 7 days before its latest day; null without history. */
  change7d: number | null;
  redItems: number;
  /** The ten items (missing ones grey), ordered by item number. */
  items: ItemCell[];
  lastScannedAt: Date | null;
  /** Result of the latest scan that reached the account. */
  lastStatus: "ok" | "partial" | "failed" | "skipped" | null;
  /** Set when the latest snapshot failed (not when skipped): the pages show "stale since" the last good one. */
  stale: { since: Date | null; errorCode: string | null; errorMessage: string | null } | null;
};


/**
 * Every account the viewer may see with its score, 7-day change, item statuses and freshness. Five indexed
 * queries, whatever the number of accounts: accounts, latest item results, latest snapshot, latest and
 * week-old daily scores (DISTINCT ON over the (account, day) primary key).
 */
// Cached per request: the overview's widgets each ask for it and share one read.
export const listAccountSummaries = cache(async (viewer: Viewer, database?: Db): Promise<AccountSummaryRow[]> => {
  const db = database ?? (await getDb());
  return summaries(db, and(isNull(accounts.leftAt), accountScope(viewer)));
});

/** One account's summary, if the viewer may see it; NotFoundError / OutOfScopeError otherwise. */
export async function getAccountSummary(viewer: Viewer, accountId: string, database?: Db): Promise<AccountSummaryRow> {
  const db = database ?? (await getDb());
  await getAccountForViewer(viewer, accountId, db);
  const [row] = await summaries(db, eq(accounts.id, accountId));
  if (!row) throw new NotFoundError(`no account ${accountId}`);
  return row;
}

async function summaries(db: Db, where: SQL | undefined): Promise<AccountSummaryRow[]> {
  const rows = await db
    .select({ id: accounts.id, name: accounts.name, email: accounts.email, state: accounts.state, ouPath: accounts.ouPath, owner: accounts.owner, tags: accounts.tags })
    .from(accounts)
    .where(where)
    .orderBy(accounts.name, accounts.id);
  if (rows.length === 0) return [];
  // Latest snapshot and latest / week-old daily score per account through LATERAL ... LIMIT 1, so each is
  // an index probe per account (account_snapshots_account_idx, the account_daily primary key), not a sort.
  const [itemResult, snapshotResult, dailyResult] = await Promise.all([
    // Ten rows per account (10,000 at 1,000 accounts): read raw, as drizzle's per-field row mapping was the
    // hottest JavaScript of the overview at that size (this read: 46 → 38 ms; docs/benchmarks.md).
    db.execute(sql`
      select l.account_id, l.item, l.status, l.score, l.explanation, (extract(epoch from l.evaluated_at) * 1000)::float8 as evaluated_ms
      from ${latestItemResults} l join ${accounts} on ${accounts.id} = l.account_id
      where ${where ?? sql`true`}`),
    db.execute(sql`
      select ${accounts.id} as account_id, s.status, (extract(epoch from s.evaluated_at) * 1000)::float8 as evaluated_ms, s.error_code, s.error_message
      from ${accounts}
      cross join lateral (
        select status, evaluated_at, error_code, error_message from ${accountSnapshots} s
        where s.account_id = ${accounts.id} order by s.evaluated_at desc, s.id desc limit 1
      ) s
      where ${where ?? sql`true`}`),
    db.execute(sql`
      select ${accounts.id} as account_id, d.day::text as day, d.score, d.coverage, d.red_items, w.score as week_old_score
      from ${accounts}
      cross join lateral (
        select day, score, coverage, red_items from ${accountDaily} d where d.account_id = ${accounts.id} order by d.day desc limit 1
      ) d
      left join lateral (
        select score from ${accountDaily} w where w.account_id = ${accounts.id} and w.day <= d.day - 7 order by w.day desc limit 1
      ) w on true
      where ${where ?? sql`true`}`),
  ]);
  const snapshots = rowsOf<RawSnapshot>(snapshotResult).map((row) => ({
    accountId: row.account_id,
    status: row.status,
    evaluatedAt: new Date(Number(row.evaluated_ms)),
    errorCode: row.error_code,
    errorMessage: row.error_message,
  }));
  const latestDay = new Map(
    rowsOf<RawDaily>(dailyResult).map((row) => [row.account_id, { day: row.day, score: num(row.score), coverage: num(row.coverage), redItems: Number(row.red_items), weekOld: num(row.week_old_score) }]),
  );
  const itemsByAccount = new Map<string, ItemCell[]>();
  const lastGoodMs = new Map<string, number>();
  for (const row of rowsOf<RawItem>(itemResult)) {
    const list = itemsByAccount.get(row.account_id) ?? [];
    list.push({ item: Number(row.item), status: row.status, score: num(row.score), explanation: row.explanation });
    itemsByAccount.set(row.account_id, list);
    const evaluatedMs = Number(row.evaluated_ms);
    if (evaluatedMs > (lastGoodMs.get(row.account_id) ?? -Infinity)) lastGoodMs.set(row.account_id, evaluatedMs);
  }
  const lastSnapshot = new Map(snapshots.map((row) => [row.accountId, row]));
  const thresholds = getStatusThresholds();
  return rows.map((row) => {
    const day = latestDay.get(row.id);
    const snapshot = lastSnapshot.get(row.id);
    const cells = itemsByAccount.get(row.id) ?? [];
    const before = day?.weekOld;
    const score = day?.score ?? null;
    const lastGood = lastGoodMs.get(row.id);
    const items = Array.from({ length: 10 }, (_, index) => cells.find((cell) => cell.item === index + 1) ?? { item: index + 1, status: "grey" as const, score: null, explanation: "Not scored yet" });
    const coverage = day?.coverage ?? null;
    return {
      ...row,
      score,
      coverage,
      status: accountStatus(score, coverage, items.some((cell) => cell.status === "grey"), thresholds),
      change7d: score !== null && before != null ? score - before : null,
      redItems: day?.redItems ?? 0,
      items,
      lastScannedAt: snapshot?.evaluatedAt ?? null,
      lastStatus: snapshot?.status ?? null,
      stale:
        snapshot?.status === "failed"
          ? { since: lastGood === undefined ? null : new Date(lastGood), errorCode: snapshot.errorCode, errorMessage: snapshot.errorMessage }
          : null,
    };
  });
}

