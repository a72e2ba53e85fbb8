import { describe, expect, it } from "vitest";
import { collected, collectFailed, type AccountEvidence, type InspectorStatus } from "../evidence";
import { daysAgo, runCase, type Case } from "../testing/fixtures";
import { evaluateContainerImageScanning, evaluateDevCycleAttested, evaluateInspectorCriticalFindings, evaluateLambdaScanning } from "./item10";

const inspector = (resourceState: InspectorStatus["resourceState"], status = "ENABLED") => (d: AccountEvidence) =>
  void (d.item10.inspector["eu-west-1"] = collected({ status, resourceState }));
const inspectorDenied = (d: AccountEvidence) => void (d.item10.inspector["eu-west-1"] = collectFailed("AccessDeniedException"));
const run = (evaluate: Parameters<typeof runCase>[0], c: Case) => {
  const r = runCase(evaluate, c) as { result: string; reason: string };
  expect(r.result).toBe(c.expected);
  if (c.reason) expect(r.reason).toMatch(c.reason);
  return r;
};

describe("i10.container_image_scanning", () => {
  const basic = (d: AccountEvidence) => void (d.item10.ecrScanning["eu-west-1"] = collected({ scanType: "BASIC", rules: [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }] }));
  const noBasic = (d: AccountEvidence) => void (d.item10.ecrScanning["eu-west-1"] = collected({ scanType: "BASIC", rules: [] }));
  const both = (...fs: ((d: AccountEvidence) => void)[]) => (d: AccountEvidence) => fs.forEach((f) => f(d));
  it.each<Case>([
    { name: "Inspector enhanced scanning", expected: "pass" },
    { name: "basic scan-on-push only", ev: both(inspector({ ecr: "DISABLED" }), basic), expected: "warn" },
    { name: "no scanning", ev: both(inspector({ ecr: "DISABLED" }), noBasic), expected: "fail" },
    { name: "Inspector suspended account-wide", ev: both(inspector({ ecr: "ENABLED" }, "SUSPENDED"), noBasic), expected: "fail" },
    { name: "no repositories anywhere", ev: (d) => void (d.item10.ecrRepositoryCount = { "us-east-1": collected(0), "eu-west-1": collected(0) }), expected: "not_applicable" },
    { name: "Inspector status denied", ev: inspectorDenied, expected: "unknown", reason: /AccessDenied: inspector2:BatchGetAccountStatus/ },
    { name: "DescribeRepositories denied", ev: (d) => void (d.item10.ecrRepositoryCount["eu-west-1"] = collectFailed("AccessDeniedException")), expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluateContainerImageScanning, c));
});

describe("i10.lambda_scanning", () => {
  it.each<Case>([
    { name: "standard + code scanning", expected: "pass" },
    { name: "standard only", ev: inspector({ lambda: "ENABLED", lambdaCode: "DISABLED" }), expected: "warn" },
    { name: "neither", ev: inspector({}), expected: "fail" },
    { name: "no functions anywhere", ev: (d) => void (d.item3.lambda = { "us-east-1": collected({ total: 0, scanned: 0, flagged: [], references: 0 }) }), expected: "not_applicable" },
    { name: "Inspector status denied", ev: inspectorDenied, expected: "unknown" },
    { name: "ListFunctions denied", ev: (d) => void (d.item3.lambda["eu-west-1"] = collectFailed("AccessDeniedException")), expected: "unknown", reason: /AccessDenied: lambda:ListFunctions/ },
  ])("$name → $expected", (c) => void run(evaluateLambdaScanning, c));
});

describe("i10.inspector_critical_findings (optional)", () => {
  const findings = (ages: number[], cut: { truncated: boolean; oldestFirst?: boolean } = { truncated: false }) => (d: AccountEvidence) =>
    void (d.item10.inspectorCriticalFindings = { "us-east-1": collected({ findings: ages.map((a) => ({ arn: `f${a}`, firstObservedAt: daysAgo(a) })), ...cut }) });
  it("is left to the scorer (unknown, not evaluated) when not collected", () =>
    expect(runCase(evaluateInspectorCriticalFindings, { name: "", ev: (d) => void delete d.item10.inspectorCriticalFindings, expected: "unknown" })).toBeUndefined());
  it.each<Case>([
    { name: "critical findings within SLA", ev: findings([2]), expected: "pass" },
    { name: "critical finding past SLA", ev: findings([20]), expected: "warn" },
    { name: "Inspector off in the Region", ev: (d) => { findings([20])(d); d.item10.inspector["us-east-1"] = collected({ status: "DISABLED", resourceState: {} }); }, expected: "not_applicable" },
    { name: "ListFindings denied", ev: (d) => void (d.item10.inspectorCriticalFindings = { "us-east-1": collectFailed("AccessDeniedException") }), expected: "unknown" },
    { name: "exactly at the SLA (7 d) is still within it", ev: findings([7]), expected: "pass" },
    { name: "no critical findings anywhere", ev: findings([]), expected: "pass", reason: "no critical findings past SLA (1 Region)" },
    // A page cap never turns a warn into a pass: only a list read oldest first lets the unread rest count as younger.
    { name: "truncated, read oldest first, none read past SLA", ev: findings([5, 3], { truncated: true, oldestFirst: true }), expected: "pass" },
    { name: "truncated, read oldest first, one read past SLA", ev: findings([9, 3], { truncated: true, oldestFirst: true }), expected: "warn" },
    { name: "truncated in no known order, none read past SLA", ev: findings([5, 3], { truncated: true }), expected: "unknown", reason: /not read oldest first/ },
    { name: "truncated in no known order, one read past SLA", ev: findings([9, 3], { truncated: true }), expected: "warn" },
    { name: "past SLA in one Region, the other not enabled", ev: (d) => { findings([8, 1])(d); d.item10.inspectorCriticalFindings!["eu-west-1"] = { notApplicable: "Inspector not enabled" }; }, expected: "warn", reason: "1 critical finding open beyond 7 d (us-east-1)" },
  ])("$name → $expected", (c) => void run(evaluateInspectorCriticalFindings as Parameters<typeof runCase>[0], c));
});

it("i10.dev_cycle_attested needs attestation", () => {
  expect(runCase(evaluateDevCycleAttested, { name: "", expected: "unknown" })).toMatchObject({ result: "unknown", reason: "needs attestation" });
});
