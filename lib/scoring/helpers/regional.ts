import type { CheckId } from "../catalogue";
import type { Collected, NotApplicable, Regional } from "../evidence";
import { isNotApplicable } from "../evidence";
import type { CheckResult, ResourceRef } from "../types";
import { errorReason, isRegionAbsent } from "./errors";
import { listFew, plural, result } from "./result";

/** The verdict for one Region before collapsing. */
export type RegionVerdict = {
  result: "pass" | "fail" | "warn" | "unknown" | "not_applicable";
  reason: string;
  resources?: ResourceRef[];
  /** Readable share of this Region's resources, when less than all. */
  coverage?: { readable: number; of: number };
};

export type RegionEntry = { region: string; verdict: RegionVerdict };

/** Per-Region verdicts from Regional evidence: notApplicable and "Region absent" errors drop out; other errors → unknown. */
export const verdictsByRegion = <T>(
  regional: Regional<T>,
  action: string,
  evaluate: (value: T, region: string) => RegionVerdict,
): RegionEntry[] =>
  Object.entries(regional).map(([region, entry]: [string, Collected<T> | NotApplicable]) => {
    if (isNotApplicable(entry)) return { region, verdict: { result: "not_applicable", reason: entry.notApplicable } };
    if (!entry.ok) {
      if (isRegionAbsent(entry.error)) return { region, verdict: { result: "not_applicable", reason: entry.error.code } };
      return { region, verdict: { result: "unknown", reason: errorReason(entry.error, action) } };
    }
    return { region, verdict: evaluate(entry.value, region) };
  });

const withRegion = (region: string, refs: ResourceRef[] = []) => refs.map((r) => (r.region ? r : { ...r, region }));

/**
 * Collapse per-Region verdicts into one account result (checks.md §1.1): any fail → fail; else any unknown →
 * unknown (a pass is never asserted from part of the Regions); else any warn → warn; else pass.
 * Not-applicable Regions are ignored; when nothing is left the check is not_applicable.
 */
export const collapseRegions = (
  id: CheckId,
  entries: RegionEntry[],
  opts: { source?: "org"; noneApplicable?: string } = {},
): CheckResult => {
  const applicable = entries.filter((e) => e.verdict.result !== "not_applicable");
  const extra = opts.source ? { source: opts.source } : {};
  if (applicable.length === 0) {
    const reason = opts.noneApplicable ?? (entries[0]?.verdict.reason ?? "no Region evaluated");
    return result(id, "not_applicable", reason, [], extra);
  }
  const order = ["fail", "unknown", "warn", "pass"] as const;
  const worst = order.find((r) => applicable.some((e) => e.verdict.result === r)) ?? "pass";
  const chosen = applicable.filter((e) => e.verdict.result === worst);
  const resources = chosen.flatMap((e) => withRegion(e.region, e.verdict.resources));
  // Mean of the per-Region readable shares: Regions without a resource count weigh as fully read.
  const share = (c: RegionVerdict["coverage"]) => (c === undefined || c.of === 0 ? 1 : c.readable / c.of);
  const coverage = applicable.reduce((s, e) => s + share(e.verdict.coverage), 0) / applicable.length;

  const reasons = [...new Set(chosen.map((e) => e.verdict.reason))];
  const reason =
    worst === "pass" && reasons.length === 1
      ? `${reasons[0]} (${plural(chosen.length, "Region")})`
      : reasons.length === 1
        ? `${reasons[0]} (${listFew(chosen.map((e) => e.region))})`
        : listFew(chosen.map((e) => `${e.region}: ${e.verdict.reason}`), 2);
  return result(id, worst, reason, resources, { ...extra, coverage });
};

/** verdictsByRegion + collapseRegions. */
export const evaluateRegional = <T>(
  id: CheckId,
  regional: Regional<T>,
  action: string,
  evaluate: (value: T, region: string) => RegionVerdict,
  opts: { source?: "org"; noneApplicable?: string } = {},
): CheckResult => collapseRegions(id, verdictsByRegion(regional, action, evaluate), opts);

/** The value of one Region's evidence, or undefined when not applicable / failed. */
export const regionValue = <T>(regional: Regional<T> | undefined, region: string): T | undefined => {
  const entry = regional?.[region];
  if (entry === undefined || isNotApplicable(entry) || !entry.ok) return undefined;
  return entry.value;
};
