import { finalizeScan } from "@/db/store/scans";
import type { AccountOutcome } from "@/db/store/scans";
import type { ScanRuntime } from "./runtime";

/**
 * Closes the scan once its last account is in, then tells the runtime's listener (the webhook) without
 * waiting for it: whatever the listener does, the scan is already finished.
 */
export async function finishScanIfDone(runtime: ScanRuntime, scanId: string, outcome: AccountOutcome | null | "all"): Promise<void> {
  if (outcome !== "all" && !(outcome && outcome.done >= outcome.total)) return;
  const closedHere = await finalizeScan(runtime.db, scanId);
  if (closedHere && runtime.onScanFinished) {
    void Promise.resolve()
      .then(() => runtime.onScanFinished?.(scanId))
      .catch((error: unknown) => console.error(`tenfold: after-scan listener failed for scan ${scanId}:`, error));
  }
}
