import { PgBoss } from "pg-boss";

// Queue names and policies. One org job per scan fans out one account job per (scan, account); an account
// job that fails for good lands in the dead-letter queue, whose handler records the failure so the scan
// can still finish.
export const QUEUES = {
  scan: "tenfold-scan",
  account: "tenfold-account",
  accountFailed: "tenfold-account-failed",
} as const;

export type ScanJob = { scanId: string };
export type AccountJob = { scanId: string; accountId: string };

export async function createBoss(url: string, options: { max?: number } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: options.max ?? 4,
    application_name: "tenfold-jobs",
    // The web server and CLI schedule with croner and a unique slot per scan; pg-boss's cron is not needed.
    schedule: false,
  });
  boss.on("error", (error: Error) => console.error(`jobs: ${error.message}`));
  await boss.start();
  return boss;
}

export async function ensureQueues(boss: PgBoss, accountTimeoutSeconds: number): Promise<void> {
  await boss.createQueue(QUEUES.accountFailed, { retryLimit: 3, retryDelay: 5 });
  await boss.createQueue(QUEUES.scan, { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 1800 });
  await boss.createQueue(QUEUES.account, {
    retryLimit: 2,
    retryDelay: 5,
    retryBackoff: true,
    // Past this the job is expired and retried; the handler's own timeout fires a little earlier.
    expireInSeconds: accountTimeoutSeconds + 60,
    deadLetter: QUEUES.accountFailed,
  });
}

export async function enqueueScanJob(boss: PgBoss, scanId: string): Promise<void> {
  await boss.send(QUEUES.scan, { scanId } satisfies ScanJob, { singletonKey: scanId });
}

export async function enqueueAccountJobs(boss: PgBoss, scanId: string, accountIds: string[]): Promise<void> {
  // Keyed by (scan, account): a retried org job cannot enqueue the same account twice.
  for (let start = 0; start < accountIds.length; start += 500) {
    await boss.insert(
      QUEUES.account,
      accountIds.slice(start, start + 500).map((accountId) => ({
        data: { scanId, accountId } satisfies AccountJob,
        singletonKey: `${scanId}:${accountId}`,
      })),
    );
  }
}
