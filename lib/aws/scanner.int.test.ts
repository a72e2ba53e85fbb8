// lib/aws through the real SDK v3 clients against the sandbox (sandbox/), on the contract fixture
// plus a Log Archive account that owns the organization trail's bucket.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG, isNotApplicable, scoreAccount, type AccountEvidence, type OrgEvidence } from "@/lib/scoring";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { addAccount, addOu, bucket } from "@/sandbox/scenario/builder";
import type { Scenario } from "@/sandbox/scenario/types";
import { A, B, DENIED, SUSPENDED, contractScenario } from "@/sandbox/testing/fixture";
import { AccountEntryError, type AwsScanner, type OrgDiscovery } from "./index";
import { sandboxScanner } from "./testing/sandbox-scanner";

const MGMT = "111111111111";
const LA = "777777777777";
const REGIONS = ["us-east-1", "eu-west-1"];

function scenario(): Scenario {
  const s = contractScenario();
  const security = s.organization!.ous.find((o) => o.name === "Security")!.id;
  const la = addAccount(s, { id: LA, name: "log-archive", parentId: security, tags: { "data-classification": "internal" } });
  la.s3.buckets = [
    bucket(s, "org-cloudtrail-logs", {
      versioning: { Status: "Enabled", MFADelete: "Disabled" },
      objectLock: { ObjectLockEnabled: "Enabled", Rule: { DefaultRetention: { Mode: "COMPLIANCE", Years: 1 } } },
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:DeleteObject", Resource: "arn:aws:s3:::org-cloudtrail-logs/*" }] }),
    }),
  ];
  addOu(s, "Empty");
  return s;
}

let sandbox: Sandbox;
let aws: AwsScanner;
let discovery: OrgDiscovery;
let org: OrgEvidence;
let orgCalls: Record<string, number>;
const evidence = new Map<string, AccountEvidence>();
const calls = new Map<string, Record<string, number>>();
const now = () => sandbox.scenario.clock;

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: scenario() });
  aws = sandboxScanner(sandbox, { regionsAllowList: REGIONS });
  const out = await aws.collectOrganization({ now: now() });
  ({ discovery, org } = out);
  orgCalls = out.apiCalls;
  for (const id of [MGMT, A, B]) {
    const r = await aws.collectAccount(id, { now: now(), org });
    evidence.set(id, r.evidence);
    calls.set(id, r.apiCalls);
  }
});
afterAll(() => sandbox?.stop());
afterEach(() => sandbox.setFaults([]));

const ev = (id: string) => evidence.get(id)!;
const ok = <T>(c: { ok: true; value: T } | { ok: false } | { notApplicable: string } | undefined): T => {
  expect(c).toMatchObject({ ok: true });
  return (c as { value: T }).value;
};

describe("organization discovery (checks.md §1.3)", () => {
  it("lists every account in pages of at most 20, with State", () => {
    expect(Object.keys(discovery.accounts)).toHaveLength(Object.keys(sandbox.scenario.accounts).length);
    expect(discovery.accounts[SUSPENDED]?.state).toBe("SUSPENDED");
    expect(discovery.accounts[A]).toMatchObject({ name: "security-tooling", email: "aws+security-tooling@example.com", state: "ACTIVE" });
    expect(discovery.managementAccountId).toBe(MGMT);
    expect(ok(discovery.organization)).toEqual({ id: "o-sandbox0001", featureSet: "ALL", managementAccountId: MGMT });
  });

  it("walks the OU path to the root with OU names, reads tags and the SCPs on the path", () => {
    const b = discovery.accounts[B]!;
    expect(ok(b.ouPath)).toEqual([
      { id: "ou-sbx1-prod0000", type: "ORGANIZATIONAL_UNIT", name: "Prod" },
      { id: "ou-sbx1-workload", type: "ORGANIZATIONAL_UNIT", name: "Workloads" },
      { id: "r-sbx1", type: "ROOT" },
    ]);
    expect(ok(b.tags)).toEqual({ owner: "team-payments@example.com", "data-classification": "restricted" });
    expect(ok(b.scps).map((p) => `${p.policyId}@${p.targetId}`).sort()).toEqual(["p-FullAWSAccess@r-sbx1", "p-denytrail@ou-sbx1-workload"]);
    expect(ok(b.scps).find((p) => p.policyId === "p-denytrail")?.content).toContain("cloudtrail:StopLogging");
  });

  it("finds delegated administrators and caches shared lookups", () => {
    expect(discovery.delegatedAdmins["access-analyzer.amazonaws.com"]).toEqual([A]);
    expect(discovery.delegatedAdmins["securityhub.amazonaws.com"]).toEqual([A]);
    const totals = sandbox.requests.totals();
    expect(totals["organizations:DescribePolicy"]?.count).toBe(2); // once per policy id
    expect(totals["organizations:ListAccounts"]?.count).toBe(2); // 26 accounts, 20 per page
  });

  it("reads SCP attachments per policy, not per account, OU and root", () => {
    const totals = sandbox.requests.totals();
    expect(totals["organizations:ListTargetsForPolicy"]?.count).toBe(2); // one page per SCP
    expect(totals["organizations:ListPoliciesForTarget"]).toBeUndefined();
  });

  it("asks each target for its SCPs, with the same result, when the per-policy listing is denied", async () => {
    sandbox.setFaults([{ service: "organizations", operation: "ListTargetsForPolicy", errorRate: 1, errorCode: "AccessDeniedException", httpStatus: 400 }]);
    const again = await aws.discoverOrganization({ now: now() });
    const scpsOf = (d: OrgDiscovery) => Object.fromEntries(Object.entries(d.accounts).map(([id, a]) => [id, ok(a.scps).map((p) => `${p.policyId}@${p.targetId}`).sort()]));
    expect(scpsOf(again)).toEqual(scpsOf(discovery));
    expect(sandbox.requests.totals()["organizations:ListPoliciesForTarget"]?.count).toBeGreaterThan(Object.keys(discovery.accounts).length);
  });
});

describe("organization evidence", () => {
  it("reads centralized root access, organization trails and the organization analyzers", () => {
    expect(ok(org.organizationsFeatures)).toEqual({ enabledFeatures: ["RootCredentialsManagement"] });
    const [trail] = ok(org.organizationTrails);
    expect(trail).toMatchObject({ name: "org-trail", isOrganizationTrail: true, isMultiRegionTrail: true, s3BucketName: "org-cloudtrail-logs", logFileValidationEnabled: true });
    expect(ok(trail!.status).isLogging).toBe(true);
    expect(ok(trail!.eventSelectors).eventSelectors).toEqual([{ readWriteType: "All", includeManagementEvents: true }]);
    expect(ok(org.orgAnalyzers["us-east-1"]).some((a) => a.type === "ORGANIZATION" && a.status === "ACTIVE")).toBe(true);
  });

  it("maps buckets to owners and reads the log bucket with the Log Archive role", () => {
    expect(ok(org.bucketOwners)).toMatchObject({ "org-cloudtrail-logs": LA, "a-public-site": A, "b-private": B });
    expect(org.logArchiveAccountId).toBe(LA);
    const p = ok(org.logBuckets["org-cloudtrail-logs"]);
    expect(ok(p.objectLock)).toEqual({ objectLockEnabled: true, defaultRetention: { mode: "COMPLIANCE", years: 1 } });
    expect(ok(p.versioning)).toEqual({ status: "Enabled", mfaDelete: "Disabled" });
    expect(ok(p.policy)).toContain("s3:DeleteObject");
    expect(ok(p.publicAccessBlock)?.restrictPublicBuckets).toBe(true);
    expect(ok(p.policyStatus)).toEqual({ isPublic: false });
  });

  it("reads findings automation in the Security Hub admin account", () => {
    expect(org.findingsAdmin?.accountId).toBe(A);
    expect(ok(org.findingsAdmin?.automationRules)).toEqual([{ ruleArn: expect.stringContaining("automation-rule/r1"), ruleName: "suppress-dev", ruleStatus: "ENABLED" }]);
    expect(ok(org.findingsAdmin?.eventRules["us-east-1"]).map((r) => r.name)).toContain("securityhub-to-slack");
  });

  it("reports its API calls", () => {
    expect(orgCalls.organizations).toBeGreaterThan(0);
    expect(orgCalls.iam).toBe(1);
  });
});

describe("account evidence (security-tooling, the fixture's noisy account)", () => {
  it("Regions: enabled ∩ allow-list", () => {
    expect(ev(A).regions).toEqual(REGIONS);
    expect(ev(A).collectedAt).toBe(now().toISOString());
  });

  it("IAM: credential report, summary, roles, policies, virtual MFA, federation", () => {
    const e = ev(A);
    const rows = ok(e.iam.credentialReport).rows;
    expect(rows.map((r) => r.user).sort()).toEqual(["<root_account>", "alice", "bob", "carol"]);
    expect(ok(e.iam.accountSummary)).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 1, AccountPasswordPresent: 1 });
    const roles = ok(e.iam.authorizationDetails).roles;
    expect(roles.find((r) => r.roleName === "never-used")?.lastUsedDate).toBeUndefined();
    expect(roles.find((r) => r.roleName === "stale-deploy-role")?.lastUsedDate).toBeDefined();
    expect(ok(e.item2.virtualMfaDevices).map((d) => d.userArn)).toContain(`arn:aws:iam::${A}:root`);
    expect(ok(e.item2.federationProviders)).toEqual({ saml: 1, oidc: 1 });
  });

  it("item 1: missing OPERATIONS contact is null, not an error", () => {
    const c = ev(A).item1.alternateContacts;
    expect(ok(c.security)?.emailAddress).toBe("security@example.com");
    expect(ok(c.operations)).toBeNull();
  });

  it("item 4: flattened security group rules", () => {
    const sgs = ok(ev(A).item4.securityGroups["us-east-1"]);
    expect(sgs).toHaveLength(7);
    expect(sgs.find((g) => g.groupName === "app-1")?.ipPermissions).toEqual([
      { protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["0.0.0.0/0"], ipv6Cidrs: [], prefixListIds: [], groupPairs: 0 },
      { protocol: "tcp", fromPort: 443, toPort: 443, cidrs: [], ipv6Cidrs: ["::/0"], prefixListIds: [], groupPairs: 0 },
    ]);
    expect(sgs.find((g) => g.groupName === "app-3")?.ipPermissions[0]?.groupPairs).toBe(1);
  });

  it("item 5: weak account BPA → per-bucket exposure; KMS keys with policies for customer keys only", () => {
    const i5 = ev(A).item5;
    expect(ok(i5.accountPublicAccessBlock)).toEqual({ blockPublicAcls: false, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true });
    const buckets = ok(i5.buckets);
    const site = buckets.find((b) => b.name === "a-public-site")!;
    expect(ok(site.policyStatus)).toEqual({ isPublic: true });
    expect(ok(site.publicAccessBlock)).toBeNull();
    expect(ok(site.acl).some((g) => g.granteeUri?.endsWith("/AllUsers"))).toBe(true);
    expect(buckets.find((b) => b.name === "a-locked-logs")).toMatchObject({ region: "eu-west-1", policyStatus: { ok: true, value: null } });
    const keys = ok(i5.kmsKeys["us-east-1"]);
    expect(keys.find((k) => k.keyManager === "CUSTOMER")?.policy).toMatchObject({ ok: true, value: expect.stringContaining('"AWS":"*"') });
    expect(keys.find((k) => k.keyManager === "AWS")?.policy).toBeUndefined();
  });

  it("item 5: account BPA fully on → no per-bucket calls", () => {
    expect(ok(ev(MGMT).item5.buckets)).toEqual([]);
    expect(sandbox.requests.count({ account: MGMT, operation: "GetBucketPolicyStatus" })).toBe(0);
  });

  it("item 5: missing account BPA is null (NoSuchPublicAccessBlockConfiguration)", () => {
    expect(ok(ev(B).item5.accountPublicAccessBlock)).toBeNull();
    expect(ok(ev(B).item5.buckets).map((b) => b.name)).toEqual(["b-private"]);
  });

  it("item 6: own and organization (shadow) trails with status by ARN", () => {
    const trails = ok(ev(A).item6.trails);
    expect(trails.map((t) => t.name).sort()).toEqual(["local-trail", "org-trail"]);
    const orgTrail = trails.find((t) => t.isOrganizationTrail)!;
    expect(ok(orgTrail.status).isLogging).toBe(true);
    // A member may not read an organization trail's selectors (checks.md §19.2): they come from ORG evidence.
    expect(ok(orgTrail.eventSelectors).eventSelectors).toEqual([{ readWriteType: "All", includeManagementEvents: true }]);
    expect(ok(trails.find((t) => t.name === "local-trail")!.eventSelectors).eventSelectors).toEqual([{ readWriteType: "WriteOnly", includeManagementEvents: true }]);
  });

  it("item 6: one Region is enough when a logging multi-Region trail is found there", async () => {
    sandbox.requests.clear();
    await aws.collectAccount(A, { now: now(), org });
    expect(sandbox.requests.count({ account: A, operation: "DescribeTrails" })).toBe(1);
    expect(sandbox.requests.count({ account: A, operation: "GetEventSelectors" })).toBe(1); // the local trail only
  });

  it("item 6: every Region is read when no logging multi-Region trail is visible", async () => {
    sandbox.requests.clear();
    await aws.collectAccount(B, { now: now() }); // B sees the organization trail, logging
    expect(sandbox.requests.count({ account: B, operation: "DescribeTrails" })).toBe(1);
    sandbox.update((s) => {
      s.accounts[MGMT]!.regions["us-east-1"]!.trails![0]!.status.IsLogging = false;
    });
    try {
      sandbox.requests.clear();
      await aws.collectAccount(B, { now: now() });
      expect(sandbox.requests.count({ account: B, operation: "DescribeTrails" })).toBe(2);
    } finally {
      sandbox.update((s) => {
        s.accounts[MGMT]!.regions["us-east-1"]!.trails![0]!.status.IsLogging = true;
      });
    }
  });

  it("item 6: without ORG evidence the member's GetEventSelectors error on an organization trail is kept as is", async () => {
    const { evidence: e } = await aws.collectAccount(B, { now: now() });
    const orgTrail = ok(e.item6.trails).find((t) => t.isOrganizationTrail)!;
    expect(orgTrail.eventSelectors).toMatchObject({ ok: false, error: { code: "CloudTrailARNInvalidException", action: "cloudtrail:GetEventSelectors" } });
  });

  it("item 7: analyzers per Region; ACTIVE findings owned by the account", () => {
    const i7 = ev(A).item7;
    expect(ok(i7.analyzers["us-east-1"]).map((a) => a.type).sort()).toEqual(["ACCOUNT_UNUSED_ACCESS", "ORGANIZATION"]);
    expect(ok(i7.externalAccessFindings["us-east-1"])).toEqual([
      expect.objectContaining({ id: "finding-0", isPublic: true, status: "ACTIVE", resourceOwnerAccount: A, principal: { AWS: "*" } }),
    ]);
  });

  it("item 7: an account without an analyzer gets its findings from the organization analyzer", () => {
    const f = ok(ev(B).item7.externalAccessFindings["us-east-1"]);
    expect(f.map((x) => x.id)).toEqual(["finding-2"]);
    expect(ev(B).item7.externalAccessFindings["eu-west-1"]).toEqual({ notApplicable: "no active external-access analyzer" });
  });

  it("item 8: Security Hub with aggregation, GuardDuty, EventBridge", () => {
    const i8 = ev(A).item8;
    const hub = ok(i8.securityHub["us-east-1"]);
    expect(hub.enabled && ok(hub.enabledStandards)).toHaveLength(2);
    const findings = ok(i8.securityHubFindings["us-east-1"]);
    expect(findings.findings.map((f) => f.id.split("/").pop())).toEqual(["f2", "eu1", "f1"]); // FirstObservedAt asc, aggregated
    expect(i8.securityHubFindings["eu-west-1"]).toEqual({ notApplicable: "aggregated in us-east-1" });
    expect(ok(i8.guardDuty["us-east-1"]).detectors).toEqual([{ detectorId: expect.any(String), status: "ENABLED" }]);
    expect(ok(i8.guardDutyFindings["us-east-1"]).findings.map((f) => f.id).sort()).toEqual(["gd-critical", "gd-high"]);
    expect(ok(i8.eventRules["us-east-1"]).find((r) => r.name === "securityhub-to-slack")?.state).toBe("ENABLED");
  });

  it("item 8: services off → { enabled: false } / { detectors: [] } and findings not applicable", () => {
    const i8 = ev(B).item8;
    expect(ok(i8.securityHub["us-east-1"])).toEqual({ enabled: false });
    expect(ok(i8.guardDuty["us-east-1"])).toEqual({ detectors: [] });
    expect(isNotApplicable(i8.guardDutyFindings["us-east-1"]!)).toBe(true);
    expect(isNotApplicable(i8.securityHubFindings["us-east-1"]!)).toBe(true);
  });

  it("item 3: counts, hits and references", () => {
    const i3 = ev(A).item3;
    expect(ok(i3.lambda["us-east-1"])).toMatchObject({ total: 62, scanned: 62, flagged: [expect.objectContaining({ name: "fn-000" })] });
    expect(ok(i3.ecs["us-east-1"])).toMatchObject({ total: 2, scanned: 2, references: 2 });
    expect(ok(i3.ec2UserData["us-east-1"])).toMatchObject({ total: 7, scanned: 7 }); // 5 live instances + 2 template versions
    expect(ok(i3.codebuild["us-east-1"])).toMatchObject({ total: 2, references: 1 });
    expect(ok(i3.secrets["us-east-1"]).map((s) => s.name).sort()).toEqual(["api", "db"]); // deleted secrets are not listed
  });

  it("item 10: Inspector, ECR", () => {
    const i10 = ev(A).item10;
    expect(ok(i10.inspector["us-east-1"])).toEqual({ status: "ENABLED", resourceState: { ec2: "ENABLED", ecr: "ENABLED", lambda: "ENABLED", lambdaCode: "DISABLED", codeRepository: "DISABLED" } });
    expect(ok(i10.ecrRepositoryCount["us-east-1"])).toBe(3);
    expect(ok(i10.ecrScanning["us-east-1"]).scanType).toBe("ENHANCED");
    expect(i10.ecrScanning["eu-west-1"]).toEqual({ notApplicable: "no ECR repositories" }); // no call where nothing to scan
  });

  it("evidence is plain JSON", () => {
    for (const e of evidence.values()) expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    expect(JSON.parse(JSON.stringify(org))).toEqual(org);
  });

  it("scores every item: nothing unknown except attestations", () => {
    for (const id of [MGMT, A, B]) {
      const score = scoreAccount(ev(id), org, { now: now().toISOString(), config: DEFAULT_SCORING_CONFIG, accountId: id, isManagementAccount: id === MGMT });
      const unknown = score.items.flatMap((i) => i.checks).filter((c) => c.result === "unknown" && c.reason !== "needs attestation");
      expect(unknown.map((c) => `${id} ${c.id}: ${c.reason}`)).toEqual([]);
    }
  });

  it("API calls per service match the sandbox's request log", async () => {
    sandbox.requests.clear();
    const { apiCalls: counted } = await aws.collectAccount(B, { now: now(), org });
    // A rescan makes the same calls (the credential report may already be COMPLETE: one Generate fewer).
    expect({ ...counted, iam: 0 }).toEqual({ ...calls.get(B), iam: 0 });
    // Everything logged during B's scan is its own: the organization analyzer's findings (in A) were
    // already listed once for this scan (org evidence) and are shared.
    const logged = sandbox.requests.list().length;
    expect(sandbox.requests.list({ account: A }).map((r) => r.operation)).toEqual([]);
    // Every entry assumes the role afresh (one AssumeRole per account per scan), made by the scanner.
    const { sts = 0, ...inAccount } = counted;
    expect(sts).toBe(1);
    expect(Object.values(inAccount).reduce((a, b) => a + b, 0) + sts).toBe(logged);
  });
});

it("accounts of one scan share one listing of the organization analyzer's findings", async () => {
  const scanOrg = { ...org, collectedAt: new Date(Date.now() + 1000).toISOString() };
  sandbox.requests.clear();
  const first = await aws.collectAccount(B, { now: now(), org: scanOrg });
  const listed = sandbox.requests.list({ account: A, operation: "ListFindings" }).length;
  expect(listed).toBeGreaterThan(0);
  const again = await aws.collectAccount(B, { now: now(), org: scanOrg });
  expect(sandbox.requests.list({ account: A, operation: "ListFindings" }).length).toBe(listed); // no new call in the delegated admin
  expect(again.evidence.item7.externalAccessFindings).toEqual(first.evidence.item7.externalAccessFindings);
});

describe("entry and failures", () => {
  it("AssumeRole refused (ExternalId mismatch) → AccountEntryError", async () => {
    const err = await aws.enterAccount(DENIED).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccountEntryError);
    expect(err).toMatchObject({ code: "AccessDenied", accountId: DENIED });
  });

  it("AccessDenied on one call → Collected error with err.name and the IAM action; other data unaffected", async () => {
    sandbox.setFaults([
      { service: "kms", operation: "ListKeys", account: B, errorRate: 1, errorCode: "AccessDeniedException", httpStatus: 400 },
      { service: "iam", operation: "GetAccountSummary", account: B, errorRate: 1, errorCode: "AccessDenied", httpStatus: 403 },
    ]);
    const { evidence: e } = await aws.collectAccount(B, { now: now(), org });
    expect(e.item5.kmsKeys["us-east-1"]).toMatchObject({ ok: false, error: { code: "AccessDeniedException", action: "kms:ListKeys" } });
    expect(e.iam.accountSummary).toMatchObject({ ok: false, error: { code: "AccessDenied", action: "iam:GetAccountSummary" } });
    expect(e.iam.credentialReport.ok).toBe(true);
  });

  it("throttling is retried by the SDK", async () => {
    sandbox.setFaults([
      { service: "ec2", account: A, errorRate: 0.3 },
      { service: "securityhub", account: A, errorRate: 0.3 },
    ]);
    sandbox.requests.clear();
    const scanner = sandboxScanner(sandbox, { regionsAllowList: REGIONS, maxAttempts: 8 });
    const { evidence: e } = await scanner.collectAccount(A, { now: now(), org });
    expect(sandbox.requests.list({ account: A }).filter((r) => r.errorCode !== undefined).length).toBeGreaterThan(0);
    expect(ok(e.item4.securityGroups["us-east-1"])).toHaveLength(7);
    expect(ok(e.item8.securityHub["us-east-1"])).toMatchObject({ enabled: true });
  });

  it("when SDK retries run out, the throttling error is evidence (unknown), not a crash", async () => {
    sandbox.setFaults([{ service: "ec2", operation: "DescribeSecurityGroups", account: A, region: "eu-west-1", errorRate: 1 }]);
    const { evidence: e } = await aws.collectAccount(A, { now: now(), org });
    expect(e.item4.securityGroups["eu-west-1"]).toMatchObject({ ok: false, error: { code: "RequestLimitExceeded", action: "ec2:DescribeSecurityGroups" } });
    expect(ok(e.item4.securityGroups["us-east-1"])).toHaveLength(7);
  });

  it("every call denied: every datum is the AWS error with its action, none silently not applicable", async () => {
    const services = ["iam", "ec2", "account", "lambda", "ecs", "codebuild", "secretsmanager", "s3", "s3control", "kms", "cloudtrail", "access-analyzer", "securityhub", "guardduty", "events", "inspector2", "ecr", "macie2"];
    sandbox.setFaults(
      services.map((service) => ({
        account: B,
        service,
        errorRate: 1,
        errorCode: service === "ec2" ? "UnauthorizedOperation" : service === "iam" || service.startsWith("s3") ? "AccessDenied" : "AccessDeniedException",
        httpStatus: 403,
      })),
    );
    const { evidence: e } = await aws.collectAccount(B, { now: now(), org });
    expect(e.regions).toEqual(REGIONS); // DescribeRegions denied → the allow-list
    // Every collected datum is the AWS error; nothing became `notApplicable` or a value.
    const leaves: { path: string; v: unknown }[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v !== "object" || v === null) return;
      if ("ok" in v || "notApplicable" in v) return void leaves.push({ path, v });
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(e, "evidence");
    expect(leaves.length).toBeGreaterThan(40);
    for (const { path, v } of leaves) expect(v, path).toMatchObject({ ok: false, error: { code: expect.stringMatching(/AccessDenied|UnauthorizedOperation/), action: expect.any(String) } });
    const score = scoreAccount(e, org, { now: now().toISOString(), config: DEFAULT_SCORING_CONFIG, accountId: B, isManagementAccount: false });
    for (const c of score.items.flatMap((i) => i.checks).filter((x) => x.result === "unknown" && x.reason !== "needs attestation"))
      expect(c.reason, c.id).toMatch(/AccessDenied|UnauthorizedOperation|could (not )?be read/i);
  });

  it("a Region the account has not enabled → notApplicable (DescribeRegions denied, allow-list used)", async () => {
    sandbox.setFaults([{ service: "ec2", operation: "DescribeRegions", account: B, errorRate: 1, errorCode: "UnauthorizedOperation", httpStatus: 403 }]);
    const scanner = sandboxScanner(sandbox, { regionsAllowList: ["us-east-1", "ap-east-1"] });
    const { evidence: e } = await scanner.collectAccount(B, { now: now(), org });
    expect(e.regions).toEqual(["us-east-1", "ap-east-1"]);
    for (const r of [e.item8.guardDuty, e.item8.securityHub, e.item4.securityGroups, e.item3.lambda, e.item5.kmsKeys, e.item10.inspector])
      expect(r["ap-east-1"]).toEqual({ notApplicable: expect.stringContaining("ap-east-1") });
    expect(ok(e.item8.guardDuty["us-east-1"])).toEqual({ detectors: [] });
  });

  it("the credential report waits (with backoff) until it is COMPLETE", async () => {
    sandbox.update((s) => {
      s.credentialReportDelayMs = 150;
    });
    try {
      const scanner = sandboxScanner(sandbox, { regionsAllowList: ["us-east-1"], credentialReportBaseDelayMs: 20 });
      const t0 = Date.now();
      const { evidence: e, apiCalls } = await scanner.collectAccount("600000000001", { now: now() }); // a filler account, entered fresh
      expect(ok(e.iam.credentialReport).rows[0]?.user).toBe("<root_account>");
      expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
      expect(apiCalls.iam).toBeGreaterThan(5);
    } finally {
      sandbox.update((s) => {
        s.credentialReportDelayMs = 20;
      });
    }
  });

  it("an aborted scan rejects", async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(aws.collectAccount(B, { now: now(), signal: ac.signal })).rejects.toMatchObject({ name: "AbortError" });
  });
});
