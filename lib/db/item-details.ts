import "server-only";
import { and, asc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { accounts, checkResults, checkStates, latestItemResults } from "@/db/schema";
import { accountScope, type Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db/client";
import type { ItemStatus, ResourceRef } from "@/lib/scoring/types";
import { getAccountForViewer } from "./accounts";
import { getDb } from "./connection";

export type CheckDetailRow = {
  checkId: string;
  result: string;
  severity: string;
  reason: string;
  resources: ResourceRef[];
  resourcesTruncated: number;
  source: string | null;
  /** What the scan found when an exception or attestation changed the result, else null. */
  originalResult: string | null;
  /** Since when the current result has held: "first seen failing" for a failing check. */
  since: Date | null;
};

/** The columns of a CheckDetailRow, for queries joining check_results to check_states. */
export const checkDetailColumns = {
  checkId: checkResults.checkId,
  result: checkResults.result,
  severity: checkResults.severity,
  reason: checkResults.reason,
  resources: checkResults.resources,
  resourcesTruncated: checkResults.resourcesTruncated,
  source: checkResults.source,
  originalResult: checkResults.originalResult,
  since: checkStates.since,
};

export type ItemDrillDown = {
  item: number;
  status: ItemStatus;
  score: number | null;
  coverage: number;
  explanation: string;
  evaluatedAt: Date;
  checks: CheckDetailRow[];
} | null;

/**
 * One account × item with every check of its last good snapshot. The only page that reads raw
 * check_results, through the (snapshot, check) unique index. Throws NotFound/OutOfScope outside scope.
 */
export async function getItemDrillDown(viewer: Viewer, accountId: string, item: number, database?: Db): Promise<ItemDrillDown> {
  const db = database ?? (await getDb());
  await getAccountForViewer(viewer, accountId, db);
  const [latest] = await db
    .select({
      snapshotId: latestItemResults.snapshotId,
      status: latestItemResults.status,
      score: latestItemResults.score,
      coverage: latestItemResults.coverage,
      explanation: latestItemResults.explanation,
      evaluatedAt: latestItemResults.evaluatedAt,
    })
    .from(latestItemResults)
    .where(and(eq(latestItemResults.accountId, accountId), eq(latestItemResults.item, item)));
  if (!latest) return null;
  const checks = await db
    .select(checkDetailColumns)
    .from(checkResults)
    .leftJoin(checkStates, and(eq(checkStates.accountId, accountId), eq(checkStates.checkId, checkResults.checkId)))
    .where(and(eq(checkResults.snapshotId, latest.snapshotId), eq(checkResults.item, item)))
    .orderBy(asc(checkResults.checkId));
  const { snapshotId: _snapshotId, ...rest } = latest;
  return { item, ...rest, checks };
}

export type ItemAccountRow = {
  accountId: string;
  name: string;
  ouPath: string;
  owner: string | null;
  status: ItemStatus;
  score: number | null;
  explanation: string;
  /** Checks of this item currently failing or warning, with since when. */
  failing: { checkId: string; result: string; since: Date }[];
};

export type FailingResourceRow = { checkId: string; kind: string; id: string; region: string | null; detail: string | null; accounts: number };

/**
 * One item across the viewer's accounts: the status per account with its failing checks (from
 * check_states), and the most common failing resources (from the latest snapshots' check results, joined
 * through latest_item_results so only one snapshot per account is read).
 */
export async function getItemAcrossOrg(viewer: Viewer, item: number, database?: Db): Promise<{ accounts: ItemAccountRow[]; resources: FailingResourceRow[] }> {
  const db = database ?? (await getDb());
  const scope = and(isNull(accounts.leftAt), accountScope(viewer));
  const [rows, failing, resources] = await Promise.all([
    db
      .select({
        accountId: accounts.id,
        name: accounts.name,
        ouPath: accounts.ouPath,
        owner: accounts.owner,
        status: latestItemResults.status,
        score: latestItemResults.score,
        explanation: latestItemResults.explanation,
      })
      .from(accounts)
      .innerJoin(latestItemResults, and(eq(latestItemResults.accountId, accounts.id), eq(latestItemResults.item, item)))
      .where(scope)
      .orderBy(sql`${latestItemResults.score} asc nulls last`, asc(accounts.name)),
    db
      .select({ accountId: checkStates.accountId, checkId: checkStates.checkId, result: checkStates.result, since: checkStates.since })
      .from(checkStates)
      .innerJoin(accounts, eq(accounts.id, checkStates.accountId))
      .where(and(scope, like(checkStates.checkId, `i${item}.%`), inArray(checkStates.result, ["fail", "warn"])))
      .orderBy(asc(checkStates.checkId)),
    db.execute(sql`
      select c.check_id, r->>'kind' as kind, r->>'id' as id, r->>'region' as region, r->>'detail' as detail,
             count(distinct l.account_id)::int as accounts
      from ${latestItemResults} l
      join ${accounts} on ${accounts.id} = l.account_id
      join ${checkResults} c on c.snapshot_id = l.snapshot_id and c.item = l.item
      cross join lateral jsonb_array_elements(c.resources) r
      where l.item = ${item} and ${scope} and c.result in ('fail', 'warn')
      group by 1, 2, 3, 4, 5
      order by accounts desc, c.check_id, id
      limit 20`),
  ]);
  const failingBy = new Map<string, ItemAccountRow["failing"]>();
  for (const row of failing) {
    const list = failingBy.get(row.accountId) ?? [];
    list.push({ checkId: row.checkId, result: row.result, since: row.since });
    failingBy.set(row.accountId, list);
  }
  return {
    accounts: rows.map((row) => ({ ...row, failing: failingBy.get(row.accountId) ?? [] })),
    resources: resourceRows<RawResourceRow>(resources).map((row) => ({ checkId: row.check_id, kind: row.kind, id: row.id, region: row.region, detail: row.detail, accounts: Number(row.accounts) })),
  };
}

type RawResourceRow = { check_id: string; kind: string; id: string; region: string | null; detail: string | null; accounts: number };

// node-postgres returns { rows }, PGlite's drizzle driver the same; keep the narrowing in one place.
function resourceRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
