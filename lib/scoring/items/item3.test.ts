import { describe, expect, it } from "vitest";
import { collected, collectFailed, type AccountEvidence, type ScannedResource, type SecretMetadata, type SecretScan } from "../evidence";
import type { CheckException } from "../overrides";
import { daysAgo, goodAccount, runCase, variant, type Case } from "../testing/fixtures";
import type { SecretHit } from "../secrets/detector";
import { applyOverrides } from "../overrides";
import {
  tagExceptionRequests,
  evaluateCodebuildPlaintextSecrets,
  evaluateEc2UserDataSecrets,
  evaluateEcsEnvSecrets,
  evaluateLambdaEnvSecrets,
  evaluateSecretStoreInUse,
  evaluateSecretsRotation,
} from "./item3";

const evidenceWith = (edit: (d: AccountEvidence) => void): AccountEvidence => variant(goodAccount(), edit);
type ScanKey = "lambda" | "ecs" | "ec2UserData" | "codebuild";
const hit = (confidence: "high" | "medium"): SecretHit => ({ location: "Environment.Variables.DB_PASSWORD", name: "DB_PASSWORD", kind: confidence === "high" ? "aws-access-key-id" : "named-secret", confidence, hash: "0123456789ab" });
const setScan = (key: ScanKey, scan: Partial<SecretScan>, region = "eu-west-1") => (d: AccountEvidence) =>
  void (d.item3[key][region] = collected({ total: 3, scanned: 3, flagged: [], references: 0, ...scan }));

describe.each([
  ["i3.lambda_env_secrets", evaluateLambdaEnvSecrets, "lambda", "critical"],
  ["i3.ecs_env_secrets", evaluateEcsEnvSecrets, "ecs", "critical"],
  ["i3.ec2_userdata_secrets", evaluateEc2UserDataSecrets, "ec2UserData", "high"],
  ["i3.codebuild_plaintext_secrets", evaluateCodebuildPlaintextSecrets, "codebuild", "critical"],
] as const)("%s", (id, evaluate, key, severity) => {
  it.each<Case & { coverage?: number }>([
    { name: "no hits", expected: "pass" },
    { name: "no resources at all", ev: (d) => void (d.item3[key] = { "us-east-1": collected({ total: 0, scanned: 0, flagged: [], references: 0 }) }), expected: "pass" },
    { name: "high-confidence hit in one Region", ev: setScan(key, { flagged: [{ arn: "arn:x", hits: [hit("high")] }] }), expected: "fail" },
    { name: "medium hit only", ev: setScan(key, { flagged: [{ arn: "arn:x", hits: [hit("medium")] }] }), expected: "warn" },
    {
      name: "one unreadable resource, no hits",
      ev: setScan(key, { scanned: 2, flagged: [{ arn: "arn:x", hits: [], error: { code: "KMSAccessDeniedException", message: "" } }] }),
      expected: "pass",
      reason: /unreadable/,
      coverage: 5 / 6,
    },
    { name: "Region AccessDenied", ev: (d) => void (d.item3[key]["eu-west-1"] = collectFailed("AccessDeniedException")), expected: "unknown", reason: /^AccessDenied: / },
    { name: "Region not enabled", ev: (d) => void (d.item3[key]["eu-west-1"] = collectFailed("UnrecognizedClientException")), expected: "pass" },
    { name: "every Region not applicable", ev: (d) => void (d.item3[key] = { "us-east-1": { notApplicable: "opt-in Region disabled" } }), expected: "not_applicable" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluate, c);
    expect(r).toMatchObject({ id, result: c.expected, severity });
    if (c.reason) expect(r.reason).toMatch(c.reason);
    if (c.coverage !== undefined) expect(r.coverage).toBeCloseTo(c.coverage);
    if (c.expected === "fail") expect(r.resources[0]).toMatchObject({ id: "arn:x", region: "eu-west-1" });
  });
});

