import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { checkResults, checkStates, latestItemResults } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db/client";
import { compareChecksByUrgency } from "@/lib/check-order";
import { getAccountForViewer } from "./accounts";
import { getDb } from "./connection";
import { checkDetailColumns, type CheckDetailRow } from "./item-details";

/** A drill-down check row with its item, the override that changed it (if any) and when it was evaluated. */
export type AccountCheckRow = CheckDetailRow & {
  item: number;
  /** Which exception or attestation changed the result (originalResult says what the check found). */
  overrideId: string | null;
  evaluatedAt: Date;
};

/**
 * Every check of the account's latest good result, item by item in the drill-down's order (failing
 * first): what the ten drill-down pages show, for the checks export. NotFound/OutOfScope outside scope.
 */
export async function listAccountChecks(viewer: Viewer, accountId: string, database?: Db): Promise<AccountCheckRow[]> {
  const db = database ?? (await getDb());
  await getAccountForViewer(viewer, accountId, db);
  const rows = await db
    .select({
      ...checkDetailColumns,
      item: checkResults.item,
      overrideId: checkResults.overrideId,
      evaluatedAt: latestItemResults.evaluatedAt,
    })
    .from(latestItemResults)
    .innerJoin(checkResults, and(eq(checkResults.snapshotId, latestItemResults.snapshotId), eq(checkResults.item, latestItemResults.item)))
    .leftJoin(checkStates, and(eq(checkStates.accountId, accountId), eq(checkStates.checkId, checkResults.checkId)))
    .where(eq(latestItemResults.accountId, accountId))
    .orderBy(asc(checkResults.item), asc(checkResults.checkId));
  return rows.sort((a, b) => a.item - b.item || compareChecksByUrgency(a, b));
}
