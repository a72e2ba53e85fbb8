import type { AccountEvidence, AccountSummary, CredentialReport } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckId } from "../catalogue";
import type { CheckResult } from "../types";
import { codeIs, errorReason, isNoOrganization } from "../helpers/errors";
import { needsAttestation, listFew, result, unknownFromError } from "../helpers/result";
import { dateOf, isTrue, keySlots, rootRow, userRows } from "../helpers/report";
import { ageDays } from "../helpers/time";

// Item 2 — MFA (checks.md §3). Root password presence comes from GetAccountSummary, never from the report
// (root's password_enabled is always not_supported, checks.md §0.2).

const SUMMARY = "iam:GetAccountSummary";
const REPORT = "iam:GetCredentialReport";

type RootFacts = { hasPassword: boolean | undefined; hasKeys: boolean; mfa: boolean };

const rootFacts = (summary: AccountSummary, report: CredentialReport | undefined): RootFacts => {
  const root = report ? rootRow(report.rows) : undefined;
  return {
    hasPassword: summary.AccountPasswordPresent === undefined ? undefined : summary.AccountPasswordPresent === 1,
    hasKeys: summary.AccountAccessKeysPresent === 1 || (root !== undefined && keySlots(root).some((k) => k.active)),
    mfa: summary.AccountMFAEnabled === 1 || (root !== undefined && isTrue(root.mfa_active)),
  };
};

/** `RootCredentialsManagement` is on; undefined when the ORG evidence cannot tell. */
const orgRootManagement = (ctx: CheckContext): boolean | undefined => {
  const f = ctx.org.organizationsFeatures;
  if (f.ok) return f.value.enabledFeatures.includes("RootCredentialsManagement");
  if (codeIs(f.error, "ServiceAccessNotEnabled") || codeIs(f.error, "OrganizationNotInAllFeaturesMode") || isNoOrganization(f.error)) return false;
  return undefined;
};

/** The organization's root-access setting could not be read: unknown, with the reason it could not. */
const unreadableRootManagement = (id: CheckId, ctx: CheckContext): CheckResult => {
  const f = ctx.org.organizationsFeatures;
  const why = f.ok ? "" : `: ${errorReason(f.error, "iam:ListOrganizationsFeatures")}`;
  return result(id, "unknown", `no root credentials; whether the organization manages root access centrally is unknown${why}`);
};

const reportValue = (ev: AccountEvidence) => (ev.iam.credentialReport.ok ? ev.iam.credentialReport.value : undefined);
const ROOT_REF = { kind: "root-user", id: "<root_account>" };

export const evaluateRootMfa = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i2.root_mfa";
  const s = ev.iam.accountSummary;
  if (!s.ok) return unknownFromError(id, s.error, SUMMARY);
  const root = rootFacts(s.value, reportValue(ev));
  if (root.mfa) return result(id, "pass", "root has MFA");
  if (root.hasPassword === true || root.hasKeys) return result(id, "fail", `root has ${root.hasKeys ? "access keys" : "a password"} and no MFA`, [ROOT_REF]);
  if (root.hasPassword === undefined) return result(id, "unknown", "AccountPasswordPresent missing from the account summary");
  const orgMgmt = orgRootManagement(ctx);
  if (orgMgmt === true) return result(id, "pass", "no root credentials");
  // Whether the organization manages root centrally could not be read: that part is unknown, not a warning.
  if (orgMgmt === undefined) return unreadableRootManagement(id, ctx);
  // Without centralized root access, the password can still be recovered by email (checks.md §3).
  return result(id, "warn", "no root credentials, but centralized root access is off", [ROOT_REF]);
};

