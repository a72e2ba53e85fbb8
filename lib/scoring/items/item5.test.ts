import { describe, expect, it } from "vitest";
import { collected, collectFailed, type AccountEvidence, type BucketExposure, type KmsKey, type OrgEvidence } from "../evidence";
import { ACCOUNT, runCase, type Case } from "../testing/fixtures";
import {
  evaluateAccountS3Bpa,
  evaluateClassificationAttested,
  evaluateClassificationTagged,
  evaluateKmsEncryptDecryptSeparated,
  evaluateKmsKeyNotPublic,
  evaluateMacieEnabled,
  evaluatePublicBucketsIntentional,
} from "./item5";

const bpa = (a: boolean, i: boolean, p: boolean, r: boolean) => ({ blockPublicAcls: a, ignorePublicAcls: i, blockPublicPolicy: p, restrictPublicBuckets: r });
const accountBpa = (v: ReturnType<typeof bpa> | null) => (d: AccountEvidence) => void (d.item5.accountPublicAccessBlock = collected(v));
const tagged = (value: string | undefined) => (d: OrgEvidence) => {
  const a = d.accounts[ACCOUNT];
  if (a) a.tags = collected<Record<string, string>>(value === undefined ? {} : { "data-classification": value });
};
const run = (evaluate: Parameters<typeof runCase>[0], c: Case) => {
  const r = runCase(evaluate, c) as { result: string; reason: string };
  expect(r.result).toBe(c.expected);
  if (c.reason) expect(r.reason).toMatch(c.reason);
  return r;
};

describe("i5.account_s3_bpa", () => {
  it.each<Case>([
    { name: "all four flags", expected: "pass" },
    { name: "IgnorePublicAcls + RestrictPublicBuckets only", ev: accountBpa(bpa(false, true, false, true)), expected: "warn" },
    { name: "weaker flags", ev: accountBpa(bpa(true, false, true, false)), expected: "fail" },
    { name: "NoSuchPublicAccessBlockConfiguration", ev: accountBpa(null), expected: "fail", reason: /no account-level/ },
    { name: "designated public-data account", ev: accountBpa(null), org: tagged("public"), expected: "not_applicable" },
    { name: "AccessDenied", ev: (d) => void (d.item5.accountPublicAccessBlock = collectFailed("AccessDenied")), expected: "unknown", reason: "AccessDenied: s3:GetAccountPublicAccessBlock" },
  ])("$name → $expected", (c) => void run(evaluateAccountS3Bpa, c));
});

