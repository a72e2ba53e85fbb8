import type { AccountEvidence, KmsKey } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckResult, ResourceRef } from "../types";
import { evaluateRegional, verdictsByRegion, type RegionVerdict } from "../helpers/regional";
import { errorReason } from "../helpers/errors";
import { isEveryonePrincipal, parsePolicy, statementGrants, type Statement } from "../helpers/policy";
import { listFew, plural, result } from "../helpers/result";

// Item 5 — the KMS half: no public key policies, and encrypt / decrypt held by different principals (checks.md §6).

const RESTRICTING_KEYS = ["aws:principalorgid", "aws:sourceaccount", "kms:calleraccount", "aws:principalaccount"];

const customerKeys = (keys: KmsKey[]) => keys.filter((k) => k.keyManager === "CUSTOMER");

export const evaluateKmsKeyNotPublic = (ev: AccountEvidence, _ctx: CheckContext) =>
  evaluateRegional("i5.kms_key_not_public", ev.item5.kmsKeys, "kms:ListKeys", (keys): RegionVerdict => {
    const open: ResourceRef[] = [];
    const unreadable: string[] = [];
    const own = customerKeys(keys);
    for (const k of own) {
      if (k.policy === undefined || !k.policy.ok) {
        unreadable.push(k.policy && !k.policy.ok ? errorReason(k.policy.error, "kms:GetKeyPolicy") : "policy not collected");
        continue;
      }
      const statements = parsePolicy(k.policy.value) ?? [];
      const everyone = statements.some((s) => s.effect === "Allow" && isEveryonePrincipal(s) && !s.conditionKeys.some((c) => RESTRICTING_KEYS.includes(c)));
      if (everyone) open.push({ kind: "kms-key", id: k.arn, detail: "key policy allows Principal * without an account condition" });
    }
    const coverage = unreadable.length > 0 ? { readable: own.length - unreadable.length, of: own.length } : undefined;
    if (open.length > 0) return { result: "fail", reason: `${plural(open.length, "key")} open to everyone`, resources: open, ...(coverage && { coverage }) };
    if (unreadable.length > 0 && unreadable.length === own.length) return { result: "unknown", reason: unreadable[0] ?? "key policies unreadable" };
    return { result: "pass", reason: own.length === 0 ? "no customer-managed keys" : "no public key policies", ...(coverage && { coverage }) };
  });

// Every action behind the spec's kms:Encrypt, kms:GenerateDataKey* and kms:ReEncrypt*, so a statement naming
// any one of them (not only a wildcard) counts as encrypt-side.
const ENCRYPT_ACTIONS = [
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:GenerateDataKeyPair",
  "kms:GenerateDataKeyPairWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
];
const grantsEncrypt = (s: Statement) => ENCRYPT_ACTIONS.some((a) => statementGrants(s, a));
const grantsDecrypt = (s: Statement) => statementGrants(s, "kms:Decrypt");

/** Principals (non-root, non-service, not "*") that one key policy grants both encrypt-side actions and Decrypt. */
const keyPolicyMixedPrincipals = (json: string): string[] => {
  const grants = new Map<string, { enc: boolean; dec: boolean }>();
  for (const s of parsePolicy(json) ?? []) {
    if (s.effect !== "Allow" || s.hasNotAction) continue;
    for (const p of s.principals?.AWS ?? []) {
      if (p === "*" || /^\d{12}$/.test(p) || /:root$/.test(p)) continue;
      const g = grants.get(p) ?? { enc: false, dec: false };
      grants.set(p, { enc: g.enc || grantsEncrypt(s), dec: g.dec || grantsDecrypt(s) });
    }
  }
  return [...grants].filter(([, g]) => g.enc && g.dec).map(([p]) => p);
};

const isSymmetric = (k: KmsKey) => k.keyUsage === "ENCRYPT_DECRYPT" && (k.keySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT";

/** One Region's customer-managed symmetric keys: warn on mixed grants; an unreadable key policy is unknown, never a pass. */
const keyPolicyVerdict = (list: KmsKey[]): RegionVerdict => {
  const keys = customerKeys(list).filter(isSymmetric);
  const unreadable = keys.filter((k) => k.policy?.ok !== true);
  const mixed = keys.flatMap((k) => (k.policy?.ok ? keyPolicyMixedPrincipals(k.policy.value).map((p) => ({ kind: "kms-key", id: k.arn, detail: `${p} can encrypt and decrypt` })) : []));
  const coverage = unreadable.length > 0 ? { coverage: { readable: keys.length - unreadable.length, of: keys.length } } : {};
  if (mixed.length > 0) return { result: "warn", reason: `${plural(mixed.length, "key grant")} mixing encrypt and decrypt`, resources: mixed, ...coverage };
  if (unreadable.length > 0) {
    const first = unreadable[0]?.policy;
    const why = first && !first.ok ? errorReason(first.error, "kms:GetKeyPolicy") : "policy not collected";
    return { result: "unknown", reason: `${plural(unreadable.length, "key policy", "key policies")} unreadable (${why})`, ...coverage };
  }
  return { result: "pass", reason: "key policies separate encrypt and decrypt" };
};

/**
 * Warns when one principal can both encrypt and decrypt: per key policy principal, and per identity policy
 * document with Resource "*" (policies are read one by one, not merged per principal — a simplification).
 * Warn is this check's worst answer, so a warn found in one Region (or in IAM) stands even when another
 * Region or the IAM read is unknown; unknown is kept for when nothing warns and something was unreadable.
 */
export const evaluateKmsEncryptDecryptSeparated = (ev: AccountEvidence, _ctx: CheckContext): CheckResult => {
  const id = "i5.kms_encrypt_decrypt_separated";
  const auth = ev.iam.authorizationDetails;
  const identity: ResourceRef[] = [];
  for (const p of auth.ok ? auth.value.policies : []) {
    const wide = (parsePolicy(p.document) ?? []).filter((s) => s.effect === "Allow" && !s.hasNotAction && s.resources.includes("*"));
    const enc = wide.some(grantsEncrypt);
    const dec = wide.some(grantsDecrypt);
    if (dec) identity.push({ kind: p.kind === "managed" ? "iam-policy" : "iam-inline-policy", id: p.id, detail: enc ? "kms:Decrypt and encrypt on *" : "kms:Decrypt on *" });
  }
  const regions = verdictsByRegion(ev.item5.kmsKeys, "kms:ListKeys", keyPolicyVerdict);
  const warned = regions.filter((e) => e.verdict.result === "warn");
  const unread = [
    ...(auth.ok ? [] : [errorReason(auth.error, "iam:GetAccountAuthorizationDetails")]),
    ...regions.filter((e) => e.verdict.result === "unknown").map((e) => `${e.verdict.reason} in ${e.region}`),
  ];
  const keyRefs = warned.flatMap((e) => (e.verdict.resources ?? []).map((r) => ({ ...r, region: e.region })));
  if (keyRefs.length > 0 || identity.length > 0) {
    const reason = [
      keyRefs.length > 0 ? `${plural(keyRefs.length, "key grant")} mixing encrypt and decrypt` : "",
      identity.length > 0 ? `${plural(identity.length, "IAM policy", "IAM policies")} allow kms:Decrypt on *` : "",
      unread.length > 0 ? `not read: ${listFew(unread, 2)}` : "",
    ];
    return result(id, "warn", reason.filter(Boolean).join("; "), [...keyRefs, ...identity]);
  }
  if (unread.length > 0) return result(id, "unknown", listFew(unread, 2));
  return result(id, "pass", "encrypt and decrypt are separated");
};
