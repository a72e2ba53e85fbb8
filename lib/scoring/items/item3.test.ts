import { describe, expect, it } from "vitest";
import { collected, collectFailed, type AccountEvidence, type SecretMetadata, type SecretScan } from "../evidence";
import { daysAgo, runCase, type Case } from "../testing/fixtures";
import type { SecretHit } from "../secrets/detector";
import {
  evaluateCodebuildPlaintextSecrets,
  evaluateEc2UserDataSecrets,
  evaluateEcsEnvSecrets,
  evaluateLambdaEnvSecrets,
  evaluateSecretStoreInUse,
  evaluateSecretsRotation,
} from "./item3";

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
    { name: "hit on a resource ignored by tag", ev: setScan(key, { flagged: [{ arn: "arn:x", hits: [hit("high")], ignored: true }] }), expected: "pass", reason: /ignored by tag/ },
    {
      name: "one unreadable resource, no hits",
      ev: setScan(key, { flagged: [{ arn: "arn:x", hits: [], error: { code: "KMSAccessDeniedException", message: "" } }] }),
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
