import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { diffCheck } from "@/lib/review/check-diff";
import type { CheckChangeRow, Review } from "@/lib/review/types";
import { CHECK_BY_ID, type CheckDef } from "@/lib/scoring/catalogue";
import type { ResourceRef } from "@/lib/scoring/types";
import { rowsOf } from "./account-summaries";

/** The snapshots behind an account's daily score on each date (the caller checked the viewer's scope). */
export type SnapshotPair = { accountId: string; from: number; to: number };

type RawCheckPair = {
  account_id: string;
  check_id: string;
  item: number | string;
  severity: string;
  from_result: string;
  to_result: string;
  from_resources: ResourceRef[];
  to_resources: ResourceRef[];
};

const SEVERITY_ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const bigintArray = (ids: number[]) => `{${ids.map((id) => Math.trunc(id)).join(",")}}`;

/**
 * Checks newly failing and newly fixed between each account's two snapshots, resource by resource. Postgres
 * reads only those snapshots' check results and returns only the checks whose result flipped or whose
 * failing resources differ; diffCheck names the resources.
 */
export async function listCheckChanges(db: Db, pairs: SnapshotPair[], accountsById: Map<string, { name: string; owner: string | null }>): Promise<Review["checks"]> {
  if (pairs.length === 0) return { newlyFailing: [], fixed: [], accountsCompared: 0, accountsPruned: 0 };
  const accountIds = `{${pairs.map((pair) => `"${pair.accountId.replace(/[^0-9A-Za-z_-]/g, "")}"`).join(",")}}`;
  const fromIds = bigintArray(pairs.map((pair) => pair.from));
  const toIds = bigintArray(pairs.map((pair) => pair.to));
  const pairsSql = sql`select * from unnest(${accountIds}::text[], ${fromIds}::bigint[], ${toIds}::bigint[]) as p(account_id, from_snapshot, to_snapshot)`;
  const failing = (alias: string) => sql.raw(`${alias}.result in ('fail', 'warn')`);
  // One pair at a time: each side is one probe of the (snapshot_id, check_id) unique index, already in
  // check order, so Postgres joins ~50 rows per account in memory. `offset 0` keeps the subquery per pair:
  // flattened, the planner misjudges the rows per snapshot and hashes the whole check_results table (17 s
  // at a year of history), and a join of both full sides sorts 50,000 rows with their resources (≈ 25 ms
  // slower at 1,000 accounts; docs/benchmarks.md).
  const [changed, pruned] = await Promise.all([
    db.execute(sql`
      select p.account_id, c.*
      from (${pairsSql}) p
      cross join lateral (
        select t.check_id, t.item, t.severity, f.result as from_result, t.result as to_result,
               f.resources as from_resources, t.resources as to_resources
        from check_results t
        join check_results f on f.snapshot_id = p.from_snapshot and f.check_id = t.check_id
        where t.snapshot_id = p.to_snapshot and t.result <> 'unknown' and f.result <> 'unknown'
          and ((${failing("t")}) <> (${failing("f")}) or ((${failing("t")}) and t.resources <> f.resources))
        offset 0
      ) c`),
    // Raw results older than the retention window are pruned; those accounts cannot be compared.
    db.execute(sql`
      with pairs as (${pairsSql})
      select count(*)::int as pruned from pairs p
      where not exists (select 1 from check_results c where c.snapshot_id = p.from_snapshot)
         or not exists (select 1 from check_results c where c.snapshot_id = p.to_snapshot)`),
  ]);
  const newlyFailing: CheckChangeRow[] = [];
  const fixed: CheckChangeRow[] = [];
  for (const row of rowsOf<RawCheckPair>(changed)) {
    const account = accountsById.get(row.account_id);
    const base = {
      accountId: row.account_id,
      accountName: account?.name ?? row.account_id,
      owner: account?.owner ?? null,
      checkId: row.check_id,
      checkTitle: (CHECK_BY_ID as Record<string, CheckDef | undefined>)[row.check_id]?.title ?? row.check_id,
      item: Number(row.item),
      severity: row.severity,
      fromResult: row.from_result,
      toResult: row.to_result,
    };
    const diff = diffCheck({ result: row.from_result, resources: row.from_resources ?? [] }, { result: row.to_result, resources: row.to_resources ?? [] });
    for (const entry of diff.newlyFailing) newlyFailing.push({ ...base, ...entry });
    for (const entry of diff.fixed) fixed.push({ ...base, ...entry });
  }
  const prunedCount = Number(rowsOf<{ pruned: number | string }>(pruned)[0]?.pruned ?? 0);
  return { newlyFailing: newlyFailing.sort(byImportance), fixed: fixed.sort(byImportance), accountsCompared: pairs.length - prunedCount, accountsPruned: prunedCount };
}

// Most severe first, then by account and check, so the meeting starts with what matters.
function byImportance(a: CheckChangeRow, b: CheckChangeRow): number {
  return (
    (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
    a.accountName.localeCompare(b.accountName) ||
    a.checkId.localeCompare(b.checkId) ||
    (a.resource?.id ?? "").localeCompare(b.resource?.id ?? "")
  );
}
