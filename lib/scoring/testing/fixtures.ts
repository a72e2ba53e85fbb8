import { checkContext, type CheckContext } from "../context";
import { defineScoringConfig, type ScoringConfig } from "../config";
import {
  collectFailed,
  collected,
  ROOT_USER,
  type AccountEvidence,
  type Collected,
  type CredentialReportRow,
  type OrgEvidence,
  type Regional,
  type Trail,
} from "../evidence";

// Test fixtures: a well-configured account and organization in which every check passes. Tests change
// one field at a time. Not imported by product code.

export const NOW = "2026-11-29T00:00:00Z";
export const ACCOUNT = "111111111111";
export const MGMT = "999999999999";
export const LOG_ARCHIVE = "222222222222";
export const REGIONS = ["us-east-1", "eu-west-1"] as const;

export const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

export const everyRegion = <T>(value: T): Regional<T> => Object.fromEntries(REGIONS.map((r) => [r, collected(structuredClone(value))]));
export const denied = <T = never>(action = "x:Y"): Collected<T> => collectFailed<T>("AccessDenied", "denied", action);
export const deniedCode = "AccessDenied";

const NA = { kind: "n/a" } as const;
const F = { kind: "bool", value: false } as const;
const T = { kind: "bool", value: true } as const;

export const userRow = (user: string, over: Partial<CredentialReportRow> = {}): CredentialReportRow => ({
  user,
  arn: user === ROOT_USER ? `arn:aws:iam::${ACCOUNT}:root` : `arn:aws:iam::${ACCOUNT}:user/${user}`,
  user_creation_time: { kind: "date", iso: daysAgo(400) },
  password_enabled: user === ROOT_USER ? { kind: "not_supported" } : F,
  password_last_used: { kind: "no_information" },
  password_last_changed: user === ROOT_USER ? { kind: "not_supported" } : NA,
  password_next_rotation: user === ROOT_USER ? { kind: "not_supported" } : NA,
  mfa_active: user === ROOT_USER ? T : F,
  access_key_1_active: F,
  access_key_1_last_rotated: NA,
  access_key_1_last_used_date: NA,
  access_key_1_last_used_region: NA,
  access_key_1_last_used_service: NA,
  access_key_2_active: F,
  access_key_2_last_rotated: NA,
  access_key_2_last_used_date: NA,
  access_key_2_last_used_region: NA,
  access_key_2_last_used_service: NA,
  cert_1_active: F,
  cert_1_last_rotated: NA,
  cert_2_active: F,
  cert_2_last_rotated: NA,
  ...over,
});

export const date = (d: number) => ({ kind: "date", iso: daysAgo(d) }) as const;
export const TRUE = T;
export const FALSE = F;

