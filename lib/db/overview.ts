import "server-only";
import { and, avg, count, desc, eq, isNull } from "drizzle-orm";
import { accountDaily, accounts, orgDaily, scans } from "@/db/schema";
import { accountScope, type Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db/client";
import { getDb } from "./connection";

export type OrgOverviewSummary = {
  /** "organisation" for admins and viewers; "own" when an owner sees only the accounts mapped to them. */
  scope: "organisation" | "own";
  scanCount: number;
  accountCount: number;
  lastScan: { id: string; state: string; finishedAt: Date | null; accountsFailed: number } | null;
  latestDay: { day: string; score: number | null; accountsScored: number } | null;
};

export async function getOrgOverview(viewer: Viewer, database?: Db): Promise<OrgOverviewSummary> {
  const db = database ?? (await getDb());
  const own = viewer.role === "owner";
  const scope = accountScope(viewer);
  const [scanTotals, accountTotals, lastScanRows, dayRows] = await Promise.all([
    db.select({ value: count() }).from(scans),
    db.select({ value: count() }).from(accounts).where(and(isNull(accounts.leftAt), scope)),
    db
      .select({ id: scans.id, state: scans.state, finishedAt: scans.finishedAt, accountsFailed: scans.accountsFailed })
      .from(scans)
      .where(eq(scans.trigger, "schedule"))
      .orderBy(desc(scans.createdAt))
      .limit(1),
    own
      ? // An owner's "organisation score" is the mean over their accounts, from the per-account rollup.
        db
          .select({ day: accountDaily.day, score: avg(accountDaily.score).mapWith(Number), accountsScored: count(accountDaily.score) })
          .from(accountDaily)
          .innerJoin(accounts, eq(accounts.id, accountDaily.accountId))
          .where(scope)
          .groupBy(accountDaily.day)
          .orderBy(desc(accountDaily.day))
          .limit(1)
      : db
          .select({ day: orgDaily.day, score: orgDaily.score, accountsScored: orgDaily.accountsScored })
          .from(orgDaily)
          .orderBy(desc(orgDaily.day))
          .limit(1),
  ]);
  return {
    scope: own ? "own" : "organisation",
    scanCount: scanTotals[0]?.value ?? 0,
    accountCount: accountTotals[0]?.value ?? 0,
    lastScan: lastScanRows[0] ?? null,
    latestDay: dayRows[0] ?? null,
  };
}
