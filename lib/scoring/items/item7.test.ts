import { describe, expect, it } from "vitest";
import { collected, collectFailed, type AccessFinding, type AccountEvidence, type Analyzer, type IamRole } from "../evidence";
import { ACCOUNT, daysAgo, runCase, type Case } from "../testing/fixtures";
import { evaluateAccessAnalyzerEnabled, evaluateExternalAccessFindings, evaluateUnusedAccessAnalyzer, evaluateUnusedRoles } from "./item7";

const analyzer = (type: string, status = "ACTIVE"): Analyzer => ({ arn: `arn:aws:access-analyzer:eu-west-1:1:analyzer/${type}`, name: type, type, status });
const analyzersIn = (list: Analyzer[]) => (d: AccountEvidence) => void (d.item7.analyzers["eu-west-1"] = collected(list));
const run = (evaluate: Parameters<typeof runCase>[0], c: Case) => {
  const r = runCase(evaluate, c) as { result: string; reason: string };
  expect(r.result).toBe(c.expected);
  if (c.reason) expect(r.reason).toMatch(c.reason);
  return r;
};

describe("i7.access_analyzer_enabled", () => {
  it.each<Case>([
    { name: "account analyzer in every Region", expected: "pass" },
    { name: "no analyzer in one Region", ev: analyzersIn([]), expected: "fail", reason: /eu-west-1/ },
    { name: "analyzer disabled", ev: analyzersIn([analyzer("ACCOUNT", "DISABLED")]), expected: "fail" },
    { name: "unused-access analyzer only", ev: analyzersIn([analyzer("ACCOUNT_UNUSED_ACCESS")]), expected: "fail" },
    { name: "organization analyzer in the delegated admin", ev: analyzersIn([]), org: (d) => void (d.orgAnalyzers = { "eu-west-1": collected([analyzer("ORGANIZATION")]) }), expected: "pass" },
    { name: "org analyzers unreadable and none in the account", ev: analyzersIn([]), org: (d) => void (d.orgAnalyzers = { "eu-west-1": collectFailed("AccessDeniedException") }), expected: "unknown" },
    { name: "ListAnalyzers denied", ev: (d) => void (d.item7.analyzers["eu-west-1"] = collectFailed("AccessDeniedException")), expected: "unknown", reason: /AccessDenied: access-analyzer:ListAnalyzers/ },
    { name: "Region disabled", ev: (d) => void (d.item7.analyzers = { "eu-west-1": { notApplicable: "Region disabled" } }), expected: "not_applicable" },
  ])("$name → $expected", (c) => void run(evaluateAccessAnalyzerEnabled, c));
});

describe("i7.external_access_findings", () => {
  const finding = (over: Partial<AccessFinding> = {}): AccessFinding => ({
    id: "f1", resource: "arn:aws:s3:::shared", resourceType: "AWS::S3::Bucket", isPublic: false, createdAt: daysAgo(12), status: "ACTIVE", resourceOwnerAccount: ACCOUNT, ...over,
  });
  const findings = (list: AccessFinding[]) => (d: AccountEvidence) => void (d.item7.externalAccessFindings["eu-west-1"] = collected(list));
  it.each<Case>([
    { name: "no findings", expected: "pass" },
    { name: "public finding", ev: findings([finding({ isPublic: true })]), expected: "fail" },
    { name: "cross-account finding", ev: findings([finding()]), expected: "warn", reason: /not yet reviewed/ },
    { name: "archived finding", ev: findings([finding({ status: "ARCHIVED" })]), expected: "pass" },
    { name: "another account's finding (org analyzer)", ev: findings([finding({ isPublic: true, resourceOwnerAccount: "333333333333" })]), expected: "pass" },
    { name: "no analyzer in any Region", ev: (d) => void (d.item7.externalAccessFindings = { "eu-west-1": { notApplicable: "no analyzer" } }), expected: "not_applicable" },
    { name: "ListFindings denied", ev: (d) => void (d.item7.externalAccessFindings["eu-west-1"] = collectFailed("AccessDeniedException")), expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluateExternalAccessFindings, c));

  it("shows the finding's age for item 8", () => {
    const r = runCase(evaluateExternalAccessFindings, { name: "", ev: findings([finding()]), expected: "warn" });
    expect(r.resources[0]?.detail).toMatch(/open 12 d/);
  });
});

describe("i7.unused_roles", () => {
  const role = (roleName: string, over: Partial<IamRole> = {}): IamRole => ({ roleName, arn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, path: "/", createDate: daysAgo(500), ...over });
  const roles = (...list: IamRole[]) => (d: AccountEvidence) => {
    if (d.iam.authorizationDetails.ok) d.iam.authorizationDetails.value.roles = list;
  };
  it.each<Case>([
    { name: "roles used recently, new and service-linked roles exempt", expected: "pass" },
    { name: "role last used 120 d ago", ev: roles(role("old", { lastUsedDate: daysAgo(120) })), expected: "fail", reason: /old/ },
    { name: "role never used", ev: roles(role("ghost")), expected: "fail" },
    { name: "Identity Center role", ev: roles(role("AWSReservedSSO_Admin", { path: "/aws-reserved/sso.amazonaws.com/" })), expected: "pass" },
    { name: "the Tenfold role itself", ev: roles(role("TenfoldReadOnly")), expected: "pass" },
    { name: "role created 30 d ago, never used", ev: roles(role("fresh", { createDate: daysAgo(30) })), expected: "pass" },
    { name: "authorization details denied", ev: (d) => void (d.iam.authorizationDetails = collectFailed("AccessDenied")), expected: "unknown", reason: "AccessDenied: iam:GetAccountAuthorizationDetails" },
  ])("$name → $expected", (c) => void run(evaluateUnusedRoles, c));

  it("says 'never used' beyond the 400-day tracking window", () => {
    const r = runCase(evaluateUnusedRoles, { name: "", ev: roles(role("ghost")), expected: "fail" });
    expect(r.resources[0]?.detail).toBe("never used");
  });
});

describe("i7.unused_access_analyzer (optional)", () => {
  it.each<Case>([
    { name: "none configured", expected: "not_applicable" },
    { name: "account unused-access analyzer", ev: analyzersIn([analyzer("ACCOUNT_UNUSED_ACCESS")]), expected: "pass" },
    { name: "organization unused-access analyzer", org: (d) => void (d.orgAnalyzers = { "us-east-1": collected([analyzer("ORGANIZATION_UNUSED_ACCESS")]) }), expected: "pass" },
  ])("$name → $expected", (c) => void run(evaluateUnusedAccessAnalyzer, c));
});