describe("i5.public_buckets_intentional", () => {
  const bucket = (name: string, over: Partial<BucketExposure> = {}): BucketExposure => ({
    name,
    region: "eu-west-1",
    policyStatus: collected(null),
    publicAccessBlock: collected(null),
    acl: collected([]),
    ...over,
  });
  const buckets = (...list: BucketExposure[]) => (d: AccountEvidence) => {
    d.item5.accountPublicAccessBlock = collected(null);
    d.item5.buckets = collected(list);
  };
  const publicPolicy = { policyStatus: collected({ isPublic: true }) };
  const publicWriteAcl = { acl: collected([{ granteeUri: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "WRITE" }]) };
  it.each<Case>([
    { name: "account BPA blocks everything", expected: "pass", reason: /blocks every bucket/ },
    { name: "no buckets", ev: buckets(), expected: "pass" },
    { name: "private buckets", ev: buckets(bucket("a"), bucket("b")), expected: "pass" },
    { name: "public policy in an internal account", ev: buckets(bucket("site", publicPolicy)), expected: "fail", reason: /site/ },
    { name: "public policy neutralised by bucket RestrictPublicBuckets", ev: buckets(bucket("site", { ...publicPolicy, publicAccessBlock: collected(bpa(false, false, false, true)) })), expected: "pass" },
    { name: "public ACL neutralised by IgnorePublicAcls", ev: buckets(bucket("site", { ...publicWriteAcl, publicAccessBlock: collected(bpa(false, true, false, false)) })), expected: "pass" },
    { name: "public bucket in the public-data account", ev: buckets(bucket("site", publicPolicy)), org: tagged("public"), expected: "pass" },
    { name: "publicly writable bucket in the public-data account", ev: buckets(bucket("site", publicWriteAcl)), org: tagged("public"), expected: "warn" },
    {
      name: "public write by policy in the public-data account",
      ev: buckets(bucket("site", { ...publicPolicy, policy: collected(JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:Put*", Resource: "arn:aws:s3:::site/*" }] })) })),
      org: tagged("public"),
      expected: "warn",
    },
    ...[
      ["s3:PutObjectAcl", "warn"],
      ["s3:PutBucketPolicy", "warn"],
      ["s3:PutObject", "warn"],
      ["s3:*", "warn"],
      ["*", "warn"],
      [["s3:GetObject", "s3:PutObjectTagging"], "warn"],
      ["s3:GetObject", "pass"],
      ["s3:List*", "pass"],
    ].map(([action, expected]): Case => ({
      name: `public-data account, policy allows ${JSON.stringify(action)} to everyone (spec: any s3:Put*)`,
      ev: buckets(bucket("site", { ...publicPolicy, policy: collected(JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: action, Resource: "arn:aws:s3:::site/*" }] })) })),
      org: tagged("public"),
      expected: expected as Case["expected"],
    })),
    { name: "one bucket unreadable, others private", ev: buckets(bucket("a"), bucket("b", { acl: collectFailed("AccessDenied") })), expected: "pass", reason: /1 bucket unreadable/ },
    { name: "every bucket unreadable", ev: buckets(bucket("b", { acl: collectFailed("AccessDenied") })), expected: "unknown" },
    { name: "ListBuckets denied", ev: (d) => { d.item5.accountPublicAccessBlock = collected(null); d.item5.buckets = collectFailed("AccessDenied"); }, expected: "unknown", reason: "AccessDenied: s3:ListAllMyBuckets" },
  ])("$name → $expected", (c) => void run(evaluatePublicBucketsIntentional, c));
});

describe("i5.classification_tagged (MGMT)", () => {
  it.each<Case>([
    { name: "allowed value", expected: "pass" },
    { name: "tag missing", org: tagged(undefined), expected: "warn" },
    { name: "value outside the allowed set", org: tagged("secret-ish"), expected: "warn" },
    { name: "tags denied", org: (d) => { const a = d.accounts[ACCOUNT]; if (a) a.tags = collectFailed("AccessDeniedException"); }, expected: "unknown", reason: "AccessDenied: organizations:ListTagsForResource" },
    { name: "standalone account", org: (d) => void (d.organization = collected(null)), expected: "not_applicable" },
  ])("$name → $expected", (c) => void run(evaluateClassificationTagged, c));
});

const key = (policy: object | undefined, over: Partial<KmsKey> = {}): KmsKey => ({
  keyId: "k9",
  arn: "arn:aws:kms:eu-west-1:111111111111:key/k9",
  keyManager: "CUSTOMER",
  keyState: "Enabled",
  keyUsage: "ENCRYPT_DECRYPT",
  keySpec: "SYMMETRIC_DEFAULT",
  ...(policy && { policy: collected(JSON.stringify(policy)) }),
  ...over,
});
const withKey = (k: KmsKey) => (d: AccountEvidence) => void (d.item5.kmsKeys["eu-west-1"] = collected([k]));

describe("i5.kms_key_not_public", () => {
  const open = { Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }] };
  const openAws = { Statement: [{ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "kms:*", Resource: "*" }] };
  const restricted = { Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }] };
  it.each<Case>([
    { name: "account-scoped policies", expected: "pass" },
    { name: "Principal * without condition", ev: withKey(key(open)), expected: "fail" },
    { name: "Principal {AWS: [*]}", ev: withKey(key(openAws)), expected: "fail" },
    { name: "Principal * with aws:PrincipalOrgID", ev: withKey(key(restricted)), expected: "pass" },
    { name: "AWS-managed key with an open policy is not judged", ev: withKey(key(open, { keyManager: "AWS" })), expected: "pass" },
    { name: "key policy denied for the only key", ev: withKey(key(undefined, { policy: collectFailed("AccessDeniedException") })), expected: "unknown" },
    { name: "ListKeys denied", ev: (d) => void (d.item5.kmsKeys["eu-west-1"] = collectFailed("AccessDeniedException")), expected: "unknown", reason: /AccessDenied: kms:ListKeys/ },
    { name: "no Region", ev: (d) => void (d.item5.kmsKeys = {}), expected: "not_applicable" },
  ])("$name → $expected", (c) => void run(evaluateKmsKeyNotPublic, c));
});

describe("i5.kms_encrypt_decrypt_separated", () => {
  const both = { Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: ["kms:Encrypt", "kms:Decrypt"], Resource: "*" }] };
  const split = {
    Statement: [
      { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: "kms:GenerateDataKey*", Resource: "*" },
      { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: "kms:Decrypt", Resource: "*" },
    ],
  };
  const service = { Statement: [{ Effect: "Allow", Principal: { Service: "logs.amazonaws.com" }, Action: ["kms:Encrypt*", "kms:Decrypt*"], Resource: "*" }] };
  const iamDecryptStar = (d: AccountEvidence) => {
    if (d.iam.authorizationDetails.ok)
      d.iam.authorizationDetails.value.policies.push({ id: "arn:aws:iam::111111111111:role/x#inline", kind: "inline", document: JSON.stringify({ Statement: { Effect: "Allow", Action: "kms:*", Resource: "*" } }) });
  };
  it.each<Case>([
    { name: "separate writer and reader roles", expected: "pass" },
    { name: "one principal encrypts and decrypts (one statement)", ev: withKey(key(both)), expected: "warn" },
    { name: "one principal across two statements", ev: withKey(key(split)), expected: "warn" },
    { name: "service principals are exempt", ev: withKey(key(service)), expected: "pass" },
    { name: "asymmetric keys are not judged", ev: withKey(key(both, { keySpec: "RSA_2048" })), expected: "pass" },
    { name: "IAM policy allows kms:* on *", ev: iamDecryptStar, expected: "warn", reason: /IAM polic/ },
    { name: "authorization details denied", ev: (d) => void (d.iam.authorizationDetails = collectFailed("AccessDenied")), expected: "unknown", reason: "AccessDenied: iam:GetAccountAuthorizationDetails" },
    { name: "ListKeys denied", ev: (d) => void (d.item5.kmsKeys["eu-west-1"] = collectFailed("AccessDenied")), expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluateKmsEncryptDecryptSeparated, c));

  // Issue 13: what the check used to get wrong against checks.md §6.
  const pairOnly = {
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: ["kms:GenerateDataKeyPairWithoutPlaintext", "kms:Decrypt"], Resource: "*" }],
  };
  const mixedIn = (region: string) => (d: AccountEvidence) => void (d.item5.kmsKeys[region] = collected([key(both)]));
  it.each<Case>([
    { name: "GenerateDataKeyPairWithoutPlaintext + Decrypt for one principal", ev: withKey(key(pairOnly)), expected: "warn", reason: /1 key grant mixing/ },
    { name: "the only key policy unreadable", ev: withKey(key(undefined, { policy: collectFailed("AccessDeniedException") })), expected: "unknown", reason: "1 key policy unreadable (AccessDenied: kms:GetKeyPolicy) in eu-west-1" },
    { name: "key policy never collected", ev: withKey(key(undefined)), expected: "unknown", reason: /policy not collected/ },
    { name: "an unreadable asymmetric key is not judged", ev: withKey(key(undefined, { keySpec: "RSA_2048", policy: collectFailed("AccessDeniedException") })), expected: "pass" },
    {
      name: "warn in us-east-1 stands when eu-west-1's ListKeys is denied",
      ev: (d) => { mixedIn("us-east-1")(d); d.item5.kmsKeys["eu-west-1"] = collectFailed("AccessDeniedException"); },
      expected: "warn",
      reason: /1 key grant mixing encrypt and decrypt; not read: AccessDenied: kms:ListKeys in eu-west-1/,
    },
    {
      name: "warn in us-east-1 stands when a key policy in eu-west-1 is unreadable",
      ev: (d) => { mixedIn("us-east-1")(d); withKey(key(undefined, { policy: collectFailed("AccessDeniedException") }))(d); },
      expected: "warn",
      reason: /not read: 1 key policy unreadable/,
    },
    { name: "an IAM warn stands when ListKeys is denied", ev: (d) => { iamDecryptStar(d); d.item5.kmsKeys["eu-west-1"] = collectFailed("AccessDeniedException"); }, expected: "warn", reason: /IAM polic/ },
    { name: "a key warn stands when IAM is unreadable", ev: (d) => { withKey(key(both))(d); d.iam.authorizationDetails = collectFailed("AccessDenied"); }, expected: "warn", reason: /not read: AccessDenied: iam:GetAccountAuthorizationDetails/ },
  ])("spec: $name → $expected", (c) => void run(evaluateKmsEncryptDecryptSeparated, c));
});

describe("i5.macie_enabled (optional)", () => {
  const macie = (status: string) => (d: AccountEvidence) => void (d.item5.macie = { "us-east-1": collected({ status }) });
  it("is left to the scorer (unknown, not evaluated) when not collected", () =>
    expect(runCase(evaluateMacieEnabled, { name: "", ev: (d) => void delete d.item5.macie, expected: "unknown" })).toBeUndefined());
  it.each<Case>([
    { name: "enabled", ev: macie("ENABLED"), expected: "pass" },
    { name: "disabled", ev: macie("DISABLED"), expected: "warn", reason: /Macie is not enabled/ },
    { name: "paused", ev: macie("PAUSED"), expected: "warn", reason: /Macie is paused/ },
    { name: "enabled in one Region, off in the other", ev: (d) => void (d.item5.macie = { "us-east-1": collected({ status: "ENABLED" }), "eu-west-1": collected({ status: "DISABLED" }) }), expected: "warn", reason: "Macie is not enabled (eu-west-1)" },
    { name: "Region disabled", ev: (d) => void (d.item5.macie = { "us-east-1": collected({ status: "ENABLED" }), "eu-west-1": { notApplicable: "Region not enabled" } }), expected: "pass", reason: "Macie enabled (1 Region)" },
    { name: "permission missing", ev: (d) => void (d.item5.macie = { "us-east-1": collectFailed("AccessDeniedException") }), expected: "unknown" },
    { name: "'Macie is not enabled' error", ev: (d) => void (d.item5.macie = { "us-east-1": collectFailed("AccessDeniedException", "Macie is not enabled.") }), expected: "warn" },
  ])("$name → $expected", (c) => void run(evaluateMacieEnabled as Parameters<typeof runCase>[0], c));
});

it("i5.classification_attested needs attestation", () => {
  expect(runCase(evaluateClassificationAttested, { name: "", expected: "unknown" })).toMatchObject({ result: "unknown", reason: "needs attestation" });
});
