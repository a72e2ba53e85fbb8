import type { Db } from "@/db/client";
import { openTagExceptions } from "@/db/store/workflow";
import type { AccountEvidence } from "@/lib/scoring/evidence";
import { tagExceptionRequests } from "@/lib/scoring/items/item3";
import { plural } from "@/lib/scoring/helpers/result";

// checks.md §4 rule 5: a resource tagged tenfold:secrets-scan=ignore asks for an expiring exception. The
// scan opens it, pending, for an approver; scoring stays pure and counts only approved ones in force.

/** How long a tag-opened exception runs: 90 days, or less when TENFOLD_EXCEPTION_MAX_DAYS is lower. */
export const TAG_EXCEPTION_DAYS = 90;
const DAY_MS = 86_400_000;

/** Opens the pending exceptions the evidence's tagged resources ask for; returns how many were new. */
export async function openSecretTagExceptions(db: Db, accountId: string, evidence: AccountEvidence, asOf: Date, maxDays: number): Promise<number> {
  const requests = tagExceptionRequests(evidence).map((r) => ({
    checkId: r.checkId,
    resourceId: r.resourceId,
    // Kinds and a count only: the value, and even its hash, stay in the check's own resource details.
    reason: `Resource tagged ${r.tag} with ${plural(r.hits, "detector finding")} (${r.kinds.join(", ")}) in ${r.region}. Approve only if the value is not a secret or its risk is accepted; the check fails until then.`,
    detail: { source: "tag", tag: r.tag, region: r.region },
  }));
  const expiresAt = new Date(asOf.getTime() + Math.min(TAG_EXCEPTION_DAYS, maxDays) * DAY_MS);
  return (await openTagExceptions(db, accountId, requests, { now: asOf, expiresAt })).length;
}
