import type { AccountEvidence } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckResult, ResourceRef } from "../types";
import { dateOf, isTrue, keySlots, rootRow, userRows } from "../helpers/report";
import { listFew, plural, result, unknownFromError } from "../helpers/result";
import { ageDays, fmtDays } from "../helpers/time";

// Item 9 — rotate keys (checks.md §10). Reads the credential report and GetAccountSummary (AccountEvidence.iam).

const REPORT = "iam:GetCredentialReport";
const keyRef = (user: string, arn: string, slot: number, detail: string): ResourceRef => ({ kind: "access-key", id: `${arn}#key${slot}`, detail: `${user} key ${slot}: ${detail}` });

export const evaluateAccessKeyAge = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i9.access_key_age";
  const r = ev.iam.credentialReport;
  if (!r.ok) return unknownFromError(id, r.error, REPORT);
  const max = ctx.config.accessKeyMaxAgeDays;
  const old = userRows(r.value.rows).flatMap((u) =>
    keySlots(u).flatMap((k) => {
      const rotated = dateOf(k.lastRotated);
      return k.active && rotated !== undefined && ageDays(rotated, ctx.nowMs) > max ? [keyRef(u.user, u.arn, k.slot, `${fmtDays(ageDays(rotated, ctx.nowMs))} old`)] : [];
    }),
  );
  if (old.length === 0) return result(id, "pass", `every active key is younger than ${max} days`);
  return result(id, "fail", `${plural(old.length, "active key")} older than ${max} days`, old);
};

export const evaluateUnusedAccessKeys = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i9.unused_access_keys";
  const r = ev.iam.credentialReport;
  if (!r.ok) return unknownFromError(id, r.error, REPORT);
  const days = ctx.config.unusedCredentialDays;
  const stale = (iso: string | undefined) => iso !== undefined && ageDays(iso, ctx.nowMs) > days;
  const keys: ResourceRef[] = [];
  const passwords: ResourceRef[] = [];
  for (const u of userRows(r.value.rows)) {
    for (const k of keySlots(u)) {
      if (!k.active) continue;
      const used = dateOf(k.lastUsed);
      if (used !== undefined ? stale(used) : k.lastUsed.kind === "n/a" && stale(dateOf(k.lastRotated)))
        keys.push(keyRef(u.user, u.arn, k.slot, used ? `last used ${fmtDays(ageDays(used, ctx.nowMs))} ago` : "never used"));
    }
    if (isTrue(u.password_enabled)) {
      const used = dateOf(u.password_last_used);
      // Never used: judge by the password's age (or the user's, when the report has no change date).
      const since = used ?? dateOf(u.password_last_changed) ?? dateOf(u.user_creation_time);
      if (stale(since)) passwords.push({ kind: "iam-user", id: u.arn, detail: `${u.user}: console password ${used ? `unused for ${fmtDays(ageDays(used, ctx.nowMs))}` : "never used"}` });
    }
  }
  if (keys.length > 0) return result(id, "fail", `${plural(keys.length, "active key")} unused for ${days} days`, [...keys, ...passwords]);
  if (passwords.length > 0) return result(id, "warn", `${plural(passwords.length, "console password")} unused for ${days} days`, passwords);
  return result(id, "pass", `no credentials unused for ${days} days`);
};

export const evaluateSingleActiveKey = (ev: AccountEvidence, _ctx: CheckContext): CheckResult => {
  const id = "i9.single_active_key";
  const r = ev.iam.credentialReport;
  if (!r.ok) return unknownFromError(id, r.error, REPORT);
  const both = userRows(r.value.rows).filter((u) => keySlots(u).every((k) => k.active));
  if (both.length === 0) return result(id, "pass", "no user has two active keys");
  return result(id, "warn", `users with two active keys: ${listFew(both.map((u) => u.user))}`, both.map((u) => ({ kind: "iam-user", id: u.arn, detail: `${u.user}: two active keys` })));
};

export const evaluateRootAccessKeys = (ev: AccountEvidence, _ctx: CheckContext): CheckResult => {
  const id = "i9.root_access_keys";
  const s = ev.iam.accountSummary;
  const r = ev.iam.credentialReport;
  const ref = [{ kind: "root-user", id: "<root_account>", detail: "access keys" }];
  if (s.ok && s.value.AccountAccessKeysPresent === 1) return result(id, "fail", "root has access keys", ref);
  const root = r.ok ? rootRow(r.value.rows) : undefined;
  if (root && keySlots(root).some((k) => k.active)) return result(id, "fail", "root has an active access key", ref);
  // Either source alone answers the question; unknown only when both failed.
  if (!s.ok && !r.ok) return unknownFromError(id, s.error, "iam:GetAccountSummary");
  return result(id, "pass", "root has no access keys");
};

export const evaluateLongTermKeysPresent = (ev: AccountEvidence, _ctx: CheckContext): CheckResult => {
  const id = "i9.long_term_keys_present";
  const r = ev.iam.credentialReport;
  if (!r.ok) return unknownFromError(id, r.error, REPORT);
  const withKeys = userRows(r.value.rows).filter((u) => keySlots(u).some((k) => k.active));
  if (withKeys.length === 0) return result(id, "pass", "no IAM user has an active access key");
  return result(id, "warn", `${plural(withKeys.length, "IAM user")} with long-term access keys (prefer roles / Identity Center)`, withKeys.map((u) => ({ kind: "iam-user", id: u.arn, detail: u.user })));
};

export const scoreItem9 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] => [
  evaluateAccessKeyAge(ev, ctx),
  evaluateUnusedAccessKeys(ev, ctx),
  evaluateSingleActiveKey(ev, ctx),
  evaluateRootAccessKeys(ev, ctx),
  evaluateLongTermKeysPresent(ev, ctx),
];
