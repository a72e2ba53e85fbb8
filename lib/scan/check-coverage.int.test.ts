import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKS } from "@/lib/scoring/catalogue";
import type { ScanResultDocument } from "@/db/store/scan-results";
import type { FaultRule } from "@/sandbox/faults";
import { DEMO_LOG_ARCHIVE_ID, DEMO_MANAGEMENT_ID, DEMO_SECURITY_ID, demoAccounts, demoClock, demoScenarioAt } from "@/sandbox/demo";
import { addAccount, bucket, ingress, regionData, securityGroup } from "@/sandbox/scenario/builder";
import { daysAgo } from "@/sandbox/scenario/clock";
import type { Scenario } from "@/sandbox/scenario/types";
import { startScanHarness, type ScanHarness } from "@/test/scan-harness";

// Table-driven coverage through the real SDK: the demo organisation (green, amber and red postures in
// every item) scanned at its first and last week, a few accounts built for the outcomes the demo lacks,
// one account whose every AWS call is denied, and a scan with organisation-level reads denied. Every
// check must show each outcome its criteria allow, and every catalogue check must appear, with a
// result and (when unknown or not applicable) a reason, in every scanned account of every scan.

type Outcome = "pass" | "fail" | "warn" | "unknown" | "not_applicable";

// Checks whose criteria have no `fail`: their bad outcome is `warn` (checks.md tables).
const WARN_ONLY = new Set([
  "i1.contacts_distinct_shared",
  "i2.org_root_access_centralized",
  "i2.root_recent_use",
  "i4.sg_other_ports_open",
  "i4.sg_unknown_public_source",
  "i5.classification_tagged",
  "i5.kms_encrypt_decrypt_separated",
  "i6.trail_tamper_protected",
  "i8.findings_automation",
  "i9.single_active_key",
  "i9.long_term_keys_present",
]);

// Informational checks that only count positive evidence: pass, or not applicable when there is none.
const POSITIVE_ONLY = new Set(["i3.secret_store_in_use"]);

// Optional checks (checks.md §18 "(opt.)"), now collected: their own outcome tables.
const OPTIONAL: Record<string, Outcome[]> = {
  "i5.macie_enabled": ["pass", "warn", "unknown"], // warn: "Macie is not enabled"; unknown: macie2:GetMacieSession denied
  "i7.unused_access_analyzer": ["not_applicable"], // paid analyzer: none in the demo organisation
  "i10.inspector_critical_findings": ["pass", "warn", "unknown", "not_applicable"], // n/a: Inspector off
};

function expectedOutcomes(check: (typeof CHECKS)[number]): Outcome[] {
  if ("manual" in check && check.manual) return ["unknown"]; // "needs attestation" until the workflow issue
  if ("optional" in check && check.optional) return OPTIONAL[check.id] ?? [];
  if (POSITIVE_ONLY.has(check.id)) return ["pass", "unknown"];
  return ["pass", WARN_ONLY.has(check.id) ? "warn" : "fail", "unknown"];
}

function observe(documents: ScanResultDocument[]): Map<string, Map<Outcome, string>> {
  const seen = new Map<string, Map<Outcome, string>>();
  for (const document of documents) {
    for (const account of document.accounts) {
      for (const item of account.items) {
        for (const check of item.checks) {
          const outcomes = seen.get(check.id) ?? new Map<Outcome, string>();
          if (!outcomes.has(check.result as Outcome)) outcomes.set(check.result as Outcome, `${account.name}: ${check.reason}`);
          seen.set(check.id, outcomes);
        }
      }
    }
  }
  return seen;
}

const DENIED_SERVICES = ["iam", "ec2", "account", "lambda", "ecs", "codebuild", "secretsmanager", "s3", "s3control", "kms", "cloudtrail", "access-analyzer", "securityhub", "guardduty", "events", "inspector2", "ecr", "macie2"];

function deniedEverywhere(accountId: string): FaultRule[] {
  return DENIED_SERVICES.map((service) => ({
    account: accountId,
    service,
    errorRate: 1,
    errorCode: service === "ec2" ? "UnauthorizedOperation" : service === "iam" || service.startsWith("s3") ? "AccessDenied" : "AccessDeniedException",
    httpStatus: 403,
  }));
}

