import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanResultDocument } from "@/db/store/scan-results";
import { CHECKS } from "@/lib/scoring/catalogue";
import { daysAgo } from "@/sandbox/scenario/clock";
import { addAccount, createScenario, placeScanner, regionData, secureRegion } from "@/sandbox/scenario/builder";
import type { Scenario } from "@/sandbox/scenario/types";
import { startScanHarness, type ScanHarness } from "@/test/scan-harness";

// One organisation, scanned from each place README "Deploying to AWS" allows: the management account
// (member role deployed by a service-managed StackSet, which skips the management account), a delegated
// administrator (Security Tooling, with the member role also deployed in the management account as a
// plain stack) and an account outside the organisation. The organisation is set up the way AWS
// recommends: the organization analyzer was created in the management account, root credentials of
// members are centrally managed, an SCP protects CloudTrail.

const R = "us-east-1";
const SECURITY = "222200000001";
const WORKLOAD = "222200000002";
const OUTSIDE = "999900000001";
const MANAGEMENT_ONLY = CHECKS.filter((c) => c.scope === "ORG" || c.scope === "MGMT").map((c) => c.id);

type Placement = "management" | "delegated-admin" | "outside";

function organisation(placement: Placement, o: { managementRole: boolean }): Scenario {
  const s = createScenario();
  const org = s.organization!;
  const management = s.accounts[s.management.accountId]!;
  const security = addAccount(s, { id: SECURITY, name: "security-tooling" });
  // Centrally managed root: no password, no keys, no MFA device (checks.md §3).
  const workload = addAccount(s, { id: WORKLOAD, name: "workload", root: { hasPassword: false, mfa: "none", accessKeys: [] } });
  for (const principal of ["access-analyzer.amazonaws.com", "securityhub.amazonaws.com", "guardduty.amazonaws.com"]) {
    org.delegatedAdministrators.push({ accountId: SECURITY, servicePrincipal: principal, since: daysAgo(s.clock, 200) });
    org.serviceAccess.push({ servicePrincipal: principal, since: daysAgo(s.clock, 200) });
  }
  org.policies.push({
    summary: { Id: "p-protecttrail", Name: "ProtectCloudTrail", Description: "No trail tampering", Type: "SERVICE_CONTROL_POLICY", AwsManaged: false },
    content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], Resource: "*" }] }),
    targets: [org.rootId],
  });
  for (const account of [management, security, workload]) {
    account.tags = { owner: "platform@example.com", "data-classification": "internal" };
    Object.assign(regionData(account, R), secureRegion(s, account.id, R));
  }
  // The workload has no analyzer of its own: the organization analyzer in the management account covers it.
  regionData(workload, R).analyzers = [];
  regionData(management, R).analyzers = [
    {
      summary: { arn: `arn:aws:access-analyzer:${R}:${management.id}:analyzer/organization`, name: "organization", type: "ORGANIZATION", status: "ACTIVE", createdAt: daysAgo(s.clock, 300), tags: {} },
      findings: [],
      findingsV2: [],
    },
  ];
  if (!o.managementRole) management.iam.roles = management.iam.roles.filter((role) => role.RoleName !== s.access.roleName);
  if (placement === "delegated-admin") placeScanner(s, SECURITY);
  if (placement === "outside") placeScanner(s, OUTSIDE, { name: "tenfold-tooling" });
  return s;
}

const check = (document: ScanResultDocument, accountId: string, id: string) => {
  const account = document.accounts.find((a) => a.accountId === accountId);
  return account?.items.flatMap((item) => item.checks).find((c) => c.id === id);
};

async function scanFrom(placement: Placement, o: { managementRole: boolean }) {
  const scenario = organisation(placement, o);
  const env: Record<string, string> = { TENFOLD_REGIONS: R };
  if (placement === "outside") env.TENFOLD_MANAGEMENT_ACCOUNT_ID = scenario.management.accountId;
  const harness = await startScanHarness({ scenario, env });
  return { harness, scenario };
}

