import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { accounts, accountSnapshots, scans } from "@/db/schema";
import { getScanResultDocument, type ScanResultDocument } from "@/db/store/scan-results";
import { NotFoundError } from "@/lib/auth/errors";
import { accountScope, type Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db/client";
import { getDb } from "./connection";

export type ScanSummary = {
  id: string;
  trigger: string;
  state: string;
  requestedBy: string | null;
  /** The clock the checks were evaluated against (in the past for a backfill). */
  asOf: Date;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  accountsTotal: number;
  accountsOk: number;
  accountsPartial: number;
  accountsFailed: number;
  accountsSkipped: number;
  error: string | null;
};

const scanColumns = {
  id: scans.id,
  trigger: scans.trigger,
  state: scans.state,
  requestedBy: scans.requestedBy,
  asOf: scans.asOf,
  createdAt: scans.createdAt,
  startedAt: scans.startedAt,
  finishedAt: scans.finishedAt,
  durationMs: scans.durationMs,
  accountsTotal: scans.accountsTotal,
  accountsOk: scans.accountsOk,
  accountsPartial: scans.accountsPartial,
  accountsFailed: scans.accountsFailed,
  accountsSkipped: scans.accountsSkipped,
  error: scans.error,
};

/**
 * Scan history, newest first. Scans are organisation-level runs and carry only counts, so every signed-in
 * role sees the list; per-account errors (listScanErrors) are filtered by the viewer's scope.
 */
export async function listScans(_viewer: Viewer, limit = 50, database?: Db): Promise<ScanSummary[]> {
  const db = database ?? (await getDb());
  return db.select(scanColumns).from(scans).orderBy(desc(scans.createdAt)).limit(limit);
}

export type ScanErrorRow = { scanId: string; accountId: string; name: string; status: string; errorCode: string | null; errorMessage: string | null };

/** Failed or skipped accounts of the given scans that the viewer may see. */
export async function listScanErrors(viewer: Viewer, scanIds: string[], database?: Db): Promise<ScanErrorRow[]> {
  if (scanIds.length === 0) return [];
  const db = database ?? (await getDb());
  return db
    .select({
      scanId: accountSnapshots.scanId,
      accountId: accountSnapshots.accountId,
      name: accounts.name,
      status: accountSnapshots.status,
      errorCode: accountSnapshots.errorCode,
      errorMessage: accountSnapshots.errorMessage,
    })
    .from(accountSnapshots)
    .innerJoin(accounts, eq(accounts.id, accountSnapshots.accountId))
    .where(and(inArray(accountSnapshots.scanId, scanIds), inArray(accountSnapshots.status, ["failed", "skipped"]), accountScope(viewer)))
    .orderBy(accounts.name);
}

export type ScanProgress = ScanSummary & { done: number; result: ScanResultDocument | null };

/** A scan's progress; once finished, its result document limited to the accounts the viewer may see. */
export async function getScanProgress(viewer: Viewer, scanId: string, database?: Db): Promise<ScanProgress> {
  const db = database ?? (await getDb());
  const [scan] = await db.select(scanColumns).from(scans).where(eq(scans.id, scanId));
  if (!scan) throw new NotFoundError(`no scan ${scanId}`);
  const done = scan.accountsOk + scan.accountsPartial + scan.accountsFailed + scan.accountsSkipped;
  const finished = scan.state !== "queued" && scan.state !== "running";
  let result: ScanResultDocument | null = null;
  if (finished) {
    const visible = await db.select({ id: accounts.id }).from(accounts).where(and(isNull(accounts.leftAt), accountScope(viewer)));
    result = await getScanResultDocument(db, scanId, { accountIds: visible.map((row) => row.id) });
  }
  return { ...scan, done, result };
}
