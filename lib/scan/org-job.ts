import type { OrgEvidence } from "@/lib/scoring/evidence";
import type { DiscoveredAccount } from "@/db/store/accounts";
import { upsertDiscoveredAccounts } from "@/db/store/accounts";
import { failScan, getScanRow, markScanRunning } from "@/db/store/scans";
import { finishScanIfDone } from "./finish";
import { writeFailedSnapshot } from "@/db/store/snapshots";
import { describeError } from "./errors";
import { enqueueAccountJobs } from "./queues";
import type { ScanRuntime } from "./runtime";

/** The org job of a scan: discovery and org evidence, then one account job per active account. */
export async function runOrgJob(
  runtime: ScanRuntime,
  job: { scanId: string; lastAttempt: boolean; signal?: AbortSignal },
): Promise<void> {
  const { db } = runtime;
  const scan = await getScanRow(db, job.scanId);
  if (!scan || (scan.state !== "queued" && scan.state !== "running")) return;

  let collected;
  try {
    collected = await runtime.aws.collectOrganization({ signal: job.signal });
  } catch (error) {
    // Without the organisation there is nothing to scan; previous snapshots stay as they are.
    if (job.lastAttempt) await failScan(db, job.scanId, `discovery failed: ${describeError(error)}`);
    throw error;
  }
  const { org, apiCalls } = collected;
  const wanted = scan.accountFilter ? new Set(scan.accountFilter) : null;
  const discovered = Object.values(org.accounts).map((account) => toDiscoveredAccount(account, runtime.ownerTag));
  await upsertDiscoveredAccounts(db, discovered, { complete: wanted === null });

  const targets = discovered.filter((account) => wanted === null || wanted.has(account.id));
  const active = targets.filter((account) => account.state === "ACTIVE");
  const inactive = targets.filter((account) => account.state !== "ACTIVE");
  await markScanRunning(db, job.scanId, { accountsTotal: targets.length, orgEvidence: org, apiCalls });

  let finished = targets.length === 0;
  for (const account of inactive) {
    const outcome = await writeFailedSnapshot(db, {
      scanId: job.scanId,
      accountId: account.id,
      status: "skipped",
      evaluatedAt: scan.asOf,
      errorCode: `Account${capitalise(account.state)}`,
      errorMessage: `Organizations reports the account as ${account.state}; it is not scanned.`,
    });
    if (outcome && outcome.done >= outcome.total) finished = true;
  }
  await enqueueAccountJobs(runtime.boss, job.scanId, active.map((account) => account.id));
  if (finished) await finishScanIfDone(runtime, job.scanId, "all");
}

function capitalise(state: string): string {
  return state
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

export function toDiscoveredAccount(account: OrgEvidence["accounts"][string], ownerTag: string): DiscoveredAccount {
  const tags = account.tags.ok ? account.tags.value : {};
  const parents = account.ouPath.ok ? account.ouPath.value : [];
  // ouPath lists the account's parent first; the page shows it root first.
  const names = [...parents].reverse().map((parent) => (parent.type === "ROOT" ? "Root" : (parent.name ?? parent.id)));
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    state: account.state,
    ouId: parents[0]?.id ?? null,
    ouPath: names.length > 0 ? names.join("/") : "Root",
    tags,
    owner: tags[ownerTag] ?? null,
  };
}
