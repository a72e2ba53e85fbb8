import type { AccountEvidence, OrgEvidence } from "@/lib/scoring/evidence";

// What the scan orchestration needs from lib/aws (createAwsScanner implements it). Kept as an interface
// so the orchestration does not depend on how evidence is collected, and lib/aws stays free of queues and
// the database.

export { AccountEntryError } from "@/lib/aws";

export type ApiCalls = Record<string, number>;

export interface ScannerAws {
  /** Organizations discovery plus organisation-level evidence, from the management account. */
  collectOrganization(options: { signal?: AbortSignal }): Promise<{ org: OrgEvidence; managementAccountId: string; apiCalls: ApiCalls }>;
  /** Enters one account and collects its evidence; throws AccountEntryError when it cannot get in. */
  collectAccount(
    accountId: string,
    options: { org: OrgEvidence; signal?: AbortSignal },
  ): Promise<{ evidence: AccountEvidence; apiCalls: ApiCalls }>;
}
