// The demo organisation at a given clock: ~40 accounts in a realistic OU tree, each item green,
// amber or red somewhere (deterministic), plus the org-wide pieces (delegated admins, SCPs, log archive).
import { addAccount, addOu, bucket, createScenario, regionData } from "../scenario/builder";
import { daysAgo } from "../scenario/clock";
import type { Scenario } from "../scenario/types";
import { DEMO_LOG_ARCHIVE_ID, DEMO_MANAGEMENT_ID, DEMO_SECURITY_ID, demoAccounts, extraAccounts, type DemoAccountSpec, type OuKey } from "./accounts";
import { applyPosture, baselineColor, ITEMS, LOG_BUCKET, type Color, type Item } from "./posture";

export const DEMO_EXTERNAL_ID = "tenfold-demo-external-id";
export type Postures = Record<string, Record<Item, Color>>;

/** Baseline colours the timeline relies on (the "before" of each weekly change). */
export const FORCED: Record<string, Partial<Record<Item, Color>>> = {
  "payments-prod": { 2: "red", 10: "amber" },
  "dev-sandbox-7": { 4: "green" },
  "orders-prod": { 9: "red", 10: "amber" },
  "analytics-dev": { 3: "green" },
  "catalog-prod": { 5: "red" },
  "mobile-api-prod": { 8: "green" },
  "search-dev": { 1: "red" },
  "web-dev": { 1: "red" },
  "ml-platform-dev": { 5: "green" },
  "web-prod": { 10: "amber" },
  "data-lake-prod": { 7: "red" },
  "notifications-prod": { 2: "green" },
  // Coverage guarantees: every item has each colour at least once.
  "dev-sandbox-1": { 1: "amber", 2: "amber", 3: "red", 4: "amber", 5: "amber", 6: "red", 7: "amber", 8: "red", 9: "red", 10: "red" },
  "dev-sandbox-2": { 1: "red", 2: "red", 3: "amber", 4: "red", 5: "red", 6: "amber", 7: "red", 8: "amber", 9: "amber", 10: "amber" },
  "security-tooling": { 1: "green", 2: "green", 3: "green", 4: "green", 5: "green", 6: "green", 7: "green", 8: "green", 9: "green", 10: "green" },
};

const OU_IDS: Record<OuKey, string> = {
  security: "ou-demo-security",
  infrastructure: "ou-demo-infra000",
  prod: "ou-demo-prod0000",
  dev: "ou-demo-dev00000",
  sandbox: "ou-demo-sandbox0",
  suspended: "ou-demo-suspend0",
};

