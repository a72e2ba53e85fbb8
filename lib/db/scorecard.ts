import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { accounts, accountSnapshots, scans } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db/client";
import { getAccountSummary, type AccountSummaryRow } from "./account-summaries";
import { getDb } from "./connection";
import { getAccountTrend } from "./trends";

export type AccountScorecard = {
  summary: AccountSummaryRow;
  meta: { state: string; ouId: string | null; joinedAt: Date | null; firstSeenAt: Date };
  /** The snapshot the page's scores come from. */
  lastGood: { scanId: string; evaluatedAt: Date; score: number | null; coverage: number | null; status: string } | null;
  /** The latest scan that reached the account, good or not, with its error. */
  lastScan: { scanId: string; trigger: string; evaluatedAt: Date; status: string; errorCode: string | null; errorMessage: string | null } | null;
  /** Daily account score and per-item scores. */
  trend: Awaited<ReturnType<typeof getAccountTrend>>;
};

/** Everything the account scorecard shows; NotFound/OutOfScope when the viewer may not see the account. */
export async function getAccountScorecard(viewer: Viewer, accountId: string, trendDays = 90, database?: Db): Promise<AccountScorecard> {
  const db = database ?? (await getDb());
  const summary = await getAccountSummary(viewer, accountId, db);
  const [metaRows, lastGoodRows, lastScanRows, trend] = await Promise.all([
    db.select({ state: accounts.state, ouId: accounts.ouId, joinedAt: accounts.joinedAt, firstSeenAt: accounts.firstSeenAt }).from(accounts).where(eq(accounts.id, accountId)),
    db
      .select({ scanId: accountSnapshots.scanId, evaluatedAt: accountSnapshots.evaluatedAt, score: accountSnapshots.score, coverage: accountSnapshots.coverage, status: accountSnapshots.status })
      .from(accountSnapshots)
      .where(and(eq(accountSnapshots.accountId, accountId), inArray(accountSnapshots.status, ["ok", "partial"])))
      .orderBy(desc(accountSnapshots.evaluatedAt))
      .limit(1),
    db
      .select({
        scanId: accountSnapshots.scanId,
        trigger: scans.trigger,
        evaluatedAt: accountSnapshots.evaluatedAt,
        status: accountSnapshots.status,
        errorCode: accountSnapshots.errorCode,
        errorMessage: accountSnapshots.errorMessage,
      })
      .from(accountSnapshots)
      .innerJoin(scans, eq(scans.id, accountSnapshots.scanId))
      .where(eq(accountSnapshots.accountId, accountId))
      .orderBy(desc(accountSnapshots.evaluatedAt), desc(accountSnapshots.id))
      .limit(1),
    getAccountTrend(accountId, trendDays, db),
  ]);
  const meta = metaRows[0];
  if (!meta) throw new Error(`account ${accountId} vanished`);
  return { summary, meta, lastGood: lastGoodRows[0] ?? null, lastScan: lastScanRows[0] ?? null, trend };
}
