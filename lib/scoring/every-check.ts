import { checksOfItem, type CheckDef, type CheckId } from "./catalogue";
import { result } from "./helpers/result";
import type { CheckResult, ItemNumber } from "./types";

// Every catalogue check appears in every scored account (product.md §4): a check no evaluator produced —
// an optional check whose evidence was not collected, or an evaluator gap — is `unknown` with the reason,
// never silently absent from the scorecard.

export const NOT_EVALUATED = "not evaluated";

const notEvaluated = (def: CheckDef): CheckResult =>
  result(def.id as CheckId, "unknown", `${NOT_EVALUATED}: ${def.optional ? "its optional evidence was not collected" : "no evaluator produced a result"}`);

/** The item's checks in catalogue order, each evaluated one or an `unknown` "not evaluated: …" stand-in. */
export const withEveryCheck = (item: ItemNumber, checks: readonly CheckResult[]): CheckResult[] => {
  const defs = checksOfItem(item);
  const produced = new Map(checks.map((c) => [c.id as string, c]));
  const known = new Set(defs.map((d) => d.id));
  return [...defs.map((def) => produced.get(def.id) ?? notEvaluated(def)), ...checks.filter((c) => !known.has(c.id))];
};
