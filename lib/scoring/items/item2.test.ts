import { describe, expect, it } from "vitest";
import { collected, collectFailed, ROOT_USER, type AccountEvidence } from "../evidence";
import { runCase, userRow, date, TRUE, FALSE, type Case } from "../testing/fixtures";
import {
  evaluateConsoleUsersMfa,
  evaluateIdpMfaAttested,
  evaluateOrgRootAccessCentralized,
  evaluateRootHardwareMfa,
  evaluateRootMfa,
  evaluateRootRecentUse,
} from "./item2";

const summary = (mfa: number, keys: number, password: number | undefined) => (d: AccountEvidence) =>
  void (d.iam.accountSummary = collected({ AccountMFAEnabled: mfa, AccountAccessKeysPresent: keys, ...(password !== undefined && { AccountPasswordPresent: password }) }));
const noRootMfaInReport = (d: AccountEvidence) => {
  if (d.iam.credentialReport.ok) d.iam.credentialReport.value.rows[0] = userRow(ROOT_USER, { mfa_active: FALSE });
};
const both = (...fs: ((d: AccountEvidence) => void)[]) => (d: AccountEvidence) => fs.forEach((f) => f(d));
const rootVirtual = (d: AccountEvidence) =>
  void (d.item2.virtualMfaDevices = collected([{ serialNumber: "arn:aws:iam::111111111111:mfa/root-account-mfa-device", userArn: "arn:aws:iam::111111111111:root" }]));
const orgMgmtOff = (d: { organizationsFeatures: unknown }) => void (d.organizationsFeatures = collected({ enabledFeatures: [] }));
// A delegated-admin scanner without IAM delegation, and without the member role in the management account.
const orgMgmtUnreadable = (d: { organizationsFeatures: unknown }) =>
  void (d.organizationsFeatures = collectFailed("AccountNotManagementOrDelegatedAdministratorException"));
const noRootCredentials = both(summary(0, 0, 0), noRootMfaInReport);

describe("i2.root_mfa", () => {
  it.each<Case>([
    { name: "root MFA on", expected: "pass", reason: "root has MFA" },
    { name: "no root credentials + centralized root access", ev: both(summary(0, 0, 0), noRootMfaInReport), expected: "pass", reason: "no root credentials" },
    { name: "no root credentials, feature off", ev: noRootCredentials, org: orgMgmtOff, expected: "warn", reason: /centralized root access is off/ },
    // Divergence 2 (issue 13): an unreadable root-access setting is unknown for that part, never a warning.
    { name: "no root credentials, root-access setting unreadable", ev: noRootCredentials, org: orgMgmtUnreadable, expected: "unknown", reason: /unknown: run from the management account/ },
    { name: "root MFA on, root-access setting unreadable", org: orgMgmtUnreadable, expected: "pass", reason: "root has MFA" },
    { name: "password without MFA, root-access setting unreadable", ev: both(summary(0, 0, 1), noRootMfaInReport), org: orgMgmtUnreadable, expected: "fail" },
    { name: "password, no MFA", ev: both(summary(0, 0, 1), noRootMfaInReport), expected: "fail" },
    { name: "keys, no MFA", ev: both(summary(0, 1, 0), noRootMfaInReport), expected: "fail" },
    { name: "report says root MFA even though summary does not", ev: summary(0, 0, 1), expected: "pass" },
    { name: "summary denied", ev: (d) => void (d.iam.accountSummary = collectFailed("AccessDenied")), expected: "unknown", reason: "AccessDenied: iam:GetAccountSummary" },
    { name: "old summary without AccountPasswordPresent", ev: both(summary(0, 0, undefined), noRootMfaInReport), expected: "unknown" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateRootMfa, c);
    expect(r).toMatchObject({ id: "i2.root_mfa", result: c.expected, severity: "critical" });
    if (c.reason) expect(r.reason).toMatch(c.reason);
  });
});

