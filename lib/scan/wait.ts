import type { Db } from "@/db/client";
import { getScanRow } from "@/db/store/scans";

export type ScanProgress = { state: string; done: number; total: number };

const FINISHED = new Set(["succeeded", "partial", "failed"]);

/** Polls a scan until it finishes; reports progress whenever it changes. */
export async function waitForScan(
  db: Db,
  scanId: string,
  options: { onProgress?: (progress: ScanProgress) => void; pollMs?: number; timeoutMs?: number } = {},
): Promise<ScanProgress> {
  const deadline = Date.now() + (options.timeoutMs ?? 60 * 60 * 1000);
  let last = "";
  for (;;) {
    const scan = await getScanRow(db, scanId);
    if (!scan) throw new Error(`scan ${scanId} does not exist`);
    const progress = {
      state: scan.state,
      done: scan.accountsOk + scan.accountsPartial + scan.accountsFailed + scan.accountsSkipped,
      total: scan.accountsTotal,
    };
    const key = `${progress.state}:${progress.done}/${progress.total}`;
    if (key !== last) options.onProgress?.(progress);
    last = key;
    if (FINISHED.has(scan.state)) return progress;
    if (Date.now() > deadline) throw new Error(`scan ${scanId} did not finish in time (${key})`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
}
