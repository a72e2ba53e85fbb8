import { Cron } from "croner";
import type { PgBoss } from "pg-boss";
import type { Db } from "@/db/client";
import { requestScan } from "./request-scan";

/**
 * The built-in scheduler of the embedded default: one org scan per cron slot. Every process may run it;
 * the slot (the scheduled time) is unique per scan, so several schedulers still start one scan per slot.
 */
export function startScheduler(deps: { db: Db; boss: PgBoss }, expression: string): { stop: () => void; next: () => Date | null } {
  const cron = new Cron(expression, { timezone: "UTC", protect: true }, async (self: Cron) => {
    const slot = (self.currentRun() ?? new Date()).toISOString();
    try {
      const { scanId, created } = await requestScan(deps, { trigger: "schedule", slot, requestedBy: "scheduler" });
      if (created) console.log(`scheduler: scan ${scanId} started for slot ${slot}`);
    } catch (error) {
      console.error(`scheduler: could not start the scan for slot ${slot}: ${(error as Error).message}`);
    }
  });
  return { stop: () => cron.stop(), next: () => cron.nextRun() };
}
