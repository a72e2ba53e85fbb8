import { describe, expect, it } from "vitest";
import { collected, collectFailed, type AccountEvidence, type LogBucketProtection, type OrgEvidence, type Trail } from "../evidence";
import { ACCOUNT, LOG_ARCHIVE, LOG_BUCKET, MGMT, orgTrail, runCase, testConfig, type Case } from "../testing/fixtures";
import {
  evaluateKmsEncryption,
  evaluateLogBucketDeletionProtected,
  evaluateLogBucketNotPublic,
  evaluateLogFileValidation,
  evaluateTrailAllRegionsLogging,
  evaluateTrailCentralized,
  evaluateTrailTamperProtected,
} from "./item6";

const OWN_ARN = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/local`;
const ownTrail = (over: Partial<Trail> = {}): Trail =>
  orgTrail({ name: "local", trailArn: OWN_ARN, homeRegion: "eu-west-1", isOrganizationTrail: false, s3BucketName: "local-logs", ...over });
/** The account has only its own trail; the organization has none. */
const onlyOwn = (over: Partial<Trail> = {}) => ({
  ev: (d: AccountEvidence) => void (d.item6.trails = collected([ownTrail(over)])),
  org: (d: OrgEvidence) => void (d.organizationTrails = collected([])),
});
const noTrails = {
  ev: (d: AccountEvidence) => void (d.item6.trails = collected([])),
  org: (d: OrgEvidence) => void (d.organizationTrails = collected([])),
};
const trailsDenied = {
  ev: (d: AccountEvidence) => void (d.item6.trails = collectFailed("AccessDeniedException")),
  org: (d: OrgEvidence) => void (d.organizationTrails = collectFailed("AccessDeniedException")),
};
const run = (evaluate: Parameters<typeof runCase>[0], c: Case) => {
  const r = runCase(evaluate, c) as { result: string; reason: string };
  expect(r.result).toBe(c.expected);
  if (c.reason) expect(r.reason).toMatch(c.reason);
  return r;
};

describe("i6.trail_all_regions_logging", () => {
  it.each<Case>([
    { name: "organization trail (member selectors unreadable, org copy used)", expected: "pass", reason: /all management events/ },
    { name: "own trail, all management events", ...onlyOwn(), expected: "pass" },
    { name: "own trail, write-only selectors", ...onlyOwn({ eventSelectors: collected({ eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }], advancedEventSelectors: [] }) }), expected: "warn" },
    {
      name: "advanced selector on Management without readOnly",
      ...onlyOwn({ eventSelectors: collected({ eventSelectors: [], advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }] }) }),
      expected: "pass",
    },
    {
      name: "advanced selector with readOnly filter",
      ...onlyOwn({ eventSelectors: collected({ eventSelectors: [], advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "readOnly", equals: ["false"] }] }] }) }),
      expected: "warn",
    },
    { name: "selectors unreadable → judged on IsLogging", ...onlyOwn({ eventSelectors: collectFailed("CloudTrailARNInvalidException") }), expected: "pass", reason: /selectors unreadable/ },
    { name: "trail stopped", ...onlyOwn({ status: collected({ isLogging: false }) }), expected: "fail" },
    { name: "single-Region trail only", ...onlyOwn({ isMultiRegionTrail: false }), expected: "fail" },
    { name: "no trail", ...noTrails, expected: "fail" },
    { name: "trail status denied", ...onlyOwn({ status: collectFailed("AccessDeniedException") }), expected: "unknown", reason: "AccessDenied: cloudtrail:GetTrailStatus" },
    { name: "DescribeTrails denied everywhere", ...trailsDenied, expected: "unknown", reason: "AccessDenied: cloudtrail:DescribeTrails" },
  ])("$name → $expected", (c) => void run(evaluateTrailAllRegionsLogging, c));
});

describe("i6.trail_centralized", () => {
  const owner = (acct: string | undefined) => (d: OrgEvidence) => {
    d.organizationTrails = collected([]);
    d.bucketOwners = collected<Record<string, string>>(acct === undefined ? {} : { "local-logs": acct });
  };
  const own = onlyOwn().ev;
  it.each<Case>([
    { name: "organization trail", expected: "pass" },
    { name: "own trail → Log Archive bucket", ev: own, org: owner(LOG_ARCHIVE), expected: "pass" },
    { name: "own trail → own bucket", ev: own, org: owner(ACCOUNT), expected: "fail" },
    { name: "own trail → management account bucket", ev: own, org: owner(MGMT), expected: "warn" },
    { name: "own trail → another member, not the Log Archive", ev: own, org: owner("333333333333"), expected: "warn" },
    { name: "bucket owner outside the organization", ev: own, org: owner(undefined), expected: "warn" },
    {
      name: "own trail → another member, no Log Archive configured or inferable",
      ev: own,
      org: (d) => { owner("333333333333")(d); delete d.logArchiveAccountId; },
      expected: "warn",
      reason: /owner not confirmed as the log archive/,
    },
    { name: "own trail → the configured Log Archive (nothing inferred)", ev: own, org: (d) => { owner("333333333333")(d); delete d.logArchiveAccountId; }, ctx: { config: testConfig({ logArchiveAccountId: "333333333333" }) }, expected: "pass" },
    { name: "no bucket map", ev: own, org: (d) => { d.organizationTrails = collected([]); d.bucketOwners = collectFailed("AccessDenied"); }, expected: "unknown", reason: /no bucket map/ },
    { name: "no trail", ...noTrails, expected: "fail" },
    { name: "DescribeTrails denied", ...trailsDenied, expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluateTrailCentralized, c));
});

describe.each([
  ["i6.log_file_validation", evaluateLogFileValidation, { logFileValidationEnabled: false }],
  ["i6.kms_encryption", evaluateKmsEncryption, { kmsKeyId: undefined }],
] as const)("%s", (_id, evaluate, broken) => {
  it.each<Case>([
    { name: "covering trail configured", expected: "pass" },
    { name: "covering trail misconfigured", ...onlyOwn(broken as Partial<Trail>), expected: "fail" },
    { name: "no trail", ...noTrails, expected: "not_applicable" },
    { name: "DescribeTrails denied", ...trailsDenied, expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluate, c));
});

const bucket = (change: (p: LogBucketProtection) => void) => (d: OrgEvidence) => {
  const b = d.logBuckets[LOG_BUCKET];
  if (b?.ok) change(b.value);
};

describe("i6.log_bucket_deletion_protected (LA)", () => {
  const noLock = (p: LogBucketProtection) => void (p.objectLock = collected(null));
  const denyDelete = JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:DeleteObject*", Resource: "arn:aws:s3:::b/*", Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/break-glass" } } }] });
  it.each<Case>([
    { name: "Object Lock with default retention", expected: "pass" },
    { name: "Object Lock without default retention, nothing else", org: bucket((p) => void (p.objectLock = collected({ objectLockEnabled: true }))), expected: "fail" },
    { name: "MFA delete only", org: bucket((p) => { noLock(p); p.versioning = collected({ status: "Enabled", mfaDelete: "Enabled" }); }), expected: "warn" },
    { name: "policy denies object deletion only (lifecycle and policy changes open)", org: bucket((p) => { noLock(p); p.policy = collected(denyDelete); }), expected: "fail", reason: /no Deny for all but break-glass on lifecycle changes, bucket-policy changes/ },
    { name: "no protection", org: bucket(noLock), expected: "fail" },
    { name: "Object Lock read denied", org: bucket((p) => void (p.objectLock = collectFailed("AccessDenied"))), expected: "unknown", reason: "AccessDenied: s3:GetBucketObjectLockConfiguration" },
    { name: "bucket not read (no LA role)", org: (d) => void (d.logBuckets = {}), expected: "unknown", reason: /no Log Archive role/ },
    { name: "LA role denied", org: (d) => void (d.logBuckets[LOG_BUCKET] = collectFailed("AccessDenied")), expected: "unknown" },
    { name: "no trail", ...noTrails, expected: "not_applicable" },
  ])("$name → $expected", (c) => void run(evaluateLogBucketDeletionProtected, c));

  // checks.md §7: a bucket-policy Deny counts only when it covers delete, lifecycle and bucket-policy changes
  // for every principal but a break-glass one; an unreadable Object Lock configuration is unknown.
  const GUARDED = ["s3:DeleteObject*", "s3:PutLifecycleConfiguration", "s3:PutBucketPolicy"];
  const breakGlass = { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/break-glass" } };
  const deny = (...statements: object[]) => bucket((p) => { noLock(p); p.policy = collected(JSON.stringify({ Version: "2012-10-17", Statement: statements })); });
  const st = (over: object = {}) => ({ Effect: "Deny", Principal: "*", Action: GUARDED, Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], Condition: breakGlass, ...over });
  it.each<Case>([
    { name: "Deny on all three for everyone but break-glass", org: deny(st()), expected: "warn", reason: /bucket policy denying deletion to all but break-glass/ },
    { name: "Deny on all three with no exemption at all", org: deny(st({ Condition: undefined })), expected: "warn" },
    { name: "Deny on all three with NotPrincipal break-glass", org: deny(st({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::222222222222:role/break-glass" }, Condition: undefined })), expected: "warn" },
    { name: "Deny on all three spread over three statements", org: deny(...GUARDED.map((a) => st({ Action: a }))), expected: "warn" },
    { name: "Deny s3:* for everyone but break-glass", org: deny(st({ Action: "s3:*" })), expected: "warn" },
    { name: "Deny only for one named role", org: deny(st({ Principal: { AWS: "arn:aws:iam::222222222222:role/app" }, Condition: undefined })), expected: "fail" },
    { name: "Deny only when the principal IS one role (StringEquals)", org: deny(st({ Condition: { StringEquals: { "aws:PrincipalArn": "arn:aws:iam::222222222222:role/app" } } })), expected: "fail" },
    { name: "Deny only from outside an IP range", org: deny(st({ Condition: { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } } })), expected: "fail" },
    { name: "Deny on delete and lifecycle, bucket policy still changeable", org: deny(st({ Action: GUARDED.slice(0, 2) })), expected: "fail", reason: /on bucket-policy changes\)/ },
    { name: "Deny on DeleteObject only (versions still deletable)", org: deny(st({ Action: ["s3:DeleteObject", "s3:PutLifecycleConfiguration", "s3:PutBucketPolicy"] })), expected: "fail", reason: /on object deletion\)/ },
    { name: "Object Lock unreadable while MFA delete is on", org: bucket((p) => { p.objectLock = collectFailed("AccessDenied"); p.versioning = collected({ status: "Enabled", mfaDelete: "Enabled" }); }), expected: "unknown", reason: "AccessDenied: s3:GetBucketObjectLockConfiguration" },
    { name: "Object Lock unreadable while the policy denies all three", org: (d) => { deny(st())(d); bucket((p) => void (p.objectLock = collectFailed("AccessDenied")))(d); }, expected: "unknown" },
    { name: "no Object Lock, policy unreadable, MFA delete off", org: bucket((p) => { noLock(p); p.policy = collectFailed("AccessDenied"); }), expected: "unknown", reason: "AccessDenied: s3:GetBucketPolicy" },
  ])("spec: $name → $expected", (c) => void run(evaluateLogBucketDeletionProtected, c));
});

describe("i6.log_bucket_not_public (LA)", () => {
  it.each<Case>([
    { name: "no policy, no ACL read", expected: "pass" },
    { name: "public policy", org: bucket((p) => void (p.policyStatus = collected({ isPublic: true }))), expected: "fail" },
    { name: "public ACL grant", org: bucket((p) => void (p.acl = collected([{ granteeUri: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ" }]))), expected: "fail" },
    { name: "policy status denied", org: bucket((p) => void (p.policyStatus = collectFailed("AccessDenied"))), expected: "unknown" },
    { name: "no trail", ...noTrails, expected: "not_applicable" },
  ])("$name → $expected", (c) => void run(evaluateLogBucketNotPublic, c));
});

describe("i6.trail_tamper_protected (ORG)", () => {
  const scp = (actions: string[]) => (d: OrgEvidence) => {
    d.organizationTrails = collected([]);
    const a = d.accounts[ACCOUNT];
    if (a) a.scps = collected([{ policyId: "p-1", name: "protect-trail", targetId: "r-1", content: JSON.stringify({ Statement: [{ Effect: "Deny", Action: actions, Resource: "*" }] }) }]);
  };
  const own = onlyOwn().ev;
  it.each<Case>([
    { name: "covered by an organization trail", expected: "pass" },
    { name: "SCP denies StopLogging and DeleteTrail", ev: own, org: scp(["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"]), expected: "pass" },
    { name: "SCP denies cloudtrail:*", ev: own, org: scp(["cloudtrail:*"]), expected: "pass" },
    { name: "SCP denies StopLogging only", ev: own, org: scp(["cloudtrail:StopLogging"]), expected: "warn" },
    { name: "management account without org trail (SCPs do not apply)", ev: own, org: scp(["cloudtrail:*"]), ctx: { isManagementAccount: true }, expected: "warn" },
    { name: "SCPs unreadable", ev: own, org: (d) => { d.organizationTrails = collected([]); const a = d.accounts[ACCOUNT]; if (a) a.scps = collectFailed("AccessDeniedException"); }, expected: "unknown", reason: "AccessDenied: organizations:ListPoliciesForTarget" },
    { name: "standalone account", org: (d) => void (d.organization = collected(null)), expected: "not_applicable" },
  ])("$name → $expected", (c) => {
    const r = run(evaluateTrailTamperProtected, c) as { source?: string };
    expect(r.source).toBe("org");
  });
});
