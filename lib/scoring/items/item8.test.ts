import { describe, expect, it } from "vitest";
import { collected, collectFailed, type AccountEvidence, type GuardDutyFinding, type SecurityHubFinding } from "../evidence";
import { daysAgo, runCase, type Case } from "../testing/fixtures";
import { evaluateFindingsAutomation, evaluateGuardDutyEnabled, evaluateGuardDutyFindingsSla, evaluateSecurityHubEnabled, evaluateSecurityHubFindingsSla, isFindingsRule } from "./item8";

const run = (evaluate: Parameters<typeof runCase>[0], c: Case) => {
  const r = runCase(evaluate, c) as { result: string; reason: string };
  expect(r.result).toBe(c.expected);
  if (c.reason) expect(r.reason).toMatch(c.reason);
  return r;
};

describe("i8.securityhub_enabled", () => {
  const hub = (v: AccountEvidence["item8"]["securityHub"][string]) => (d: AccountEvidence) => void (d.item8.securityHub["eu-west-1"] = v);
  it.each<Case>([
    { name: "hub with a standard everywhere", expected: "pass" },
    { name: "hub without a standard", ev: hub(collected({ enabled: true, hubArn: "h", enabledStandards: collected([]) })), expected: "warn" },
    { name: "not subscribed (collector mapped)", ev: hub(collected({ enabled: false })), expected: "fail" },
    { name: "InvalidAccessException as raw error", ev: hub(collectFailed("InvalidAccessException")), expected: "fail" },
    { name: "standards denied", ev: hub(collected({ enabled: true, hubArn: "h", enabledStandards: collectFailed("AccessDeniedException") })), expected: "unknown" },
    { name: "DescribeHub denied", ev: hub(collectFailed("AccessDeniedException")), expected: "unknown", reason: /AccessDenied: securityhub:DescribeHub/ },
    { name: "opt-in Region disabled", ev: (d) => void (d.item8.securityHub = { "me-south-1": collectFailed("UnrecognizedClientException") }), expected: "not_applicable" },
  ])("$name → $expected", (c) => void run(evaluateSecurityHubEnabled, c));
});

describe("i8.guardduty_enabled", () => {
  const gd = (detectors: { detectorId: string; status: string }[]) => (d: AccountEvidence) => void (d.item8.guardDuty["eu-west-1"] = collected({ detectors }));
  it.each<Case>([
    { name: "enabled everywhere", expected: "pass" },
    { name: "no detector in one Region", ev: gd([]), expected: "fail", reason: /no GuardDuty detector/ },
    { name: "suspended", ev: gd([{ detectorId: "d", status: "DISABLED" }]), expected: "fail", reason: /suspended/ },
    { name: "denied", ev: (d) => void (d.item8.guardDuty["eu-west-1"] = collectFailed("AccessDeniedException")), expected: "unknown" },
    { name: "no Region", ev: (d) => void (d.item8.guardDuty = {}), expected: "not_applicable" },
  ])("$name → $expected", (c) => void run(evaluateGuardDutyEnabled, c));
});

