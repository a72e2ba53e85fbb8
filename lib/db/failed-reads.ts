import "server-only";
import { cache } from "react";
import { sql } from "drizzle-orm";
import { accountDaily, accounts, checkResults } from "@/db/schema";
import type { Db } from "@/db/client";
import { accountScope, type Viewer } from "@/lib/auth/viewer";
import { COVERAGE_ATTENTION } from "@/lib/scoring/account-status";
import { rowsOf } from "./account-summaries";
import { getDb } from "./connection";

/** Why an account's checks could not be read: one line per distinct reason, most checks first. */
export type FailedRead = { reason: string; checks: number };

type RawRead = { account_id: string; reason: string; checks: number | string };

/**
 * For every account the viewer may see (or just `accountId`) whose latest day's coverage is below COVERAGE_ATTENTION: the reasons
 * its unknown checks gave in that day's snapshot (e.g. "AccessDenied: iam:GetAccountSummary"). One query,
 * reading raw check results only for those accounts. Cached per request like the summaries beside it.
 */
export const listFailedReads = cache(async (viewer: Viewer, accountId?: string, database?: Db): Promise<Map<string, FailedRead[]>> => {
  const db = database ?? (await getDb());
  const only = accountId === undefined ? sql`true` : sql`${accounts.id} = ${accountId}`;
  const result = await db.execute(sql`
    select ${accounts.id} as account_id, c.reason, count(*) as checks
    from ${accounts}
    cross join lateral (
      select snapshot_id, coverage from ${accountDaily} d where d.account_id = ${accounts.id} order by d.day desc limit 1
    ) d
    join ${checkResults} c on c.snapshot_id = d.snapshot_id and c.result = 'unknown'
    where ${accounts.leftAt} is null and ${accountScope(viewer)} and ${only} and d.coverage < ${COVERAGE_ATTENTION}
    group by ${accounts.id}, c.reason
    order by ${accounts.id}, count(*) desc, c.reason`);
  const byAccount = new Map<string, FailedRead[]>();
  for (const row of rowsOf<RawRead>(result)) {
    const list = byAccount.get(row.account_id) ?? [];
    list.push({ reason: row.reason, checks: Number(row.checks) });
    byAccount.set(row.account_id, list);
  }
  return byAccount;
});
