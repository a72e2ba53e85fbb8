import type { AccountEvidence, InspectorStatus } from "../evidence";
import { isNotApplicable } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckResult } from "../types";
import { errorReason } from "../helpers/errors";
import { evaluateRegional, type RegionVerdict } from "../helpers/regional";
import { needsAttestation, plural } from "../helpers/result";
import { ageDays, fmtDays } from "../helpers/time";

// Item 10 — be involved in the dev cycle (checks.md §11): scanner coverage of what developers ship.

/** Inspector status of a Region: value, "absent" (service not there → treated as off) or an error reason. */
const inspectorIn = (ev: AccountEvidence, region: string): InspectorStatus | "absent" | { error: string } => {
  const e = ev.item10.inspector[region];
  if (e === undefined || isNotApplicable(e)) return "absent";
  return e.ok ? e.value : { error: errorReason(e.error, "inspector2:BatchGetAccountStatus") };
};
const enabled = (s: InspectorStatus | "absent", key: keyof InspectorStatus["resourceState"]) =>
  s !== "absent" && s.status === "ENABLED" && s.resourceState[key] === "ENABLED";

export const evaluateContainerImageScanning = (ev: AccountEvidence, _ctx: CheckContext) =>
  evaluateRegional(
    "i10.container_image_scanning",
    ev.item10.ecrRepositoryCount,
    "ecr:DescribeRepositories",
    (count, region): RegionVerdict => {
      if (count === 0) return { result: "not_applicable", reason: "no ECR repositories" };
      const insp = inspectorIn(ev, region);
      if (typeof insp === "object" && "error" in insp) return { result: "unknown", reason: insp.error };
      if (enabled(insp, "ecr")) return { result: "pass", reason: "Inspector enhanced scanning on ECR" };
      const scanning = ev.item10.ecrScanning[region];
      if (scanning === undefined || isNotApplicable(scanning)) return { result: "fail", reason: "no image scanning" };
      if (!scanning.ok) return { result: "unknown", reason: errorReason(scanning.error, "ecr:GetRegistryScanningConfiguration") };
      const basic = scanning.value.rules.some((r) => r.scanFrequency === "SCAN_ON_PUSH" || r.scanFrequency === "CONTINUOUS_SCAN");
      const resources = [{ kind: "ecr-registry", id: region, detail: `${plural(count, "repository", "repositories")}` }];
      return basic ? { result: "warn", reason: "only ECR basic scan-on-push", resources } : { result: "fail", reason: "no image scanning", resources };
    },
    { noneApplicable: "no ECR repositories" },
  );

export const evaluateLambdaScanning = (ev: AccountEvidence, _ctx: CheckContext) =>
  evaluateRegional(
    "i10.lambda_scanning",
    ev.item3.lambda,
    "lambda:ListFunctions",
    (scan, region): RegionVerdict => {
      if (scan.total === 0) return { result: "not_applicable", reason: "no Lambda functions" };
      const insp = inspectorIn(ev, region);
      if (typeof insp === "object" && "error" in insp) return { result: "unknown", reason: insp.error };
      const resources = [{ kind: "lambda-region", id: region, detail: plural(scan.total, "function") }];
      if (enabled(insp, "lambda") && enabled(insp, "lambdaCode")) return { result: "pass", reason: "Inspector scans Lambda packages and code" };
      if (enabled(insp, "lambda")) return { result: "warn", reason: "Inspector scans Lambda packages, not code", resources };
      return { result: "fail", reason: "Lambda functions are not scanned", resources };
    },
    { noneApplicable: "no Lambda functions" },
  );

/** Optional: left to scoreAccount ("not evaluated") when the findings were not collected. */
export const evaluateInspectorCriticalFindings = (ev: AccountEvidence, ctx: CheckContext): CheckResult | undefined => {
  const findings = ev.item10.inspectorCriticalFindings;
  if (findings === undefined) return undefined;
  return evaluateRegional("i10.inspector_critical_findings", findings, "inspector2:ListFindings", (list, region): RegionVerdict => {
    const insp = inspectorIn(ev, region);
    // Findings of a service that is off are not applicable (checks.md §1.4).
    if (insp === "absent" || ("status" in insp && insp.status !== "ENABLED")) return { result: "not_applicable", reason: "Inspector off" };
    const late = list.findings.filter((f) => ageDays(f.firstObservedAt, ctx.nowMs) > ctx.config.slaDays.critical);
    // A page cap must never turn a warn into a pass: the unread rest counts only when it was cut off oldest first.
    if (late.length === 0 && list.truncated && list.oldestFirst !== true)
      return { result: "unknown", reason: `≥ ${list.findings.length} critical findings, none of those read past SLA; the rest (beyond TENFOLD_MAX_FINDING_PAGES) were not read oldest first` };
    if (late.length === 0) return { result: "pass", reason: "no critical findings past SLA" };
    return {
      result: "warn",
      reason: `${plural(late.length, "critical finding")} open beyond ${ctx.config.slaDays.critical} d`,
      resources: late.map((f) => ({ kind: "inspector-finding", id: f.arn, detail: `${f.title ?? "critical"}, open ${fmtDays(ageDays(f.firstObservedAt, ctx.nowMs))}` })),
    };
  });
};

export const evaluateDevCycleAttested = (_ev: AccountEvidence, _ctx: CheckContext) => needsAttestation("i10.dev_cycle_attested");

export const scoreItem10 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] =>
  [evaluateContainerImageScanning(ev, ctx), evaluateLambdaScanning(ev, ctx), evaluateInspectorCriticalFindings(ev, ctx), evaluateDevCycleAttested(ev, ctx)].filter(
    (r): r is CheckResult => r !== undefined,
  );