describe("i8.guardduty_findings_sla", () => {
  const f = (severity: number, age: number): GuardDutyFinding => ({ id: `f-${severity}-${age}`, type: "Recon:EC2/PortProbeUnprotectedPort", severity, createdAt: daysAgo(age) });
  const findings = (list: GuardDutyFinding[], truncated = false, oldestFirst?: boolean) => (d: AccountEvidence) =>
    void (d.item8.guardDutyFindings["eu-west-1"] = collected({ findings: list, truncated, ...(oldestFirst !== undefined && { oldestFirst }) }));
  it.each<Case>([
    { name: "no high findings", expected: "pass" },
    { name: "high finding 10 d old (SLA 30)", ev: findings([f(7.5, 10)]), expected: "warn" },
    { name: "high finding 40 d old", ev: findings([f(8, 40)]), expected: "fail" },
    { name: "critical finding 8 d old (SLA 7)", ev: findings([f(9.2, 8)]), expected: "fail" },
    { name: "medium findings are ignored", ev: findings([f(5, 300)]), expected: "pass" },
    { name: "truncated list read oldest first says ≥", ev: findings([f(7, 1)], true, true), expected: "warn", reason: /≥ 1/ },
    // A page cap never turns a fail into a warn (checks.md §9 SLA rule with TENFOLD_MAX_FINDING_PAGES).
    { name: "truncated, not read oldest first, nothing read past SLA", ev: findings([f(7, 1), f(9, 2)], true), expected: "unknown", reason: /≥ 2 open .* not read oldest first/ },
    { name: "truncated, not read oldest first, one read past SLA", ev: findings([f(7, 1), f(9, 8)], true), expected: "fail" },
    { name: "truncated, read oldest first, critical band past SLA", ev: findings([f(7.5, 20), f(9.5, 10)], true, true), expected: "fail", reason: /1 finding past SLA/ },
    { name: "GuardDuty off in that Region", ev: (d) => { d.item8.guardDuty["eu-west-1"] = collected({ detectors: [] }); findings([f(8, 90)])(d); }, expected: "pass" },
    { name: "GuardDuty off everywhere", ev: (d) => void (d.item8.guardDuty = { "us-east-1": collected({ detectors: [] }) }), expected: "not_applicable" },
    { name: "ListFindings denied", ev: (d) => void (d.item8.guardDutyFindings["eu-west-1"] = collectFailed("AccessDeniedException")), expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluateGuardDutyFindingsSla, c));
});

describe("i8.securityhub_findings_sla", () => {
  const f = (severityLabel: string, age: number, firstObservedAge?: number): SecurityHubFinding => ({
    id: `sh-${severityLabel}-${age}`, severityLabel, createdAt: daysAgo(age), ...(firstObservedAge !== undefined && { firstObservedAt: daysAgo(firstObservedAge) }), title: "S3.1",
  });
  const findings = (list: SecurityHubFinding[], truncated = false, oldestFirst?: boolean) => (d: AccountEvidence) =>
    void (d.item8.securityHubFindings["us-east-1"] = collected({ findings: list, truncated, ...(oldestFirst !== undefined && { oldestFirst }) }));
  it.each<Case>([
    { name: "no findings", expected: "pass" },
    { name: "HIGH within SLA", ev: findings([f("HIGH", 3)]), expected: "warn" },
    { name: "CRITICAL past SLA", ev: findings([f("CRITICAL", 10)]), expected: "fail" },
    { name: "age from FirstObservedAt, not CreatedAt", ev: findings([f("HIGH", 1, 45)]), expected: "fail" },
    { name: "truncated, read oldest first, within SLA", ev: findings([f("HIGH", 3)], true, true), expected: "warn", reason: /≥ 1/ },
    { name: "truncated without an age order, within SLA", ev: findings([f("HIGH", 3)], true), expected: "unknown" },
    { name: "hub off in the home Region", ev: (d) => { d.item8.securityHub["us-east-1"] = collectFailed("InvalidAccessException"); findings([f("CRITICAL", 90)])(d); }, expected: "not_applicable" },
    { name: "GetFindings throttled", ev: (d) => void (d.item8.securityHubFindings["us-east-1"] = collectFailed("LimitExceededException")), expected: "unknown", reason: /^throttled/ },
  ])("$name → $expected", (c) => void run(evaluateSecurityHubFindingsSla, c));
});

describe("i8.findings_automation", () => {
  const noRules = (d: AccountEvidence) => void (d.item8.eventRules = { "us-east-1": collected([]) });
  it.each<Case>([
    { name: "EventBridge rule on Security Hub findings", expected: "pass" },
    { name: "no rule anywhere", ev: noRules, expected: "warn" },
    { name: "disabled rule", ev: (d) => void (d.item8.eventRules = { "us-east-1": collected([{ name: "r", state: "DISABLED", eventPattern: '{"source":["aws.guardduty"]}' }]) }), expected: "warn" },
    {
      name: "rule in the admin account",
      ev: noRules,
      org: (d) => void (d.findingsAdmin = { accountId: "444444444444", eventRules: { "us-east-1": collected([{ name: "gd", state: "ENABLED", eventPattern: '{"source":"aws.guardduty"}' }]) }, automationRules: collected([]) }),
      expected: "pass",
    },
    {
      name: "Security Hub automation rule in the admin account",
      ev: noRules,
      org: (d) => void (d.findingsAdmin = { accountId: "444444444444", eventRules: {}, automationRules: collected([{ ruleArn: "a", ruleName: "suppress-dev", ruleStatus: "ENABLED" }]) }),
      expected: "pass",
    },
    { name: "ListRules denied and nothing found", ev: (d) => void (d.item8.eventRules = { "us-east-1": collectFailed("AccessDeniedException") }), expected: "unknown", reason: "AccessDenied: events:ListRules" },
  ])("$name → $expected", (c) => void run(evaluateFindingsAutomation, c));

  it.each([
    ['{"source":["aws.securityhub"],"detail-type":["Security Hub Findings - Imported"]}', true],
    ['{"source":["aws.ec2"]}', false],
    ["not json but mentions \"aws.guardduty\"", true],
  ])("isFindingsRule(%s) = %s", (eventPattern, expected) => expect(isFindingsRule({ name: "r", state: "ENABLED", eventPattern })).toBe(expected));
});
