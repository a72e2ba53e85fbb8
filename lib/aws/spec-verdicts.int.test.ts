// Collection that decides a verdict (checks.md §6, §9), through the real SDK clients against the sandbox:
// GuardDuty findings read oldest first across the page cap, and the bucket policy read for public buckets so
// that public write by policy is seen.
import type { Finding } from "@aws-sdk/client-guardduty";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG, scoreAccount, type CheckResult } from "@/lib/scoring";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { addAccount, bucket, createScenario, inspectorFinding, inspectorState, regionData, secureRegion } from "@/sandbox/scenario/builder";
import type { Scenario } from "@/sandbox/scenario/types";
import { gdFinding, R } from "@/sandbox/testing/fixture";
import { sandboxScanner } from "./testing/sandbox-scanner";

const LATE_CRITICAL = "210000000011"; // 60 high findings 20 d old (within 30 d), then one critical 10 d old (past 7 d)
const LATE_HIGH = "210000000012"; // 60 high findings 1 d old, then one high 40 d old
const ON_TIME = "210000000013"; // 60 high findings 1–3 d old: more than the cap, none overdue
const PUBLIC_SITE = "210000000014"; // classified public: buckets public by policy, one writable by anyone
const LATE_INSPECTOR = "210000000015"; // 120 critical Inspector findings 1 d old, then one 30 d old (past 7 d)

/** An account whose detector holds `findings` in this scenario order (AWS's unsorted order is unspecified). */
function withFindings(s: Scenario, id: string, findings: (detectorId: string) => Finding[]) {
  const a = addAccount(s, { id, name: `gd-${id}` });
  Object.assign(regionData(a, R), secureRegion(s, id, R));
  const detector = regionData(a, R).detectors![0]!;
  detector.findings = findings(detector.id);
}

const many = (s: Scenario, id: string, detectorId: string, count: number, severity: number, age: (i: number) => number) =>
  Array.from({ length: count }, (_, i) => gdFinding(s, id, detectorId, `${id}-${severity}-${i}`, severity, age(i)));

const policy = (action: string | string[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: action, Resource: "arn:aws:s3:::x/*" }] });

let sandbox: Sandbox;

beforeAll(async () => {
  const s = createScenario();
  withFindings(s, LATE_CRITICAL, (d) => [...many(s, LATE_CRITICAL, d, 60, 7.5, () => 20), gdFinding(s, LATE_CRITICAL, d, "late-critical", 9.5, 10)]);
  withFindings(s, LATE_HIGH, (d) => [...many(s, LATE_HIGH, d, 60, 8, () => 1), gdFinding(s, LATE_HIGH, d, "late-high", 8, 40)]);
  withFindings(s, ON_TIME, (d) => many(s, ON_TIME, d, 60, 7.5, (i) => 1 + (i % 3)));
  const site = addAccount(s, { id: PUBLIC_SITE, name: "public-site", tags: { "data-classification": "public" } });
  delete site.s3.publicAccessBlock;
  site.s3.buckets = [
    bucket(s, "site-assets", { policy: policy("s3:GetObject"), policyIsPublic: true }),
    bucket(s, "site-uploads", { policy: policy(["s3:GetObject", "s3:PutObjectAcl"]), policyIsPublic: true }),
    bucket(s, "site-private", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }), policyIsPublic: false }),
    bucket(s, "site-logs"),
  ];
  const scanned = addAccount(s, { id: LATE_INSPECTOR, name: "inspector-late" });
  Object.assign(regionData(scanned, R), secureRegion(s, LATE_INSPECTOR, R));
  const inspector = regionData(scanned, R).inspector!;
  // Code-repository scanning on: Inspector has something to scan here whatever else the account holds.
  inspector.resourceState = { ...inspector.resourceState, codeRepository: inspectorState("ENABLED") };
  inspector.findings = [
    ...Array.from({ length: 120 }, (_, n) => inspectorFinding(s, LATE_INSPECTOR, R, { n, severity: "CRITICAL", firstSeenDaysAgo: 1, cve: `CVE-2026-${1000 + n}`, pkg: "openssl" })),
    inspectorFinding(s, LATE_INSPECTOR, R, { n: 999, severity: "CRITICAL", firstSeenDaysAgo: 30, cve: "CVE-2026-0999", pkg: "glibc" }),
  ];
  sandbox = await startSandbox({ scenario: s });
});
afterAll(() => sandbox?.stop());