describe.each<{ placement: Placement; managementRole: boolean }>([
  { placement: "management", managementRole: false },
  { placement: "delegated-admin", managementRole: true },
  { placement: "outside", managementRole: true },
])("a scanner in the $placement placement", ({ placement, managementRole }) => {
  let harness: ScanHarness;
  let scenario: Scenario;
  let document: ScanResultDocument;
  beforeAll(async () => {
    ({ harness, scenario } = await scanFrom(placement, { managementRole }));
    document = await harness.scan();
  });
  afterAll(() => harness?.stop());

  it("scores every account of the organisation, and only those, with no account failing", () => {
    // In the management placement there is no member role to assume there: the scanner reads it itself.
    const roles = scenario.accounts[scenario.management.accountId]!.iam.roles.map((r) => r.RoleName);
    expect(roles.includes(scenario.access.roleName)).toBe(managementRole);
    const ids = document.accounts.map((a) => a.accountId).sort();
    expect(ids).toEqual([scenario.management.accountId, SECURITY, WORKLOAD].sort());
    for (const account of document.accounts) {
      expect(account.error, account.accountId).toBeNull();
      expect(["ok", "partial"]).toContain(account.status);
    }
  });

  it("evaluates every check only the management account can answer", () => {
    for (const account of document.accounts)
      for (const id of MANAGEMENT_ONLY) expect(check(document, account.accountId, id)?.result, `${account.accountId} ${id}`).not.toBe("unknown");
    expect(check(document, WORKLOAD, "i2.org_root_access_centralized")?.result).toBe("pass");
    expect(check(document, WORKLOAD, "i6.trail_tamper_protected")?.reason).toMatch(/SCP/);
  });

  it("credits a member whose root is centrally managed, and finds the organization analyzer in the management account", () => {
    expect(check(document, WORKLOAD, "i2.root_mfa")).toMatchObject({ result: "pass", reason: "no root credentials" });
    expect(check(document, WORKLOAD, "i2.root_hardware_mfa")?.result).toBe("not_applicable");
    expect(check(document, WORKLOAD, "i7.access_analyzer_enabled")).toMatchObject({ result: "pass" });
  });
});

describe("a delegated-admin scanner without the member role in the management account", () => {
  let harness: ScanHarness;
  let document: ScanResultDocument;
  let scenario: Scenario;
  beforeAll(async () => {
    ({ harness, scenario } = await scanFrom("delegated-admin", { managementRole: false }));
    document = await harness.scan();
  });
  afterAll(() => harness?.stop());

  it("cannot enter the management account, and says so", () => {
    const management = document.accounts.find((a) => a.accountId === scenario.management.accountId);
    expect(management).toMatchObject({ status: "failed", error: { code: "AccessDenied" } });
    for (const id of [SECURITY, WORKLOAD]) expect(["ok", "partial"]).toContain(document.accounts.find((a) => a.accountId === id)?.status);
  });

  it("says unknown, with the reason, for what only the management account knows, and never guesses", () => {
    expect(check(document, WORKLOAD, "i2.org_root_access_centralized")).toMatchObject({ result: "unknown", reason: "run from the management account / IAM delegated admin" });
    expect(check(document, WORKLOAD, "i2.root_mfa")).toMatchObject({ result: "unknown", reason: expect.stringMatching(/root access centrally is unknown/) });
    expect(check(document, WORKLOAD, "i7.access_analyzer_enabled")).toMatchObject({ result: "unknown", reason: "organization analyzers: AccessDenied: sts:AssumeRole (us-east-1)" });
    // Organizations itself answers a delegated administrator: tags and SCPs are still read.
    expect(check(document, WORKLOAD, "i5.classification_tagged")?.result).toBe("pass");
    expect(check(document, WORKLOAD, "i6.trail_tamper_protected")?.result).toBe("pass");
  });
});
