import { scoreAccount } from "@/lib/scoring";
import type { OrgEvidence } from "@/lib/scoring/evidence";
import { getScanOrgEvidence, getScanRow } from "@/db/store/scans";
import { writeFailedSnapshot, writeScoredSnapshot } from "@/db/store/snapshots";
import { overridesForAccount } from "@/db/store/workflow";
import type { AccountOutcome } from "@/db/store/scans";
import { AccountEntryError } from "./aws-port";
import { describeError, errorCode } from "./errors";
import type { ScanRuntime } from "./runtime";
import { WORKER_ID } from "./worker-id";
import { finishScanIfDone } from "./finish";
import { openSecretTagExceptions } from "./tag-exceptions";

// Org evidence is the same for every account of a scan: read it once per scan per process.
const orgEvidenceCache = new Map<string, Promise<OrgEvidence | null>>();

function loadOrgEvidence(runtime: ScanRuntime, scanId: string): Promise<OrgEvidence | null> {
  let cached = orgEvidenceCache.get(scanId);
  if (!cached) {
    cached = getScanOrgEvidence(runtime.db, scanId) as Promise<OrgEvidence | null>;
    orgEvidenceCache.set(scanId, cached);
    if (orgEvidenceCache.size > 8) orgEvidenceCache.delete(orgEvidenceCache.keys().next().value!);
  }
  return cached;
}

/**
 * One account of one scan: enter, collect, score, and write snapshot + rollups in one transaction.
 * An account that cannot be entered gets a failed snapshot and keeps its last good one; any other error
 * is thrown so the queue retries, and recorded as a failure on the last attempt.
 */
export async function runAccountJob(
  runtime: ScanRuntime,
  job: { scanId: string; accountId: string; lastAttempt: boolean; signal?: AbortSignal },
): Promise<void> {
  const { db } = runtime;
  const scan = await getScanRow(db, job.scanId);
  if (!scan || scan.state !== "running") return;
  const org = await loadOrgEvidence(runtime, job.scanId);
  if (!org) throw new Error(`scan ${job.scanId} has no organisation evidence`);

  const startedAt = new Date();
  const timeout = AbortSignal.timeout(runtime.accountTimeoutMs);
  const signal = job.signal ? AbortSignal.any([job.signal, timeout]) : timeout;
  const failure = (code: string, message: string, apiCalls?: Record<string, number>) =>
    writeFailedSnapshot(db, {
      scanId: job.scanId,
      accountId: job.accountId,
      status: "failed",
      evaluatedAt: scan.asOf,
      errorCode: code,
      errorMessage: message,
      startedAt,
      finishedAt: new Date(),
      apiCalls,
      worker: WORKER_ID,
    });

  let outcome: AccountOutcome | null;
  try {
    const { evidence, apiCalls } = await runtime.aws.collectAccount(job.accountId, { org, signal });
    // A tenfold:secrets-scan=ignore tag asks for an exception: open it, pending, before scoring.
    await openSecretTagExceptions(db, job.accountId, evidence, scan.asOf, runtime.exceptionMaxDays);
    // Exceptions and attestations valid at the scan's time turn results excepted / attested.
    const overrides = await overridesForAccount(db, job.accountId);
    const score = scoreAccount(evidence, org, {
      now: scan.asOf.toISOString(),
      config: runtime.scoring,
      accountId: job.accountId,
      isManagementAccount: org.organization.ok && org.organization.value?.managementAccountId === job.accountId,
    }, overrides);
    outcome = await writeScoredSnapshot(db, {
      scanId: job.scanId,
      accountId: job.accountId,
      status: collectionErrors(evidence) > 0 ? "partial" : "ok",
      evaluatedAt: scan.asOf,
      startedAt,
      finishedAt: new Date(),
      apiCalls,
      score,
      worker: WORKER_ID,
    });
  } catch (error) {
    if (error instanceof AccountEntryError) {
      outcome = await failure(error.code, error.message);
    } else if (timeout.aborted) {
      outcome = await failure("AccountTimeout", `the account scan took longer than ${runtime.accountTimeoutMs / 1000} s`);
    } else if (job.lastAttempt) {
      outcome = await failure(errorCode(error), describeError(error));
    } else {
      throw error;
    }
  }
  await finishScanIfDone(runtime, job.scanId, outcome);
}

/** Dead-letter handler: the job died (worker crash, expiry) on every attempt. */
export async function recordAbandonedAccount(runtime: ScanRuntime, job: { scanId: string; accountId: string }): Promise<void> {
  const scan = await getScanRow(runtime.db, job.scanId);
  if (!scan || scan.state !== "running") return;
  const outcome = await writeFailedSnapshot(runtime.db, {
    scanId: job.scanId,
    accountId: job.accountId,
    status: "failed",
    evaluatedAt: scan.asOf,
    errorCode: "JobAbandoned",
    errorMessage: "the account job stopped on every attempt (worker crash or expiry)",
    worker: WORKER_ID,
  });
  await finishScanIfDone(runtime, job.scanId, outcome);
}

/** How many AWS calls failed while collecting: any at all makes the account "partial" rather than "ok". */
export function collectionErrors(evidence: unknown): number {
  if (Array.isArray(evidence)) return evidence.reduce((sum: number, entry) => sum + collectionErrors(entry), 0);
  if (evidence === null || typeof evidence !== "object") return 0;
  if ("ok" in evidence && evidence.ok === false) return 1;
  return Object.values(evidence).reduce((sum: number, value) => sum + collectionErrors(value), 0);
}
