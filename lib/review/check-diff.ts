// Resource-level difference of one check between the two snapshots of an account: which resources
// started failing and which stopped. Pure, so the rules are table-tested beside it.
import type { ResourceRef } from "@/lib/scoring/types";

// Warn counts as failing: it is what turns an item amber, and the meeting wants to hear about it.
const FAILING = new Set(["fail", "warn"]);
export const isFailing = (result: string): boolean => FAILING.has(result);

export type CheckSide = { result: string; resources: ResourceRef[] };

export type ResourceChange = {
  /** "check" when the check's result flipped; "resource" when the check failed on both dates and this resource joined or left it. */
  scope: "check" | "resource";
  /** null when the failing check names no resource (e.g. a missing contact). */
  resource: ResourceRef | null;
};

export type CheckDiff = { newlyFailing: ResourceChange[]; fixed: ResourceChange[] };

const keyOf = (resource: ResourceRef) => `${resource.kind}\u0000${resource.id}\u0000${resource.region ?? ""}`;

function rows(scope: ResourceChange["scope"], resources: ResourceRef[]): ResourceChange[] {
  return resources.length === 0 ? [{ scope, resource: null }] : resources.map((resource) => ({ scope, resource }));
}

/** A check unknown on either date is left out: it cannot tell what changed. */
export function diffCheck(from: CheckSide, to: CheckSide): CheckDiff {
  if (from.result === "unknown" || to.result === "unknown") return { newlyFailing: [], fixed: [] };
  const before = isFailing(from.result);
  const after = isFailing(to.result);
  if (!before && after) return { newlyFailing: rows("check", to.resources), fixed: [] };
  if (before && !after) return { newlyFailing: [], fixed: rows("check", from.resources) };
  if (!before || !after) return { newlyFailing: [], fixed: [] };
  const fromKeys = new Set(from.resources.map(keyOf));
  const toKeys = new Set(to.resources.map(keyOf));
  return {
    newlyFailing: to.resources.filter((resource) => !fromKeys.has(keyOf(resource))).map((resource) => ({ scope: "resource", resource })),
    fixed: from.resources.filter((resource) => !toKeys.has(keyOf(resource))).map((resource) => ({ scope: "resource", resource })),
  };
}