describe("i2.root_hardware_mfa", () => {
  it.each<Case>([
    { name: "MFA, no virtual device for root", expected: "pass" },
    { name: "root virtual device (serial)", ev: rootVirtual, expected: "fail", reason: /virtual/ },
    { name: "credentials, no MFA", ev: both(summary(0, 0, 1), noRootMfaInReport), expected: "fail" },
    { name: "no root credentials + centralized root access", ev: noRootCredentials, expected: "not_applicable" },
    // Divergence 10 (issue 13): not_applicable needs centralized root access (checks.md §3).
    { name: "no root credentials, feature off", ev: noRootCredentials, org: orgMgmtOff, expected: "warn", reason: /no hardware MFA/ },
    { name: "no root credentials, root-access setting unreadable", ev: noRootCredentials, org: orgMgmtUnreadable, expected: "unknown", reason: /run from the management account/ },
    { name: "hardware MFA left on a root without credentials, feature off", ev: summary(1, 0, 0), org: orgMgmtOff, expected: "pass" },
    { name: "virtual MFA list denied", ev: (d) => void (d.item2.virtualMfaDevices = collectFailed("AccessDenied")), expected: "unknown", reason: "AccessDenied: iam:ListVirtualMFADevices" },
    { name: "summary throttled", ev: (d) => void (d.iam.accountSummary = collectFailed("Throttling")), expected: "unknown", reason: "throttled" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateRootHardwareMfa, c);
    expect(r.result).toBe(c.expected);
    if (c.reason) expect(r.reason).toMatch(c.reason);
  });
});

describe("i2.console_users_mfa", () => {
  const addUser = (over: Parameters<typeof userRow>[1]) => (d: AccountEvidence) => {
    if (d.iam.credentialReport.ok) d.iam.credentialReport.value.rows.push(userRow("carol", over));
  };
  it.each<Case>([
    { name: "every console user has MFA", expected: "pass" },
    { name: "console user without MFA", ev: addUser({ password_enabled: TRUE, mfa_active: FALSE }), expected: "fail", reason: /carol/ },
    { name: "API-only user without MFA", ev: addUser({ password_enabled: FALSE, mfa_active: FALSE }), expected: "pass" },
    { name: "root without MFA is not a console user here", ev: noRootMfaInReport, expected: "pass" },
    { name: "report unavailable", ev: (d) => void (d.iam.credentialReport = collectFailed("ReportInProgress", "credential report not ready")), expected: "unknown", reason: "ReportInProgress" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateConsoleUsersMfa, c);
    expect(r.result).toBe(c.expected);
    if (c.reason) expect(r.reason).toMatch(c.reason);
  });
});

describe("i2.org_root_access_centralized (ORG)", () => {
  it.each<Case>([
    { name: "RootCredentialsManagement on", expected: "pass" },
    { name: "feature off", org: orgMgmtOff, expected: "warn" },
    { name: "IAM trusted access off", org: (d) => void (d.organizationsFeatures = collectFailed("ServiceAccessNotEnabledException")), expected: "warn" },
    { name: "docs spelling without Exception", org: (d) => void (d.organizationsFeatures = collectFailed("ServiceAccessNotEnabled")), expected: "warn" },
    {
      name: "called from a member account",
      org: (d) => void (d.organizationsFeatures = collectFailed("AccountNotManagementOrDelegatedAdministratorException")),
      expected: "unknown",
      reason: "run from the management account / IAM delegated admin",
    },
    { name: "no organization", org: (d) => void (d.organizationsFeatures = collectFailed("OrganizationNotFoundException")), expected: "not_applicable" },
    { name: "standalone account", org: (d) => void (d.organization = collected(null)), expected: "not_applicable" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateOrgRootAccessCentralized, c);
    expect(r).toMatchObject({ result: c.expected, source: "org" });
    if (c.reason) expect(r.reason).toBe(c.reason);
  });
});

describe("i2.root_recent_use", () => {
  const rootRow = (over: Parameters<typeof userRow>[1]) => (d: AccountEvidence) => {
    if (d.iam.credentialReport.ok) d.iam.credentialReport.value.rows[0] = userRow(ROOT_USER, over);
  };
  it.each<Case>([
    { name: "never used (no_information)", expected: "pass" },
    { name: "signed in 100 days ago", ev: rootRow({ password_last_used: date(100) }), expected: "pass" },
    { name: "signed in 5 days ago", ev: rootRow({ password_last_used: date(5) }), expected: "warn", reason: /console sign-in/ },
    { name: "root key used 3 days ago", ev: rootRow({ access_key_1_active: TRUE, access_key_1_last_used_date: date(3) }), expected: "warn", reason: /access key 1/ },
    { name: "report unavailable", ev: (d) => void (d.iam.credentialReport = collectFailed("AccessDenied")), expected: "unknown" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateRootRecentUse, c);
    expect(r.result).toBe(c.expected);
    if (c.reason) expect(r.reason).toMatch(c.reason);
  });
});

it("i2.idp_mfa_attested needs attestation", () => {
  expect(runCase(evaluateIdpMfaAttested, { name: "", expected: "unknown" })).toMatchObject({ result: "unknown", reason: "needs attestation" });
});
