// Seeds `days` daily scans of `accounts` accounts: accounts, scans and finalisation through the real
// store code (db/store), snapshots through the bulk twin of writeScoredSnapshot (bench/bulk-snapshots.ts),
// or through writeScoredSnapshot itself with `real: true` (the correctness test compares the two).
import type pg from "pg";
import type { Db } from "@/db/client";
import { upsertDiscoveredAccounts } from "@/db/store/accounts";
import { createScan, finalizeScan, markScanRunning } from "@/db/store/scans";
import { writeScoredSnapshot } from "@/db/store/snapshots";
import { bulkWriteScoredSnapshots } from "./bulk-snapshots";
import { benchAccounts, dayClock, historyGenerator } from "./history";

export async function seedHistory(
  deps: { db: Db; pool: pg.Pool },
  options: { accounts: number; days: number; now?: number; real?: boolean; onDay?: (k: number) => void },
): Promise<void> {
  const accounts = benchAccounts(options.accounts);
  await upsertDiscoveredAccounts(deps.db, accounts, { complete: true });
  const now = options.now ?? Date.now();
  const snapshotsOf = historyGenerator(options.days, now);
  for (let k = 0; k < options.days; k++) {
    const asOf = dayClock(k, options.days, now);
    const { id: scanId } = await createScan(deps.db, { trigger: "schedule", asOf, slot: `bench-${asOf.toISOString()}`, requestedBy: "bench" });
    await markScanRunning(deps.db, scanId, { accountsTotal: accounts.length, orgEvidence: {}, apiCalls: { organizations: 3 * accounts.length } });
    const inputs = snapshotsOf(scanId, k, accounts);
    if (options.real) {
      for (const input of inputs) await writeScoredSnapshot(deps.db, input);
    } else {
      const client = await deps.pool.connect();
      try {
        await bulkWriteScoredSnapshots(client, inputs);
      } finally {
        client.release();
      }
    }
    await finalizeScan(deps.db, scanId);
    options.onDay?.(k);
  }
}