async function check(accountId: string, checkId: string, maxFindingPages = 1): Promise<CheckResult> {
  const aws = sandboxScanner(sandbox, { regionsAllowList: [R], maxFindingPages });
  const { org } = await aws.collectOrganization({ now: sandbox.scenario.clock });
  const { evidence } = await aws.collectAccount(accountId, { now: sandbox.scenario.clock, org });
  const score = scoreAccount(evidence, org, { now: sandbox.scenario.clock.toISOString(), config: DEFAULT_SCORING_CONFIG, accountId, isManagementAccount: false });
  return score.items.flatMap((i) => i.checks).find((c) => c.id === checkId)!;
}

describe("i8.guardduty_findings_sla with TENFOLD_MAX_FINDING_PAGES = 1 (50 findings)", () => {
  it.each([
    ["an overdue critical behind 60 older high findings", LATE_CRITICAL, "fail", "late-critical"],
    ["an overdue high listed last in the detector", LATE_HIGH, "fail", "late-high"],
  ])("%s (account %s) → %s", async (_name, accountId, expected, lateId) => {
    const r = await check(accountId, "i8.guardduty_findings_sla");
    expect(r).toMatchObject({ result: expected, reason: expect.stringMatching(/1 finding past SLA/) });
    expect(r.resources.map((x) => x.id)).toEqual([lateId]);
  });

  it("more findings than the cap, none overdue → warn with a lower bound, in one extra ListFindings (the critical band)", async () => {
    sandbox.requests.clear();
    const r = await check(ON_TIME, "i8.guardduty_findings_sla");
    expect(r).toMatchObject({ result: "warn", reason: expect.stringMatching(/≥ 50 open high\/critical findings within SLA/) });
    const lists = sandbox.requests.list({ service: "guardduty" }).filter((q) => q.operation === "ListFindings" && q.account === ON_TIME);
    expect(lists).toHaveLength(2);
  });

  it("with a cap above the count the list is complete, and the critical band is not read again", async () => {
    sandbox.requests.clear();
    expect(await check(LATE_CRITICAL, "i8.guardduty_findings_sla", 10)).toMatchObject({ result: "fail" });
    const lists = sandbox.requests.list({ service: "guardduty" }).filter((q) => q.operation === "ListFindings" && q.account === LATE_CRITICAL);
    expect(lists).toHaveLength(2); // two pages of the severity ≥ 7 query, no critical re-read
  });
});

describe("i5.public_buckets_intentional in the public-data account", () => {
  it("reads the policy of public-by-policy buckets only, and warns on s3:Put* granted to everyone", async () => {
    sandbox.requests.clear();
    const r = await check(PUBLIC_SITE, "i5.public_buckets_intentional");
    expect(r).toMatchObject({ result: "warn", reason: "1 bucket publicly writable in the public-data account" });
    expect(r.resources.map((x) => x.id)).toEqual(["site-uploads"]);
    const reads = sandbox.requests.list({ service: "s3" }).filter((q) => q.operation === "GetBucketPolicy" && q.account === PUBLIC_SITE);
    expect(reads).toHaveLength(2); // site-assets and site-uploads; not the private bucket or the one without a policy
  });
});

describe("i10.inspector_critical_findings with TENFOLD_MAX_FINDING_PAGES = 1 (100 findings)", () => {
  it("an overdue critical finding stored after 120 fresh ones is read first, so the cap cannot turn the warn into a pass", async () => {
    sandbox.requests.clear();
    const r = await check(LATE_INSPECTOR, "i10.inspector_critical_findings");
    expect(r).toMatchObject({ result: "warn", reason: expect.stringMatching(/1 critical finding open beyond 7 d/) });
    expect(r.resources.map((x) => x.detail)).toEqual([expect.stringContaining("CVE-2026-0999")]);
    const lists = sandbox.requests.list({ service: "inspector2" }).filter((q) => q.operation === "ListFindings" && q.account === LATE_INSPECTOR);
    expect(lists).toHaveLength(1);
  });
});
