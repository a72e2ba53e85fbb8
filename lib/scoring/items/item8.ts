import type { AccountEvidence, EventRule, FindingList, Regional, SecurityHubState } from "../evidence";
import { isNotApplicable } from "../evidence";
import type { CheckId } from "../catalogue";
import type { CheckContext } from "../context";
import type { CheckResult, ResourceRef } from "../types";
import { codeIs, errorReason } from "../helpers/errors";
import { evaluateRegional, type RegionVerdict } from "../helpers/regional";
import { plural, result } from "../helpers/result";
import { ageDays, fmtDays } from "../helpers/time";

// Item 8 — act on findings (checks.md §9).

export const evaluateSecurityHubEnabled = (ev: AccountEvidence, _ctx: CheckContext) => {
  const id = "i8.securityhub_enabled";
  // InvalidAccessException is the answer "not subscribed" (§1.4), not an unknown.
  const regional: Regional<SecurityHubState> = Object.fromEntries(
    Object.entries(ev.item8.securityHub).map(([r, e]) => [r, !isNotApplicable(e) && !e.ok && codeIs(e.error, "InvalidAccess") ? { ok: true as const, value: { enabled: false as const } } : e]),
  );
  return evaluateRegional(id, regional, "securityhub:DescribeHub", (hub): RegionVerdict => {
    if (!hub.enabled) return { result: "fail", reason: "Security Hub is not enabled" };
    if (!hub.enabledStandards.ok) return { result: "unknown", reason: errorReason(hub.enabledStandards.error, "securityhub:GetEnabledStandards") };
    if (hub.enabledStandards.value.length === 0) return { result: "warn", reason: "Security Hub is on but no standard is enabled" };
    return { result: "pass", reason: "Security Hub on with a standard" };
  });
};

export const evaluateGuardDutyEnabled = (ev: AccountEvidence, _ctx: CheckContext) =>
  evaluateRegional("i8.guardduty_enabled", ev.item8.guardDuty, "guardduty:ListDetectors", (gd): RegionVerdict => {
    if (gd.detectors.some((d) => d.status === "ENABLED")) return { result: "pass", reason: "GuardDuty enabled" };
    return { result: "fail", reason: gd.detectors.length === 0 ? "no GuardDuty detector" : "GuardDuty detector suspended" };
  });

type Aged = { id: string; ageDays: number; slaDays: number; label: string; detail: string };

const slaVerdict = (items: Aged[], list: Pick<FindingList<unknown>, "truncated" | "oldestFirst">, kind: string, ctx: CheckContext): RegionVerdict => {
  const count = `${list.truncated ? "≥ " : ""}${items.length}`;
  const ref = (f: Aged): ResourceRef => ({ kind, id: f.id, detail: `${f.label}, open ${fmtDays(f.ageDays)}: ${f.detail}` });
  const late = items.filter((f) => f.ageDays > f.slaDays);
  if (late.length > 0) return { result: "fail", reason: `${plural(late.length, "finding")} past SLA (${ctx.config.slaDays.critical} d critical, ${ctx.config.slaDays.high} d high)`, resources: late.map(ref) };
  // A page cap must never turn a fail into a warn: the unread rest counts only when it was cut off oldest first.
  if (list.truncated && list.oldestFirst !== true)
    return { result: "unknown", reason: `${count} open high/critical findings, none of those read past SLA; the rest (beyond TENFOLD_MAX_FINDING_PAGES) were not read oldest first`, resources: items.map(ref) };
  if (items.length > 0) return { result: "warn", reason: `${count} open high/critical findings within SLA`, resources: items.map(ref) };
  return { result: "pass", reason: "no open high/critical findings" };
};

/** Mark Regions where the service is off as not applicable, so the SLA check does not judge them. */
const onlyWhereOn = <F>(findings: Regional<FindingList<F>>, isOn: (region: string) => boolean): Regional<FindingList<F>> =>
  Object.fromEntries(Object.entries(findings).map(([r, e]) => [r, isOn(r) ? e : { notApplicable: "service off in this Region" }]));

