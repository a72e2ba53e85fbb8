import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { accounts, exceptions, scans } from "../schema";

// What changed with one finished scan, for the after-scan webhook: each scored account against its
// previous scored snapshot (item_results are kept by retention, so the comparison survives pruning).

export type ScanChanges = {
  scan: { id: string; trigger: string; state: string; asOf: Date; accountsTotal: number; accountsFailed: number };
  /** Accounts whose rounded score fell against their previous scored snapshot, largest drop first. */
  regressions: { accountId: string; name: string; owner: string | null; previous: number; current: number }[];
  /** Items red in this scan that were not red in the account's previous scored snapshot. */
  newRedItems: { accountId: string; name: string; owner: string | null; item: number; score: number | null; explanation: string }[];
  /** Approved, unrevoked exceptions that expire within the window. */
  expiringExceptions: { id: string; accountId: string; name: string; owner: string | null; checkId: string; resourceId: string | null; expiresAt: Date }[];
};

type RawCompared = { account_id: string; name: string; owner: string | null; score: number | string; previous: number | string };
type RawNewRed = { account_id: string; name: string; owner: string | null; item: number | string; score: number | string | null; explanation: string };

// node-postgres answers db.execute with { rows }; keep the narrowing in one place.
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []));

export async function getScanChanges(db: Db, scanId: string, options: { now: Date; expiringWithinDays: number }): Promise<ScanChanges | null> {
  const [scan] = await db
    .select({ id: scans.id, trigger: scans.trigger, state: scans.state, asOf: scans.asOf, accountsTotal: scans.accountsTotal, accountsFailed: scans.accountsFailed })
    .from(scans)
    .where(eq(scans.id, scanId));
  if (!scan) return null;
  // Each scored snapshot of the scan with the account's previous scored snapshot (LATERAL … LIMIT 1 on
  // account_snapshots_account_idx).
  const pairs = sql`
    select s.id as snapshot_id, s.account_id, s.score, p.id as previous_id, p.score as previous
    from account_snapshots s
    cross join lateral (
      select id, score from account_snapshots p
      where p.account_id = s.account_id and p.score is not null
        and (p.evaluated_at < s.evaluated_at or (p.evaluated_at = s.evaluated_at and p.id < s.id))
      order by p.evaluated_at desc, p.id desc limit 1
    ) p
    where s.scan_id = ${scanId} and s.score is not null`;
  const until = new Date(options.now.getTime() + options.expiringWithinDays * 86_400_000);
  const [compared, newRed, expiring] = await Promise.all([
    db.execute(sql`
      with pairs as (${pairs})
      select pairs.account_id, a.name, a.owner, pairs.score, pairs.previous
      from pairs join accounts a on a.id = pairs.account_id
      where round(pairs.score::numeric) < round(pairs.previous::numeric)
      order by pairs.score - pairs.previous, a.name`),
    db.execute(sql`
      with pairs as (${pairs})
      select pairs.account_id, a.name, a.owner, i.item, i.score, i.explanation
      from pairs
      join accounts a on a.id = pairs.account_id
      join item_results i on i.snapshot_id = pairs.snapshot_id and i.status = 'red'
      join item_results before on before.snapshot_id = pairs.previous_id and before.item = i.item and before.status <> 'red'
      order by a.name, i.item`),
    db
      .select({
        id: exceptions.id,
        accountId: exceptions.accountId,
        name: accounts.name,
        owner: accounts.owner,
        checkId: exceptions.checkId,
        resourceId: exceptions.resourceId,
        expiresAt: exceptions.expiresAt,
      })
      .from(exceptions)
      .innerJoin(accounts, eq(accounts.id, exceptions.accountId))
      .where(
        and(isNotNull(exceptions.approvedAt), isNull(exceptions.revokedAt), isNull(accounts.leftAt), gt(exceptions.expiresAt, options.now), lte(exceptions.expiresAt, until)),
      )
      .orderBy(asc(exceptions.expiresAt), asc(accounts.name)),
  ]);
  return {
    scan,
    regressions: rowsOf<RawCompared>(compared).map((row) => ({ accountId: row.account_id, name: row.name, owner: row.owner, previous: Number(row.previous), current: Number(row.score) })),
    newRedItems: rowsOf<RawNewRed>(newRed).map((row) => ({
      accountId: row.account_id,
      name: row.name,
      owner: row.owner,
      item: Number(row.item),
      score: row.score === null ? null : Number(row.score),
      explanation: row.explanation,
    })),
    expiringExceptions: expiring,
  };
}
