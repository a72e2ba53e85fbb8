import { CHECK_BY_ID, type CheckId } from "./catalogue";
import { toEpochMs } from "./context";
import type { CheckResult } from "./types";

// Exceptions (risk acceptance) and attestations (manual checks), applied after evaluation. The workflow
// issue stores them; this only decides whether one is valid now and what it changes.

export type CheckException = {
  id: string;
  checkId: CheckId;
  /**
   * Narrow to one resource id. It applies only when every resource behind the failing result is covered
   * by a valid exception for it, so a new failing resource is never hidden by an old exception.
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

/**
 * The exception that turns a failing result excepted: a check-wide one, or resource-scoped ones covering
 * every resource behind it (one resource may stand behind several findings). With several, the one that
 * expires first is named, since the result fails again when it does.
 */
const exceptionFor = (valid: readonly CheckException[], c: CheckResult): CheckException | undefined => {
  const wide = valid.find((e) => e.resourceId === undefined);
  if (wide) return wide;
  if (c.resources.length === 0 || c.truncated) return undefined;
  const used = new Map<string, CheckException>();
  for (const r of c.resources) {
    const e = valid.find((x) => x.resourceId === r.id);
    if (!e) return undefined;
    used.set(e.id, e);
  }
  return [...used.values()].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))[0];
};

/** Failing / warning checks under a valid exception → `excepted`; manual checks under a valid attestation → `attested`. */
export const applyOverrides = (results: readonly CheckResult[], o: Overrides): CheckResult[] => {
  const now = toEpochMs(o.now);
  return results.map((c) => {
    if (c.result === "fail" || c.result === "warn") {
      const e = exceptionFor(o.exceptions?.filter((x) => x.checkId === c.id && validAt(now, x.createdAt, x.expiresAt)) ?? [], c);
      if (e) return { ...c, result: "excepted", originalResult: c.result, overrideId: e.id };
    }
    if (c.result === "unknown" && CHECK_BY_ID[c.id].manual === true) {
      const a = o.attestations?.find((x) => x.checkId === c.id && validAt(now, x.attestedAt, x.expiresAt));
      if (a) return { ...c, result: "attested", originalResult: c.result, overrideId: a.id, reason: `attested until ${a.expiresAt.slice(0, 10)}` };
    }
    return c;
  });
};