const ORG_TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-trail`;
export const LOG_BUCKET = "org-cloudtrail-logs";

export const orgTrail = (over: Partial<Trail> = {}): Trail => ({
  name: "org-trail",
  trailArn: ORG_TRAIL_ARN,
  homeRegion: "us-east-1",
  isMultiRegionTrail: true,
  isOrganizationTrail: true,
  s3BucketName: LOG_BUCKET,
  kmsKeyId: `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/abc`,
  logFileValidationEnabled: true,
  status: collected({ isLogging: true }),
  eventSelectors: collected({ eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }], advancedEventSelectors: [] }),
  ...over,
});

export const goodAccount = (): AccountEvidence => ({
  schemaVersion: 1,
  accountId: ACCOUNT,
  collectedAt: NOW,
  regions: [...REGIONS],
  iam: {
    credentialReport: collected({
      generatedTime: NOW,
      rows: [
        userRow(ROOT_USER),
        userRow("alice", { password_enabled: T, mfa_active: T, password_last_used: date(2), password_last_changed: date(100) }),
        userRow("bob", { password_enabled: T, mfa_active: T, password_last_used: date(10), password_last_changed: date(200) }),
      ],
    }),
    accountSummary: collected({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, AccountPasswordPresent: 1 }),
    authorizationDetails: collected({
      roles: [
        { roleName: "app", arn: `arn:aws:iam::${ACCOUNT}:role/app`, path: "/", createDate: daysAgo(500), lastUsedDate: daysAgo(3) },
        { roleName: "AWSServiceRoleForSupport", arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/x`, path: "/aws-service-role/support.amazonaws.com/", createDate: daysAgo(900) },
        { roleName: "new-role", arn: `arn:aws:iam::${ACCOUNT}:role/new-role`, path: "/", createDate: daysAgo(10) },
      ],
      policies: [
        {
          id: `arn:aws:iam::${ACCOUNT}:policy/encrypt-only`,
          kind: "managed",
          document: JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["kms:Encrypt", "kms:GenerateDataKey"], Resource: "*" }] }),
        },
      ],
    }),
  },
  item1: {
    alternateContacts: {
      security: collected({ emailAddress: "security@example.com" }),
      billing: collected({ emailAddress: "aws-billing@example.com" }),
      operations: collected({ emailAddress: "aws-ops@example.com" }),
    },
  },
  item2: {
    virtualMfaDevices: collected([{ serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`, userArn: `arn:aws:iam::${ACCOUNT}:user/alice` }]),
  },
  item3: {
    lambda: everyRegion({ total: 3, scanned: 3, flagged: [], references: 2 }),
    ecs: everyRegion({ total: 1, scanned: 1, flagged: [], references: 1 }),
    ec2UserData: everyRegion({ total: 2, scanned: 2, flagged: [], references: 0 }),
    codebuild: everyRegion({ total: 1, scanned: 1, flagged: [], references: 1 }),
    secrets: everyRegion([
      { arn: "arn:aws:secretsmanager:r:1:secret:db", name: "db", rotationEnabled: true, lastRotatedDate: daysAgo(10), nextRotationDate: daysAgo(-20) },
      { arn: "arn:aws:secretsmanager:r:1:secret:rds", name: "rds!x", rotationEnabled: false, owningService: "rds" },
    ]),
  },
  item4: {
    securityGroups: everyRegion([
      {
        groupId: "sg-web",
        groupName: "web",
        vpcId: "vpc-1",
        ipPermissions: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["0.0.0.0/0"], ipv6Cidrs: ["::/0"], prefixListIds: [], groupPairs: 0 }],
        ipPermissionsEgress: [{ protocol: "-1", fromPort: null, toPort: null, cidrs: ["0.0.0.0/0"], ipv6Cidrs: [], prefixListIds: [], groupPairs: 0 }],
      },
      { groupId: "sg-default", groupName: "default", vpcId: "vpc-1", ipPermissions: [], ipPermissionsEgress: [] },
      {
        groupId: "sg-db",
        groupName: "db",
        vpcId: "vpc-1",
        ipPermissions: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrs: ["10.0.0.0/16"], ipv6Cidrs: [], prefixListIds: [], groupPairs: 1 }],
        ipPermissionsEgress: [],
      },
    ]),
  },
  item5: {
    accountPublicAccessBlock: collected({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
    buckets: collected([]),
    kmsKeys: everyRegion([
      {
        keyId: "k1",
        arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`,
        keyManager: "CUSTOMER",
        keyState: "Enabled",
        keyUsage: "ENCRYPT_DECRYPT",
        keySpec: "SYMMETRIC_DEFAULT",
        policy: collected(
          JSON.stringify({
            Statement: [
              { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
              { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/writer` }, Action: ["kms:Encrypt", "kms:GenerateDataKey*"], Resource: "*" },
              { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/reader` }, Action: "kms:Decrypt", Resource: "*" },
            ],
          }),
        ),
      },
      { keyId: "aws1", arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/aws1`, keyManager: "AWS", keyState: "Enabled", keyUsage: "ENCRYPT_DECRYPT" },
    ]),
    macie: everyRegion({ status: "ENABLED" }),
  },
  item6: { trails: collected([orgTrail({ eventSelectors: collectFailed("CloudTrailARNInvalidException") })]) },
  item7: {
    analyzers: everyRegion([{ arn: "arn:aws:access-analyzer:r:1:analyzer/a", name: "a", type: "ACCOUNT", status: "ACTIVE" }]),
    externalAccessFindings: everyRegion([]),
  },
  item8: {
    securityHub: everyRegion({ enabled: true, hubArn: "arn:aws:securityhub:r:1:hub/default", enabledStandards: collected(["aws-foundational-security-best-practices"]) }),
    securityHubFindings: { "us-east-1": collected({ findings: [], truncated: false }), "eu-west-1": { notApplicable: "aggregated in us-east-1" } },
    guardDuty: everyRegion({ detectors: [{ detectorId: "d1", status: "ENABLED" }] }),
    guardDutyFindings: everyRegion({ findings: [], truncated: false }),
    eventRules: everyRegion([{ name: "findings-to-slack", state: "ENABLED", eventPattern: JSON.stringify({ source: ["aws.securityhub"] }) }]),
  },
  item10: {
    inspector: everyRegion({ status: "ENABLED", resourceState: { ec2: "ENABLED", ecr: "ENABLED", lambda: "ENABLED", lambdaCode: "ENABLED" } }),
    ecrRepositoryCount: everyRegion(2),
    ecrScanning: everyRegion({ scanType: "ENHANCED", rules: [] }),
    inspectorCriticalFindings: everyRegion({ findings: [], truncated: false }),
  },
});

export const goodOrg = (): OrgEvidence => ({
  collectedAt: NOW,
  organization: collected({ id: "o-abc", featureSet: "ALL", managementAccountId: MGMT }),
  organizationsFeatures: collected({ enabledFeatures: ["RootCredentialsManagement", "RootSessions"] }),
  accounts: {
    [ACCOUNT]: {
      id: ACCOUNT,
      name: "workload",
      email: "aws+workload@example.com",
      state: "ACTIVE",
      ouPath: collected([{ id: "ou-1", type: "ORGANIZATIONAL_UNIT" }, { id: "r-1", type: "ROOT" }]),
      tags: collected({ "data-classification": "internal" }),
      scps: collected([]),
    },
  },
  organizationTrails: collected([orgTrail()]),
  orgAnalyzers: {},
  bucketOwners: collected({ [LOG_BUCKET]: LOG_ARCHIVE }),
  logArchiveAccountId: LOG_ARCHIVE,
  logBuckets: {
    [LOG_BUCKET]: collected({
      objectLock: collected({ objectLockEnabled: true, defaultRetention: { mode: "COMPLIANCE", days: 365 } }),
      versioning: collected({ status: "Enabled" }),
      policy: collected(null),
      policyStatus: collected(null),
      publicAccessBlock: collected({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
    }),
  },
});

export const testConfig = (over: Partial<ScoringConfig> = {}) => defineScoringConfig({ tenfoldRoleName: "TenfoldReadOnly", ...over });

export const ctxFor = (org: OrgEvidence = goodOrg(), over: Partial<Omit<CheckContext, "org" | "nowMs">> = {}): CheckContext =>
  checkContext({ now: NOW, config: testConfig(), accountId: ACCOUNT, isManagementAccount: false, ...over }, org);

/** Deep copy, then let the test change what it needs. */
export const variant = <T>(base: T, change: (draft: T) => void): T => {
  const draft = structuredClone(base);
  change(draft);
  return draft;
};

export type Case = {
  name: string;
  ev?: (d: AccountEvidence) => void;
  org?: (d: OrgEvidence) => void;
  ctx?: Partial<Omit<CheckContext, "org" | "nowMs">>;
  expected: "pass" | "fail" | "warn" | "unknown" | "not_applicable";
  reason?: string | RegExp;
};

/** Run one check function against the good fixtures changed as the case says. */
export const runCase = <R>(evaluate: (ev: AccountEvidence, ctx: CheckContext) => R, c: Case): R =>
  evaluate(variant(goodAccount(), c.ev ?? (() => {})), ctxFor(variant(goodOrg(), c.org ?? (() => {})), c.ctx));
