import "server-only";
import type { PgBoss } from "pg-boss";
import type { Db } from "@/db/client";
import { actorOf } from "@/lib/auth/audit";
import { assertCan, type Viewer } from "@/lib/auth/viewer";
import { getJobClient } from "@/lib/scan/job-client";
import { requestScan } from "@/lib/scan/request-scan";
import { getAccountForViewer } from "./accounts";
import { getDb } from "./connection";

/**
 * "Rescan now": a one-account scan, if the viewer may see the account (404 otherwise) and their role may
 * rescan (403). Returns at once; the worker picks the job up and GET /api/scans/<id> reports progress.
 */
export async function requestRescan(
  viewer: Viewer,
  accountId: string,
  deps: { db?: Db; boss?: () => Promise<PgBoss> } = {},
): Promise<{ scanId: string }> {
  const db = deps.db ?? (await getDb());
  await getAccountForViewer(viewer, accountId, db);
  assertCan(viewer, "rescan");
  const boss = await (deps.boss ?? getJobClient)();
  const { scanId } = await requestScan({ db, boss }, { trigger: "rescan", accountIds: [accountId], requestedBy: actorOf(viewer) });
  return { scanId };
}
