import { CHECK_BY_ID, type CheckId } from "./catalogue";
import { toEpochMs } from "./context";
import type { CheckResult } from "./types";

// Exceptions (risk acceptance) and attestations (manual checks), applied after evaluation. The workflow
// issue stores them; this only decides whether one is valid now and what it changes.

export type CheckException = {
  id: string;
  checkId: CheckId;
  /**
   * Narrow to one resource id. Kept simple: it applies only when that resource is the only one behind the
   * failing result, so a new failing resource is never hidden by an old exception.
   */
  resourceId?: string;
  /** Valid from `createdAt` (optional) until `expiresAt`. */
  createdAt?: string;
  expiresAt: string;
};

export type Attestation = {
  id: string;
  checkId: CheckId;
  attestedAt: string;
  expiresAt: string;
};

export type Overrides = { exceptions?: readonly CheckException[]; attestations?: readonly Attestation[]; now: string | number };

const validAt = (now: number, from: string | undefined, to: string) => (from === undefined || Date.parse(from) <= now) && now < Date.parse(to);

const covers = (e: CheckException, c: CheckResult) =>
  e.resourceId === undefined || (c.resources.length === 1 && !c.truncated && c.resources[0]?.id === e.resourceId);

/** Failing / warning checks under a valid exception → `excepted`; manual checks under a valid attestation → `attested`. */
export const applyOverrides = (results: readonly CheckResult[], o: Overrides): CheckResult[] => {
  const now = toEpochMs(o.now);
  return results.map((c) => {
    if (c.result === "fail" || c.result === "warn") {
      const e = o.exceptions?.find((x) => x.checkId === c.id && validAt(now, x.createdAt, x.expiresAt) && covers(x, c));
      if (e) return { ...c, result: "excepted", originalResult: c.result, overrideId: e.id };
    }
    if (c.result === "unknown" && CHECK_BY_ID[c.id].manual === true) {
      const a = o.attestations?.find((x) => x.checkId === c.id && validAt(now, x.attestedAt, x.expiresAt));
      if (a) return { ...c, result: "attested", originalResult: c.result, overrideId: a.id, reason: `attested until ${a.expiresAt.slice(0, 10)}` };
    }
    return c;
  });
};