/** Accounts with the bad outcomes the demo organisation does not produce. */
function addEdgeCases(scenario: Scenario): void {
  const clock = scenario.clock;
  const noBilling = addAccount(scenario, { name: "edge-no-billing-contact" });
  delete noBilling.contacts.BILLING;

  const rotation = addAccount(scenario, { name: "edge-rotation-failing" });
  regionData(rotation, "us-east-1").secrets = [
    {
      ARN: `arn:aws:secretsmanager:us-east-1:${rotation.id}:secret:db-AbCdEf`,
      Name: "db",
      RotationEnabled: true,
      RotationRules: { AutomaticallyAfterDays: 30 },
      LastRotatedDate: daysAgo(clock, 40),
      NextRotationDate: daysAgo(clock, 10),
      CreatedDate: daysAgo(clock, 400),
    },
  ];

  const network = addAccount(scenario, { name: "edge-network" });
  regionData(network, "us-east-1").securityGroups = [
    securityGroup(network.id, "sg-0default000000001", { name: "default", ingress: [ingress(443, "10.0.0.0/8")] }),
    securityGroup(network.id, "sg-0partner00000001", { name: "partner-api", ingress: [ingress(8443, "198.51.100.0/24")] }),
  ];

  // Its own trail into its own bucket: no deletion protection, and public.
  const ownTrail = addAccount(scenario, { name: "edge-own-trail-bucket" });
  const trailBucket = `edge-trail-logs-${ownTrail.id}`;
  ownTrail.s3.buckets.push(bucket(scenario, trailBucket, { policyIsPublic: true, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${trailBucket}/*` }] }) }));
  regionData(ownTrail, "us-east-1").trails = [
    {
      trail: {
        Name: "own-trail",
        TrailARN: `arn:aws:cloudtrail:us-east-1:${ownTrail.id}:trail/own-trail`,
        HomeRegion: "us-east-1",
        IsMultiRegionTrail: true,
        IsOrganizationTrail: false,
        S3BucketName: trailBucket,
        IncludeGlobalServiceEvents: true,
        LogFileValidationEnabled: true,
        HasCustomEventSelectors: false,
        HasInsightSelectors: false,
      },
      status: { IsLogging: true, LatestDeliveryTime: daysAgo(clock, 0.01), StartLoggingTime: daysAgo(clock, 100) },
      eventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
    },
  ];

  const kms = addAccount(scenario, { name: "edge-kms-decrypt-anywhere" });
  kms.iam.policies = [
    {
      PolicyName: "decrypt-everything",
      PolicyId: "ANPAEDGEKMS000000001",
      Arn: `arn:aws:iam::${kms.id}:policy/decrypt-everything`,
      Path: "/",
      DefaultVersionId: "v1",
      AttachmentCount: 1,
      IsAttachable: true,
      CreateDate: daysAgo(clock, 30),
      UpdateDate: daysAgo(clock, 30),
      PolicyVersionList: [
        {
          VersionId: "v1",
          IsDefaultVersion: true,
          CreateDate: daysAgo(clock, 30),
          Document: encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt"], Resource: "*" }] })),
        },
      ],
    },
  ];
}

describe("every check through the real SDK", () => {
  let harness: ScanHarness;
  let deniedId = "";
  const documents: ScanResultDocument[] = [];

  beforeAll(async () => {
    const first = demoScenarioAt(0);
    first.organization!.rootFeatures = []; // centralized root access off: the ORG check warns
    deniedId = addAccount(first, { name: "everything-denied" }).id;
    addEdgeCases(first);
    harness = await startScanHarness({
      scenario: first,
      faults: deniedEverywhere(deniedId),
      env: {
        TENFOLD_REGIONS: "us-east-1,eu-west-1",
        TENFOLD_AWS_MAX_ATTEMPTS: "2",
        TENFOLD_KNOWN_CIDRS: "203.0.113.0/24",
        TENFOLD_LOG_ARCHIVE_ACCOUNT_ID: DEMO_LOG_ARCHIVE_ID,
      },
    });
    documents.push(await harness.scan({ asOf: demoClock(0) }));

    const last = demoScenarioAt(12);
    for (const [id, account] of Object.entries(first.accounts)) last.accounts[id] ??= account;
    harness.sandbox.setScenario(last);
    documents.push(await harness.scan({ asOf: demoClock(12) }));

    // Week 0 again (no organisation trail yet) with organisation-level reads denied, so the ORG checks and the
    // classification tag cannot be evaluated; and without the security account's organisation analyzer and
    // findings automation, so accounts that rely on them fail or warn.
    const third = demoScenarioAt(0);
    for (const [id, account] of Object.entries(first.accounts)) third.accounts[id] ??= account;
    for (const region of Object.values(third.accounts[DEMO_SECURITY_ID]!.regions)) {
      region.analyzers = [];
      region.eventRules = [];
      if (region.securityHub) region.securityHub.automationRules = [];
    }
    harness.sandbox.setScenario(third);
    harness.sandbox.setFaults([
      ...deniedEverywhere(deniedId),
      { account: DEMO_MANAGEMENT_ID, service: "iam", operation: "ListOrganizationsFeatures", errorRate: 1, errorCode: "AccessDenied", httpStatus: 403 },
      { account: DEMO_MANAGEMENT_ID, service: "organizations", operation: /^(ListPoliciesForTarget|ListTargetsForPolicy|DescribePolicy|ListTagsForResource)$/, errorRate: 1, errorCode: "AccessDeniedException", httpStatus: 400 },
    ]);
    documents.push(await harness.scan({ asOf: demoClock(0) }));
  }, 400_000);
  afterAll(() => harness?.stop());

  it.each(CHECKS.map((check) => [check.id, check] as const))("%s shows every outcome its criteria allow", (id, check) => {
    const seen = observe(documents).get(id) ?? new Map();
    const missing = expectedOutcomes(check).filter((outcome) => !seen.has(outcome));
    expect(missing, `${id} seen: ${JSON.stringify(Object.fromEntries(seen))}`).toEqual([]);
  });

  it("puts every catalogue check, with a result, in every account of the demo organisation, in every scan", () => {
    const active = demoAccounts().filter((a) => !a.suspended);
    expect(active.length).toBeGreaterThanOrEqual(37);
    const catalogue = CHECKS.map((c) => c.id).sort();
    for (const [n, document] of documents.entries()) {
      for (const spec of active) {
        const account = document.accounts.find((a) => a.accountId === spec.id);
        expect(account, `scan ${n}: ${spec.name} missing`).toBeDefined();
        expect(account!.status, `scan ${n}: ${spec.name}`).toMatch(/^(ok|partial)$/);
        const checks = account!.items.flatMap((item) => item.checks);
        expect(checks.map((c) => c.id).sort(), `scan ${n}: ${spec.name}`).toEqual(catalogue);
        for (const c of checks) expect(["pass", "fail", "warn", "unknown", "not_applicable"], `scan ${n}: ${spec.name} ${c.id}`).toContain(c.result);
      }
    }
  });

  it("gives every unknown and not-applicable result, in every scanned account, a reason", () => {
    const silent = documents.flatMap((document) =>
      document.accounts.flatMap((account) =>
        account.items
          .flatMap((item) => item.checks)
          .filter((c) => (c.result === "unknown" || c.result === "not_applicable") && c.reason.trim() === "")
          .map((c) => `${account.name} ${c.id} ${c.result}`),
      ),
    );
    expect(silent).toEqual([]);
  });

  it("explains every unknown of the denied account with the AWS error", () => {
    for (const document of documents) {
      const denied = document.accounts.find((account) => account.accountId === deniedId)!;
      const unknowns = denied.items.flatMap((item) => item.checks).filter((check) => check.result === "unknown" && check.reason !== "needs attestation");
      expect(unknowns.length).toBeGreaterThan(20);
      for (const check of unknowns) expect(check.reason, check.id).toMatch(/AccessDenied|UnauthorizedOperation|could (not )?be read|not collected/i);
    }
  });
});
