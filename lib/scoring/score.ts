import { ITEMS } from "./catalogue";
import type { ScoringConfig } from "./config";
import type { CheckResult, ItemNumber, ItemResult, ItemStatus, OrgScore, AccountScore } from "./types";
import { listFew, NEEDS_ATTESTATION } from "./helpers/result";

// Item, account and org scores of product.md §4.

/** Credit a result earns: pass / excepted / attested 1, warn `warnCredit`, fail 0; null = not evaluable. */
export const creditOf = (r: CheckResult["result"], config: ScoringConfig): number | null => {
  switch (r) {
    case "pass":
    case "excepted":
    case "attested":
      return 1;
    case "warn":
      return config.warnCredit;
    case "fail":
      return 0;
    default:
      return null;
  }
};

export const statusOf = (score: number | null, config: Pick<ScoringConfig, "thresholds">): ItemStatus =>
  score === null ? "grey" : score >= config.thresholds.green ? "green" : score >= config.thresholds.amber ? "amber" : "red";

/** Rounded down to one decimal, so 99.96 never displays (or colours) as a perfect 100. */
const floor1 = (x: number) => Math.floor(x * 10 + 1e-9) / 10;

const describe = (c: CheckResult) => c.reason;

export const explainItem = (checks: CheckResult[]): string => {
  const evaluable = checks.filter((c) => c.result !== "unknown" && c.result !== "not_applicable");
  const unknown = checks.filter((c) => c.result === "unknown");
  // Excepted checks score as passes but are never described as passing: they are named apart.
  const passing = evaluable.filter((c) => c.result === "pass" || c.result === "attested");
  const failing = evaluable.filter((c) => c.result === "fail");
  const warning = evaluable.filter((c) => c.result === "warn");
  if (evaluable.length === 0)
    return unknown.length > 0 ? `nothing evaluable; ${unknown.length} unknown: ${listFew([...new Set(unknown.map(describe))], 2)}` : "nothing applies to this account";
  const parts = [`${passing.length} of ${evaluable.length} checks pass`];
  if (failing.length > 0) parts.push(`failing: ${listFew(failing.map(describe), 2)}`);
  if (warning.length > 0) parts.push(`warning: ${listFew(warning.map(describe), 2)}`);
  const awaiting = unknown.filter((c) => c.reason === NEEDS_ATTESTATION).length;
  if (unknown.length > awaiting) parts.push(`${unknown.length - awaiting} unknown`);
  if (awaiting > 0) parts.push(`${awaiting} awaiting attestation`);
  const excepted = evaluable.filter((c) => c.result === "excepted").length;
  if (excepted > 0) parts.push(`${excepted} excepted (counted as passing)`);
  return parts.join("; ");
};

/**
 * Item score = severity-weighted share of evaluable checks that pass (warn = half credit). Unknown and
 * not_applicable checks leave the denominator; unknown lowers coverage (evaluable / applicable).
 */
export const scoreItem = (item: ItemNumber, checks: CheckResult[], config: ScoringConfig): ItemResult => {
  const def = ITEMS.find((i) => i.item === item) ?? ITEMS[0];
  let earned = 0;
  let possible = 0;
  let evaluable = 0;
  let applicable = 0;
  for (const c of checks) {
    if (c.result === "not_applicable") continue;
    applicable++;
    const credit = creditOf(c.result, config);
    if (credit === null) continue;
    evaluable++;
    const w = config.weights[c.severity];
    earned += w * credit;
    possible += w;
  }
  const score = possible === 0 ? null : floor1((100 * earned) / possible);
  return {
    item,
    key: def.key,
    title: def.title,
    score,
    status: statusOf(score, config),
    coverage: applicable === 0 ? 0 : evaluable / applicable,
    checks,
    explanation: explainItem(checks),
  };
};

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : floor1(xs.reduce((a, b) => a + b, 0) / xs.length));

/** Account score = mean of the item scores that are not null: grey items (nothing evaluable) do not count. */
export const scoreAccountItems = (accountId: string, items: ItemResult[], config: ScoringConfig): AccountScore => {
  const score = mean(items.flatMap((i) => (i.score === null ? [] : [i.score])));
  const all = items.flatMap((i) => i.checks).filter((c) => c.result !== "not_applicable");
  const evaluable = all.filter((c) => c.result !== "unknown").length;
  return { accountId, items, score, status: statusOf(score, config), coverage: all.length === 0 ? 0 : evaluable / all.length };
};

/** Org score = mean of the account scores that are not null. */
export const scoreOrg = (accounts: readonly Pick<AccountScore, "score">[], config: ScoringConfig): OrgScore => {
  const scored = accounts.flatMap((a) => (a.score === null ? [] : [a.score]));
  const score = mean(scored);
  return { score, status: statusOf(score, config), accounts: accounts.length, unscored: accounts.length - scored.length };
};
