import type { Job } from "pg-boss";
import { recordAbandonedAccount, runAccountJob } from "./account-job";
import { runOrgJob } from "./org-job";
import { QUEUES, ensureQueues, type AccountJob, type ScanJob } from "./queues";
import type { ScanRuntime } from "./runtime";

type JobWithRetries<T> = Job<T> & { retryCount: number; retryLimit?: number };

const isLastAttempt = (job: JobWithRetries<unknown>) => job.retryCount >= (job.retryLimit ?? 2);

/** Registers this process as a scan worker; returns a function that stops it. */
export async function startWorker(runtime: ScanRuntime): Promise<() => Promise<void>> {
  const { boss } = runtime;
  await ensureQueues(boss, runtime.accountTimeoutMs / 1000);
  const polling = { pollingIntervalSeconds: 0.5 };
  await boss.work<ScanJob>(QUEUES.scan, { ...polling, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      await runOrgJob(runtime, { scanId: job.data.scanId, lastAttempt: isLastAttempt(job), signal: job.signal });
  });
  await boss.work<AccountJob>(
      QUEUES.account,
      { ...polling, includeMetadata: true, localConcurrency: runtime.concurrency },
      async ([job]) => {
        if (!job) return;
        await runAccountJob(runtime, { ...job.data, lastAttempt: isLastAttempt(job), signal: job.signal });
      },
  );
  await boss.work<AccountJob>(QUEUES.accountFailed, polling, async ([job]) => {
    if (job) await recordAbandonedAccount(runtime, job.data);
  });
  return async () => {
    for (const name of [QUEUES.scan, QUEUES.account, QUEUES.accountFailed]) await boss.offWork(name);
  };
}
