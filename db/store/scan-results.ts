import { and, asc, eq, inArray } from "drizzle-orm";
import { ITEMS } from "@/lib/scoring/catalogue";
import type { Db } from "../client";
import { accounts, accountSnapshots, checkResults, itemResults, scans } from "../schema";

// The scan result document (scanner issue §5): what `npm run scan -- --json` writes and GET /api/scans/<id> returns.

export type ScanResultDocument = {
  scanId: string;
  trigger: string;
  state: string;
  asOf: string;
  startedAt: string | null;
  finishedAt: string | null;
  apiCalls: Record<string, number>;
  accounts: {
    accountId: string;
    name: string;
    status: "ok" | "partial" | "failed" | "skipped";
    error: { code: string; message: string } | null;
    score: number | null;
    items: {
      item: number;
      key: string;
      score: number | null;
      status: "green" | "amber" | "red" | "grey";
      coverage: number;
      explanation: string;
      checks: { id: string; result: string; severity: string; reason: string; resources: unknown[]; source?: string }[];
    }[];
  }[];
};

const ITEM_KEY = new Map<number, string>(ITEMS.map((item) => [item.item, item.key]));

export async function getScanResultDocument(db: Db, scanId: string, options: { accountIds?: string[] } = {}): Promise<ScanResultDocument | null> {
  const scan = (await db.select().from(scans).where(eq(scans.id, scanId)))[0];
  if (!scan) return null;
  const snapshots = await db
    .select({
      id: accountSnapshots.id,
      accountId: accountSnapshots.accountId,
      name: accounts.name,
      status: accountSnapshots.status,
      score: accountSnapshots.score,
      errorCode: accountSnapshots.errorCode,
      errorMessage: accountSnapshots.errorMessage,
    })
    .from(accountSnapshots)
    .innerJoin(accounts, eq(accounts.id, accountSnapshots.accountId))
    .where(
      and(
        eq(accountSnapshots.scanId, scanId),
        options.accountIds ? inArray(accountSnapshots.accountId, options.accountIds) : undefined,
      ),
    )
    .orderBy(asc(accounts.name));
  const ids = snapshots.map((snapshot) => snapshot.id);
  const [items, checks] = ids.length
    ? await Promise.all([
        db.select().from(itemResults).where(inArray(itemResults.snapshotId, ids)).orderBy(asc(itemResults.item)),
        db.select().from(checkResults).where(inArray(checkResults.snapshotId, ids)).orderBy(asc(checkResults.checkId)),
      ])
    : [[], []];

  return {
    scanId: scan.id,
    trigger: scan.trigger,
    state: scan.state,
    asOf: scan.asOf.toISOString(),
    startedAt: scan.startedAt?.toISOString() ?? null,
    finishedAt: scan.finishedAt?.toISOString() ?? null,
    apiCalls: scan.apiCalls,
    accounts: snapshots.map((snapshot) => ({
      accountId: snapshot.accountId,
      name: snapshot.name,
      status: snapshot.status,
      error: snapshot.errorCode ? { code: snapshot.errorCode, message: snapshot.errorMessage ?? "" } : null,
      score: snapshot.score,
      items: items
        .filter((item) => item.snapshotId === snapshot.id)
        .map((item) => ({
          item: item.item,
          key: ITEM_KEY.get(item.item) ?? String(item.item),
          score: item.score,
          status: item.status,
          coverage: item.coverage,
          explanation: item.explanation,
          checks: checks
            .filter((check) => check.item === item.item && check.snapshotId === snapshot.id)
            .map((check) => ({
              id: check.checkId,
              result: check.result,
              severity: check.severity,
              reason: check.reason,
              resources: check.resources,
              ...(check.source ? { source: check.source } : {}),
            })),
        })),
    })),
  };
}
