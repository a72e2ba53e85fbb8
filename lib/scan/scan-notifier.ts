import type { Db } from "@/db/client";
import { getScanChanges } from "@/db/store/scan-changes";
import { getScanRow } from "@/db/store/scans";
import { formatScanSummary } from "@/lib/notify/scan-summary";
import { postWebhook, type WebhookRetryOptions } from "@/lib/notify/webhook";

/** Scans that ran on a schedule: the built-in scheduler and the cron route. CLI runs, rescans and backfills stay quiet. */
const SCHEDULED_TRIGGERS = new Set(["schedule", "cron"]);
/** How far ahead an approved exception's expiry is announced. */
export const EXPIRING_WITHIN_DAYS = 14;

export type ScanNotifierOptions = { db: Db; webhookUrl: string; baseUrl?: string; retry?: WebhookRetryOptions };

/**
 * The runtime's after-scan listener: summarises a finished scheduled scan (regressions, newly red items,
 * expiring exceptions) and posts it to the webhook. Logs, never throws: the scan is already finished.
 */
export function createScanNotifier(options: ScanNotifierOptions): (scanId: string) => Promise<void> {
  return async (scanId) => {
    try {
      const scan = await getScanRow(options.db, scanId);
      if (!scan || !SCHEDULED_TRIGGERS.has(scan.trigger)) return;
      const changes = await getScanChanges(options.db, scanId, { now: new Date(), expiringWithinDays: EXPIRING_WITHIN_DAYS });
      if (!changes) return;
      const message = formatScanSummary(changes, { expiringWithinDays: EXPIRING_WITHIN_DAYS, baseUrl: options.baseUrl });
      if (!message) return;
      const outcome = await postWebhook(options.webhookUrl, message, { ...options.retry, log: (line) => console.error(`tenfold: scan ${scanId}: ${line}`) });
      if (outcome.delivered) console.log(`tenfold: scan ${scanId}: webhook delivered (attempt ${outcome.attempts})`);
    } catch (error) {
      console.error(`tenfold: scan ${scanId}: could not build the webhook summary: ${(error as Error).message}`);
    }
  };
}