// Divergence 1 (checks.md §4 rule 5): tenfold:secrets-scan=ignore asks for an expiring exception. The
// hits still count; only an approved exception in force (resource-scoped, as the scan records it) excepts.
describe("tagged tenfold:secrets-scan=ignore → an exception request, never a silent pass", () => {
  const NOW = "2026-11-29T00:00:00.000Z";
  const tagged = (confidence: "high" | "medium", more: ScannedResource[] = []) =>
    setScan("lambda", { flagged: [{ arn: "arn:fn", hits: [hit(confidence), { ...hit(confidence), hash: "ba9876543210" }], ignoreTag: true }, ...more] });
  const approved = (over: Partial<CheckException> = {}): CheckException => ({ id: "x1", checkId: "i3.lambda_env_secrets", resourceId: "arn:fn", createdAt: "2026-11-01T00:00:00.000Z", expiresAt: "2027-01-01T00:00:00.000Z", ...over });
  it.each<{ name: string; ev: (d: AccountEvidence) => void; exceptions: CheckException[]; expected: string }>([
    { name: "high hit, no exception (or only a pending one, which scoring never sees)", ev: tagged("high"), exceptions: [], expected: "fail" },
    { name: "medium hit, no exception", ev: tagged("medium"), exceptions: [], expected: "warn" },
    { name: "high hit, approved exception in force", ev: tagged("high"), exceptions: [approved()], expected: "excepted" },
    { name: "high hit, approved exception expired", ev: tagged("high"), exceptions: [approved({ expiresAt: "2026-11-28T00:00:00.000Z" })], expected: "fail" },
    { name: "high hit, exception for another resource", ev: tagged("high"), exceptions: [approved({ resourceId: "arn:other" })], expected: "fail" },
    { name: "tagged and untagged resources both hit, the tagged one excepted", ev: tagged("high", [{ arn: "arn:plain", hits: [hit("high")] }]), exceptions: [approved()], expected: "fail" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateLambdaEnvSecrets, { name: c.name, ev: c.ev, expected: "fail" });
    expect(r.reason).toMatch(/tagged tenfold:secrets-scan=ignore: needs an approved exception/);
    const [out] = applyOverrides([r], { exceptions: c.exceptions, now: NOW });
    expect(out?.result).toBe(c.expected);
  });

  it("the scan learns which resources ask for an exception, once per check and resource, with no value", () => {
    const requests = tagExceptionRequests(evidenceWith(tagged("high", [{ arn: "arn:plain", hits: [hit("high")] }, { arn: "arn:tagged-clean", hits: [], ignoreTag: true }])));
    expect(requests).toEqual([{ checkId: "i3.lambda_env_secrets", resourceId: "arn:fn", region: "eu-west-1", tag: "tenfold:secrets-scan=ignore", hits: 2, kinds: ["aws-access-key-id"] }]);
  });
});

// Divergence 5: collectors leave an unreadable resource out of `scanned` and list it with its error; the
// check counts it once. 1 unreadable + 1 clean → pass at 50 % coverage (a pass is still asserted, with the gap shown).
describe("secret-scan coverage counts an unreadable resource once", () => {
  const unreadable = (arn: string): ScannedResource => ({ arn, hits: [], error: { code: "KMSAccessDeniedException", message: "" } });
  const only = (scan: SecretScan) => (d: AccountEvidence) => void (d.item3.lambda = { "eu-west-1": collected(scan) });
  it.each<{ name: string; scan: SecretScan; expected: string; coverage: number; reason?: RegExp }>([
    { name: "1 unreadable + 1 clean function", scan: { total: 2, scanned: 1, flagged: [unreadable("arn:a")], references: 0 }, expected: "pass", coverage: 0.5, reason: /1 function unreadable/ },
    { name: "1 unreadable + 1 function with a key", scan: { total: 2, scanned: 1, flagged: [unreadable("arn:a"), { arn: "arn:b", hits: [hit("high")] }], references: 0 }, expected: "fail", coverage: 0.5 },
    { name: "every function unreadable", scan: { total: 2, scanned: 0, flagged: [unreadable("arn:a"), unreadable("arn:b")], references: 0 }, expected: "unknown", coverage: 1 },
    { name: "3 of 4 read, none unreadable (sampled)", scan: { total: 4, scanned: 3, flagged: [], references: 0 }, expected: "pass", coverage: 0.75, reason: /3 of 4 scanned/ },
    { name: "everything read", scan: { total: 2, scanned: 2, flagged: [], references: 0 }, expected: "pass", coverage: 1 },
  ])("$name → $expected at $coverage", (c) => {
    const r = runCase(evaluateLambdaEnvSecrets, { name: c.name, ev: only(c.scan), expected: c.expected as Case["expected"] });
    expect(r.result).toBe(c.expected);
    if (c.expected !== "unknown") expect(r.coverage ?? 1).toBeCloseTo(c.coverage);
    if (c.reason) expect(r.reason).toMatch(c.reason);
  });
});

