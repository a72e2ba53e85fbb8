import { checkContext, type ScoringContext } from "./context";
import { completeRegions } from "./complete-regions";
import { withEveryCheck } from "./every-check";
import type { AccountEvidence, OrgEvidence } from "./evidence";
import { ITEM_EVALUATORS } from "./items";
import { applyOverrides, type Overrides } from "./overrides";
import { scoreAccountItems, scoreItem } from "./score";
import { ITEM_NUMBERS, type AccountScore } from "./types";

/**
 * Evidence → every check (each catalogue check present, unknown when not evaluated) → item scores → account score. Pure: same evidence, org evidence and `now` give
 * the same result. Exceptions / attestations, when given, apply before scoring.
 */
export const scoreAccount = (
  evidence: AccountEvidence,
  org: OrgEvidence,
  ctx: ScoringContext,
  overrides?: Omit<Overrides, "now">,
): AccountScore => {
  const c = checkContext(ctx, org);
  const complete = completeRegions(evidence);
  const items = ITEM_NUMBERS.map((n) => {
    const raw = withEveryCheck(n, ITEM_EVALUATORS[n](complete, c));
    const checks = overrides ? applyOverrides(raw, { ...overrides, now: ctx.now }) : raw;
    return scoreItem(n, checks, ctx.config);
  });
  return scoreAccountItems(ctx.accountId, items, ctx.config);
};
