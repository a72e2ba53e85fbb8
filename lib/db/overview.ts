import "server-only";
import { count, desc, eq, isNull } from "drizzle-orm";
import { accounts, orgDaily, scans } from "@/db/schema";
import { getDb } from "./connection";

export type OrgOverviewSummary = {
  scanCount: number;
  accountCount: number;
  lastScan: { id: string; state: string; finishedAt: Date | null; accountsFailed: number } | null;
  latestDay: { day: string; score: number | null; accountsScored: number } | null;
};

export async function getOrgOverview(): Promise<OrgOverviewSummary> {
  const db = await getDb();
  const [scanTotals, accountTotals, lastScanRows, dayRows] = await Promise.all([
    db.select({ value: count() }).from(scans),
    db.select({ value: count() }).from(accounts).where(isNull(accounts.leftAt)),
    db
      .select({ id: scans.id, state: scans.state, finishedAt: scans.finishedAt, accountsFailed: scans.accountsFailed })
      .from(scans)
      .where(eq(scans.trigger, "schedule"))
      .orderBy(desc(scans.createdAt))
      .limit(1),
    db
      .select({ day: orgDaily.day, score: orgDaily.score, accountsScored: orgDaily.accountsScored })
      .from(orgDaily)
      .orderBy(desc(orgDaily.day))
      .limit(1),
  ]);
  return {
    scanCount: scanTotals[0]?.value ?? 0,
    accountCount: accountTotals[0]?.value ?? 0,
    lastScan: lastScanRows[0] ?? null,
    latestDay: dayRows[0] ?? null,
  };
}