describe("i3.secrets_rotation", () => {
  const secrets = (list: SecretMetadata[]) => (d: AccountEvidence) =>
    void (d.item3.secrets = { "us-east-1": collected(list) });
  const base = { arn: "arn:s", name: "s" };
  it.each<Case>([
    { name: "rotating on schedule", expected: "pass" },
    { name: "rotation enabled, next rotation 5 d overdue", ev: secrets([{ ...base, rotationEnabled: true, lastRotatedDate: daysAgo(40), nextRotationDate: daysAgo(5) }]), expected: "fail", reason: /failing rotation/ },
    { name: "next rotation 1 d overdue (grace 2 d)", ev: secrets([{ ...base, rotationEnabled: true, lastRotatedDate: daysAgo(30), nextRotationDate: daysAgo(1) }]), expected: "pass" },
    { name: "rotation not enabled", ev: secrets([{ ...base, rotationEnabled: false, createdDate: daysAgo(5) }]), expected: "warn" },
    { name: "not rotated for 120 d", ev: secrets([{ ...base, rotationEnabled: true, lastRotatedDate: daysAgo(120) }]), expected: "warn" },
    { name: "only service-owned and deleted secrets", ev: secrets([{ ...base, rotationEnabled: false, owningService: "rds" }, { ...base, rotationEnabled: false, deletedDate: daysAgo(1) }]), expected: "not_applicable" },
    { name: "no secrets", ev: secrets([]), expected: "not_applicable" },
    { name: "ListSecrets denied", ev: (d) => void (d.item3.secrets["us-east-1"] = collectFailed("AccessDeniedException")), expected: "unknown", reason: "AccessDenied: secretsmanager:ListSecrets (us-east-1)" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateSecretsRotation, c);
    expect(r.result).toBe(c.expected);
    if (c.reason) expect(r.reason).toMatch(c.reason);
  });
});

describe("i3.secret_store_in_use (info)", () => {
  const none = (d: AccountEvidence) => {
    for (const k of ["lambda", "ecs", "ec2UserData", "codebuild"] as const) d.item3[k] = { "us-east-1": collected({ total: 1, scanned: 1, flagged: [], references: 0 }) };
    d.item3.secrets = { "us-east-1": collected([]) };
  };
  const allDenied = (d: AccountEvidence) => {
    for (const k of ["lambda", "ecs", "ec2UserData", "codebuild"] as const) d.item3[k] = { "us-east-1": collectFailed("AccessDenied") };
    d.item3.secrets = { "us-east-1": collectFailed("AccessDenied") };
  };
  it.each<Case>([
    { name: "references and stored secrets", expected: "pass", reason: /reference/ },
    { name: "nothing references a store", ev: none, expected: "not_applicable" },
    { name: "nothing readable", ev: allDenied, expected: "unknown" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateSecretStoreInUse, c);
    expect(r).toMatchObject({ result: c.expected, severity: "low" });
    if (c.reason) expect(r.reason).toMatch(c.reason);
  });
});
