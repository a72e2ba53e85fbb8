import { CHECK_BY_ID, type CheckId } from "../catalogue";
import type { CheckResult, ResourceRef, ResultValue } from "../types";
import { MAX_RESOURCES } from "../types";
import type { Collected, CollectError } from "../evidence";
import { errorReason } from "./errors";

/** Builds a CheckResult with item and severity from the catalogue, capping the resource list. */
export const result = (
  id: CheckId,
  value: ResultValue,
  reason: string,
  resources: ResourceRef[] = [],
  extra: Pick<CheckResult, "source" | "coverage"> = {},
): CheckResult => {
  const def = CHECK_BY_ID[id];
  const out: CheckResult = { id, item: def.item, result: value, severity: def.severity, reason, resources: resources.slice(0, MAX_RESOURCES) };
  if (resources.length > MAX_RESOURCES) out.truncated = resources.length - MAX_RESOURCES;
  if (extra.source !== undefined) out.source = extra.source;
  if (extra.coverage !== undefined && extra.coverage < 1) out.coverage = Math.max(0, extra.coverage);
  return out;
};

export const unknownFromError = (id: CheckId, error: CollectError, action: string, extra: Pick<CheckResult, "source"> = {}) =>
  result(id, "unknown", errorReason(error, action), [], extra);

/** Manual checks stay unknown until applyOverrides finds a valid attestation (checks.md §1.1). */
export const NEEDS_ATTESTATION = "needs attestation";
export const needsAttestation = (id: CheckId): CheckResult => result(id, "unknown", NEEDS_ATTESTATION);

/** Evaluate a collected datum, or turn its error into `unknown`. */
export const withCollected = <T>(id: CheckId, c: Collected<T>, action: string, evaluate: (v: T) => CheckResult): CheckResult =>
  c.ok ? evaluate(c.value) : unknownFromError(id, c.error, action);

/** "a, b, c and 2 more" for one-line reasons. */
export const listFew = (items: readonly string[], max = 3): string =>
  items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