export const evaluateRootHardwareMfa = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i2.root_hardware_mfa";
  const s = ev.iam.accountSummary;
  if (!s.ok) return unknownFromError(id, s.error, SUMMARY);
  const root = rootFacts(s.value, reportValue(ev));
  if (!root.mfa) {
    if (root.hasPassword === true || root.hasKeys) return result(id, "fail", "root has no MFA at all", [ROOT_REF]);
    if (root.hasPassword === undefined) return result(id, "unknown", "AccountPasswordPresent missing from the account summary");
    // No root credentials: nothing to protect with hardware MFA only when the organization manages root
    // centrally (checks.md §3). Otherwise a password can be recovered, and root has no hardware MFA.
    const orgMgmt = orgRootManagement(ctx);
    if (orgMgmt === true) return result(id, "not_applicable", "no root credentials");
    if (orgMgmt === undefined) return unreadableRootManagement(id, ctx);
    return result(id, "warn", "no root credentials, but centralized root access is off: a recovered password would have no hardware MFA", [ROOT_REF]);
  }
  const devices = ev.item2.virtualMfaDevices;
  if (!devices.ok) return unknownFromError(id, devices.error, "iam:ListVirtualMFADevices");
  const virtual = devices.value.some((d) => d.userArn?.endsWith(":root") === true || d.serialNumber.endsWith(":mfa/root-account-mfa-device"));
  if (virtual) return result(id, "fail", "root MFA is a virtual device, not hardware", [ROOT_REF]);
  return result(id, "pass", "root has hardware MFA");
};

export const evaluateConsoleUsersMfa = (ev: AccountEvidence, _ctx: CheckContext): CheckResult => {
  const id = "i2.console_users_mfa";
  const r = ev.iam.credentialReport;
  if (!r.ok) return unknownFromError(id, r.error, REPORT);
  const offenders = userRows(r.value.rows).filter((u) => isTrue(u.password_enabled) && u.mfa_active.kind === "bool" && !u.mfa_active.value);
  if (offenders.length === 0) return result(id, "pass", "every console user has MFA");
  return result(
    id,
    "fail",
    `console users without MFA: ${listFew(offenders.map((u) => u.user))}`,
    offenders.map((u) => ({ kind: "iam-user", id: u.arn, detail: `${u.user}: console password, no MFA` })),
  );
};

/** ORG check: evaluated from the management account's evidence and copied to every account. */
export const evaluateOrgRootAccessCentralized = (_ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i2.org_root_access_centralized";
  const org = { source: "org" } as const;
  if (ctx.org.organization.ok && ctx.org.organization.value === null) return result(id, "not_applicable", "standalone account (no organization)", [], org);
  const f = ctx.org.organizationsFeatures;
  if (f.ok)
    return f.value.enabledFeatures.includes("RootCredentialsManagement")
      ? result(id, "pass", "centralized root access is enabled", [], org)
      : result(id, "warn", "centralized root access (RootCredentialsManagement) is not enabled", [], org);
  if (isNoOrganization(f.error)) return result(id, "not_applicable", "standalone account (no organization)", [], org);
  if (codeIs(f.error, "ServiceAccessNotEnabled")) return result(id, "warn", "IAM trusted access is off, so centralized root access cannot be on", [], org);
  if (codeIs(f.error, "OrganizationNotInAllFeaturesMode")) return result(id, "warn", "organization is not in all-features mode", [], org);
  return unknownFromError(id, f.error, "iam:ListOrganizationsFeatures", org);
};

export const evaluateRootRecentUse = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i2.root_recent_use";
  const r = ev.iam.credentialReport;
  if (!r.ok) return unknownFromError(id, r.error, REPORT);
  const root = rootRow(r.value.rows);
  if (!root) return result(id, "unknown", "credential report has no root row");
  const recent = (iso: string | undefined) => iso !== undefined && ageDays(iso, ctx.nowMs) <= ctx.config.rootRecentUseDays;
  const uses = [
    recent(dateOf(root.password_last_used)) ? "console sign-in" : undefined,
    ...keySlots(root).map((k) => (recent(dateOf(k.lastUsed)) ? `access key ${k.slot}` : undefined)),
  ].filter((u): u is string => u !== undefined);
  if (uses.length === 0) return result(id, "pass", `root not used in the last ${ctx.config.rootRecentUseDays} days`);
  return result(id, "warn", `root used in the last ${ctx.config.rootRecentUseDays} days: ${uses.join(", ")}`, [{ ...ROOT_REF, detail: uses.join(", ") }]);
};

export const evaluateIdpMfaAttested = (_ev: AccountEvidence, _ctx: CheckContext) => needsAttestation("i2.idp_mfa_attested");

export const scoreItem2 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] => [
  evaluateRootMfa(ev, ctx),
  evaluateRootHardwareMfa(ev, ctx),
  evaluateConsoleUsersMfa(ev, ctx),
  evaluateOrgRootAccessCentralized(ev, ctx),
  evaluateRootRecentUse(ev, ctx),
  evaluateIdpMfaAttested(ev, ctx),
];