export const evaluateGuardDutyFindingsSla = (ev: AccountEvidence, ctx: CheckContext) => {
  const on = (r: string) => {
    const gd = ev.item8.guardDuty[r];
    // When the detector state failed to load, keep the Region: its findings decide, or their error.
    return gd === undefined || isNotApplicable(gd) ? false : !gd.ok || gd.value.detectors.some((d) => d.status === "ENABLED");
  };
  return evaluateRegional(
    "i8.guardduty_findings_sla",
    onlyWhereOn(ev.item8.guardDutyFindings, on),
    "guardduty:ListFindings",
    (list): RegionVerdict =>
      slaVerdict(
        list.findings
          .filter((f) => f.severity >= 7)
          .map((f) => {
            const critical = f.severity >= 9;
            return { id: f.id, ageDays: ageDays(f.createdAt, ctx.nowMs), slaDays: critical ? ctx.config.slaDays.critical : ctx.config.slaDays.high, label: critical ? "critical" : "high", detail: f.type };
          }),
        list,
        "guardduty-finding",
        ctx,
      ),
    { noneApplicable: "GuardDuty off" },
  );
};

export const evaluateSecurityHubFindingsSla = (ev: AccountEvidence, ctx: CheckContext) => {
  const on = (r: string) => {
    const hub = ev.item8.securityHub[r];
    if (hub === undefined) return true; // aggregated findings may be keyed by a Region whose hub entry is absent
    if (isNotApplicable(hub)) return false;
    if (!hub.ok) return !codeIs(hub.error, "InvalidAccess");
    return hub.value.enabled;
  };
  return evaluateRegional(
    "i8.securityhub_findings_sla",
    onlyWhereOn(ev.item8.securityHubFindings, on),
    "securityhub:GetFindings",
    (list): RegionVerdict =>
      slaVerdict(
        list.findings
          .filter((f) => f.severityLabel === "CRITICAL" || f.severityLabel === "HIGH")
          .map((f) => {
            const critical = f.severityLabel === "CRITICAL";
            return { id: f.id, ageDays: ageDays(f.firstObservedAt ?? f.createdAt, ctx.nowMs), slaDays: critical ? ctx.config.slaDays.critical : ctx.config.slaDays.high, label: critical ? "critical" : "high", detail: f.title ?? "" };
          }),
        list,
        "securityhub-finding",
        ctx,
      ),
    { noneApplicable: "Security Hub off" },
  );
};

const FINDING_SOURCES = ["aws.securityhub", "aws.guardduty"];

/** An enabled EventBridge rule whose pattern's `source` names Security Hub or GuardDuty. */
export const isFindingsRule = (r: EventRule): boolean => {
  if (!r.state.startsWith("ENABLED") || r.eventPattern === undefined) return false;
  try {
    const source: unknown = (JSON.parse(r.eventPattern) as { source?: unknown }).source;
    const list = Array.isArray(source) ? source : [source];
    return list.some((s) => typeof s === "string" && FINDING_SOURCES.includes(s));
  } catch {
    return FINDING_SOURCES.some((s) => r.eventPattern?.includes(`"${s}"`) === true);
  }
};

export const evaluateFindingsAutomation = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id: CheckId = "i8.findings_automation";
  const admin = ctx.org.findingsAdmin;
  const ruleSets = [ev.item8.eventRules, ...(admin ? [admin.eventRules] : [])];
  const errors: string[] = [];
  for (const set of ruleSets)
    for (const [region, entry] of Object.entries(set)) {
      if (isNotApplicable(entry)) continue;
      if (!entry.ok) {
        errors.push(errorReason(entry.error, "events:ListRules"));
        continue;
      }
      const rule = entry.value.find(isFindingsRule);
      if (rule) return result(id, "pass", `EventBridge rule ${rule.name} acts on findings`, [{ kind: "eventbridge-rule", id: rule.name, region }]);
    }
  if (admin) {
    if (admin.automationRules.ok) {
      const on = admin.automationRules.value.filter((r) => r.ruleStatus === "ENABLED");
      if (on.length > 0) return result(id, "pass", `${plural(on.length, "Security Hub automation rule")} in the admin account`);
    } else errors.push(errorReason(admin.automationRules.error, "securityhub:ListAutomationRules"));
  }
  if (errors.length > 0) return result(id, "unknown", errors[0] ?? "unknown");
  return result(id, "warn", "no automation acts on Security Hub or GuardDuty findings");
};

export const scoreItem8 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] => [
  evaluateSecurityHubEnabled(ev, ctx),
  evaluateGuardDutyEnabled(ev, ctx),
  evaluateGuardDutyFindingsSla(ev, ctx),
  evaluateSecurityHubFindingsSla(ev, ctx),
  evaluateFindingsAutomation(ev, ctx),
];
