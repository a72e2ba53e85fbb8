import { describe, expect, it } from "vitest";
import { collected, collectFailed, ROOT_USER, type AccountEvidence, type CredentialReportRow } from "../evidence";
import { date, runCase, TRUE, userRow, type Case } from "../testing/fixtures";
import { evaluateAccessKeyAge, evaluateLongTermKeysPresent, evaluateRootAccessKeys, evaluateSingleActiveKey, evaluateUnusedAccessKeys } from "./item9";

const addUser = (over: Partial<CredentialReportRow>) => (d: AccountEvidence) => {
  if (d.iam.credentialReport.ok) d.iam.credentialReport.value.rows.push(userRow("ci-bot", over));
};
const setRoot = (over: Partial<CredentialReportRow>) => (d: AccountEvidence) => {
  if (d.iam.credentialReport.ok) d.iam.credentialReport.value.rows[0] = userRow(ROOT_USER, over);
};
const reportDenied = (d: AccountEvidence) => void (d.iam.credentialReport = collectFailed("AccessDenied"));
const key1 = (rotated: number, used?: number): Partial<CredentialReportRow> => ({
  access_key_1_active: TRUE,
  access_key_1_last_rotated: date(rotated),
  access_key_1_last_used_date: used === undefined ? { kind: "n/a" } : date(used),
});
const run = (evaluate: Parameters<typeof runCase>[0], c: Case) => {
  const r = runCase(evaluate, c) as { result: string; reason: string };
  expect(r.result).toBe(c.expected);
  if (c.reason) expect(r.reason).toMatch(c.reason);
  return r;
};

describe("i9.access_key_age", () => {
  it.each<Case>([
    { name: "no keys", expected: "pass" },
    { name: "key 30 d old", ev: addUser(key1(30, 1)), expected: "pass" },
    { name: "key 91 d old", ev: addUser(key1(91, 1)), expected: "fail" },
    { name: "old but inactive key", ev: addUser({ access_key_1_last_rotated: date(400) }), expected: "pass" },
    { name: "root keys are item i9.root_access_keys, not this", ev: setRoot(key1(400, 1)), expected: "pass" },
    { name: "report unavailable", ev: reportDenied, expected: "unknown", reason: "AccessDenied: iam:GetCredentialReport" },
  ])("$name → $expected", (c) => void run(evaluateAccessKeyAge, c));
});

describe("i9.unused_access_keys", () => {
  it.each<Case>([
    { name: "keys used recently", ev: addUser(key1(30, 2)), expected: "pass" },
    { name: "key last used 60 d ago", ev: addUser(key1(80, 60)), expected: "fail" },
    { name: "key never used (N/A), created 50 d ago", ev: addUser(key1(50)), expected: "fail", reason: /unused for 45 days/ },
    { name: "key never used, created 10 d ago", ev: addUser(key1(10)), expected: "pass" },
    { name: "console password unused 60 d", ev: addUser({ password_enabled: TRUE, mfa_active: TRUE, password_last_used: date(60) }), expected: "warn" },
    { name: "console password never used, user 400 d old", ev: addUser({ password_enabled: TRUE, mfa_active: TRUE, password_last_used: { kind: "no_information" } }), expected: "warn" },
    { name: "report unavailable", ev: reportDenied, expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluateUnusedAccessKeys, c));
});

describe("i9.single_active_key", () => {
  it.each<Case>([
    { name: "one key", ev: addUser(key1(5, 1)), expected: "pass" },
    { name: "two active keys", ev: addUser({ ...key1(5, 1), access_key_2_active: TRUE, access_key_2_last_rotated: date(3) }), expected: "warn", reason: /ci-bot/ },
    { name: "report unavailable", ev: reportDenied, expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluateSingleActiveKey, c));
});

describe("i9.root_access_keys", () => {
  it.each<Case>([
    { name: "no root keys", expected: "pass" },
    { name: "AccountAccessKeysPresent = 1", ev: (d) => void (d.iam.accountSummary = collected({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 1, AccountPasswordPresent: 1 })), expected: "fail" },
    { name: "root row has an active key", ev: setRoot(key1(10, 1)), expected: "fail" },
    { name: "summary denied, report clean", ev: (d) => void (d.iam.accountSummary = collectFailed("AccessDenied")), expected: "pass" },
    { name: "summary denied, report shows a root key", ev: (d) => { d.iam.accountSummary = collectFailed("AccessDenied"); setRoot(key1(10, 1))(d); }, expected: "fail" },
    { name: "both unavailable", ev: (d) => { d.iam.accountSummary = collectFailed("AccessDenied"); reportDenied(d); }, expected: "unknown", reason: "AccessDenied: iam:GetAccountSummary" },
  ])("$name → $expected", (c) => void run(evaluateRootAccessKeys, c));
});

describe("i9.long_term_keys_present (info)", () => {
  it.each<Case>([
    { name: "no IAM user keys", expected: "pass" },
    { name: "a user with an active key", ev: addUser(key1(5, 1)), expected: "warn", reason: /1 IAM user/ },
    { name: "report unavailable", ev: reportDenied, expected: "unknown" },
  ])("$name → $expected", (c) => void run(evaluateLongTermKeysPresent, c));
});