/** `totalAccounts` > 39 adds generated workload accounts (benchmarks); fewer keeps the demo as is. */
export function buildDemoOrganization(clock: Date, totalAccounts = 0): { scenario: Scenario; postures: Postures; specs: Map<string, DemoAccountSpec> } {
  const s = createScenario({ clock, seed: 2026, managementAccountId: DEMO_MANAGEMENT_ID, managementName: "tenfold-demo-management", externalId: DEMO_EXTERNAL_ID, credentialReportDelayMs: 200 });
  const org = s.organization!;
  org.id = "o-tenfolddemo";
  org.rootId = "r-demo";
  org.policies[0]!.targets = ["r-demo"];
  addOu(s, "Security", undefined, OU_IDS.security);
  addOu(s, "Infrastructure", undefined, OU_IDS.infrastructure);
  const workloads = addOu(s, "Workloads", undefined, "ou-demo-workload");
  addOu(s, "Prod", workloads, OU_IDS.prod);
  addOu(s, "Dev", workloads, OU_IDS.dev);
  addOu(s, "Sandbox", undefined, OU_IDS.sandbox);
  addOu(s, "Suspended", undefined, OU_IDS.suspended);
  org.policies.push(
    {
      summary: { Id: "p-denytamper01", Name: "DenyCloudTrailTamper", Description: "Members cannot stop or delete trails", Type: "SERVICE_CONTROL_POLICY", AwsManaged: false },
      content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "NoTrailTamper", Effect: "Deny", Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors"], Resource: "*" }] }),
      targets: [workloads, OU_IDS.sandbox],
    },
    {
      summary: { Id: "p-denyleave001", Name: "DenyLeaveOrganization", Description: "Accounts cannot leave the organization", Type: "SERVICE_CONTROL_POLICY", AwsManaged: false },
      content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] }),
      targets: ["r-demo"],
    },
  );
  for (const p of ["access-analyzer.amazonaws.com", "guardduty.amazonaws.com", "securityhub.amazonaws.com", "inspector2.amazonaws.com"]) {
    org.delegatedAdministrators.push({ accountId: DEMO_SECURITY_ID, servicePrincipal: p, since: daysAgo(clock, 500) });
    org.serviceAccess.push({ servicePrincipal: p, since: daysAgo(clock, 500) });
  }
  org.serviceAccess.push({ servicePrincipal: "cloudtrail.amazonaws.com", since: daysAgo(clock, 500) });

  const specs = new Map<string, DemoAccountSpec>();
  const base = demoAccounts();
  const list = [...base, ...extraAccounts(totalAccounts - base.length)];
  for (const [i, spec] of list.entries()) {
    specs.set(spec.name, spec);
    const tags: Record<string, string> = { owner: spec.owner };
    if (spec.classification) tags["data-classification"] = spec.classification;
    const joined = daysAgo(clock, 900 - i * 17);
    const init = {
      name: spec.name,
      email: `aws+${spec.name}@example.com`,
      parentId: spec.ou === "root" ? org.rootId : OU_IDS[spec.ou],
      tags,
      state: spec.suspended ? ("SUSPENDED" as const) : ("ACTIVE" as const),
      joinedAt: joined,
      joinedMethod: i % 7 === 3 ? ("INVITED" as const) : ("CREATED" as const),
      createdAt: joined,
    };
    if (spec.id === DEMO_MANAGEMENT_ID) Object.assign(s.accounts[DEMO_MANAGEMENT_ID]!, init, { id: DEMO_MANAGEMENT_ID });
    else addAccount(s, { id: spec.id, ...init });
  }

  // Log archive: the central CloudTrail bucket, protected by Object Lock.
  s.accounts[DEMO_LOG_ARCHIVE_ID]!.s3.buckets = [
    bucket(s, LOG_BUCKET, {
      createdAt: daysAgo(clock, 800),
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "CloudTrailWrite", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: `arn:aws:s3:::${LOG_BUCKET}/*` }] }),
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      versioning: { Status: "Enabled", MFADelete: "Disabled" },
      objectLock: { ObjectLockEnabled: "Enabled", Rule: { DefaultRetention: { Mode: "COMPLIANCE", Years: 1 } } },
    }),
  ];
  // Organization-wide Access Analyzer in the security account (delegated admin), every Region.
  const sec = s.accounts[DEMO_SECURITY_ID]!;
  for (const region of sec.enabledRegions)
    regionData(sec, region).analyzers = [
      {
        summary: { arn: `arn:aws:access-analyzer:${region}:${DEMO_SECURITY_ID}:analyzer/org-analyzer`, name: "org-analyzer", type: "ORGANIZATION", status: "ACTIVE", createdAt: daysAgo(clock, 500), tags: {} },
        findings: [],
        findingsV2: [],
      },
    ];

  const postures: Postures = {};
  for (const spec of list) {
    if (spec.suspended) continue;
    const a = s.accounts[spec.id]!;
    const colors = {} as Record<Item, Color>;
    for (const item of ITEMS) {
      const color = FORCED[spec.name]?.[item] ?? baselineColor(spec, item);
      colors[item] = color;
      applyPosture(s, a, spec, item, color);
    }
    postures[spec.name] = colors;
  }
  return { scenario: s, postures, specs };
}

