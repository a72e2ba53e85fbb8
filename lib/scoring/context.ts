import type { ScoringConfig } from "./config";
import type { OrgEvidence } from "./evidence";

/** What scoring needs besides evidence. `now` is an input so every age is deterministic. */
export type ScoringContext = {
  /** Evaluation time: ISO string or epoch milliseconds. */
  now: string | number;
  config: ScoringConfig;
  accountId: string;
  isManagementAccount: boolean;
  /** Data classification of the account; when absent it is read from the account's tag in ORG evidence. */
  classification?: string;
};

/** The context every check function receives: ScoringContext plus the ORG evidence and `now` in ms. */
export type CheckContext = ScoringContext & { org: OrgEvidence; nowMs: number };

export const toEpochMs = (t: string | number): number => {
  const ms = typeof t === "number" ? t : Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`invalid time: ${String(t)}`);
  return ms;
};

export const checkContext = (ctx: ScoringContext, org: OrgEvidence): CheckContext => ({ ...ctx, org, nowMs: toEpochMs(ctx.now) });
