import type { AccountEvidence, AclGrant, BucketExposure, PublicAccessBlock } from "../evidence";
import { collected, isNotApplicable } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckResult, ResourceRef } from "../types";
import { evaluateRegional, type RegionVerdict } from "../helpers/regional";
import { listFew, needsAttestation, plural, result, unknownFromError } from "../helpers/result";
import { isEveryonePrincipal, parsePolicy, statementGrantsAnyOf, type Statement } from "../helpers/policy";
import { evaluateKmsEncryptDecryptSeparated, evaluateKmsKeyNotPublic } from "./item5-kms";

export { evaluateKmsEncryptDecryptSeparated, evaluateKmsKeyNotPublic } from "./item5-kms";

// Item 5 — intentional data policies (checks.md §6).

const BPA_ACTION = "s3:GetAccountPublicAccessBlock";
const PUBLIC_GROUPS = ["http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"];

const allFour = (b: PublicAccessBlock | null | undefined) =>
  b != null && b.blockPublicAcls && b.ignorePublicAcls && b.blockPublicPolicy && b.restrictPublicBuckets;

/** The account's data classification: the context wins, else the account tag in ORG evidence. */
export const classificationOf = (ctx: CheckContext): string | undefined => {
  if (ctx.classification !== undefined) return ctx.classification;
  const tags = ctx.org.accounts[ctx.accountId]?.tags;
  return tags?.ok ? tags.value[ctx.config.classification.tag] : undefined;
};
const isPublicAccount = (ctx: CheckContext) => classificationOf(ctx) === ctx.config.classification.publicValue;

export const evaluateAccountS3Bpa = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i5.account_s3_bpa";
  if (isPublicAccount(ctx)) return result(id, "not_applicable", "designated public-data account");
  const c = ev.item5.accountPublicAccessBlock;
  if (!c.ok) return unknownFromError(id, c.error, BPA_ACTION);
  const b = c.value;
  const ref = [{ kind: "account", id: ctx.accountId, detail: "S3 Block Public Access" }];
  if (b === null) return result(id, "fail", "no account-level S3 Block Public Access", ref);
  if (allFour(b)) return result(id, "pass", "all four Block Public Access flags on");
  if (b.ignorePublicAcls && b.restrictPublicBuckets) return result(id, "warn", "public ACLs and buckets restricted, but not all four flags on", ref);
  return result(id, "fail", "account-level Block Public Access is incomplete", ref);
};

const aclGrantsPublic = (grants: AclGrant[], perms?: readonly string[]) =>
  grants.some((g) => g.granteeUri !== undefined && PUBLIC_GROUPS.includes(g.granteeUri) && (perms === undefined || perms.includes(g.permission)));

/** checks.md §6: a policy granting any s3:Put* action (objects, ACLs, the policy itself) to everyone is public write. */
const policyAllowsPublicWrite = (json: string): boolean =>
  (parsePolicy(json) ?? []).some((s: Statement) => s.effect === "Allow" && isEveryonePrincipal(s) && s.conditionKeys.length === 0 && statementGrantsAnyOf(s, "s3:Put"));

type BucketVerdict = { state: "public" | "private" | "unreadable"; write?: boolean; why?: string };

/** Public = (policy public or public ACL grant) and not neutralised by the bucket's or the account's BPA flags. */
const bucketVerdict = (b: BucketExposure, account: PublicAccessBlock | null | undefined): BucketVerdict => {
  const bpa = b.publicAccessBlock.ok ? b.publicAccessBlock.value : undefined;
  const restrict = (bpa?.restrictPublicBuckets ?? false) || (account?.restrictPublicBuckets ?? false);
  const ignoreAcls = (bpa?.ignorePublicAcls ?? false) || (account?.ignorePublicAcls ?? false);
  const policyPublic = b.policyStatus.ok ? (b.policyStatus.value?.isPublic ?? false) && !restrict : undefined;
  const aclPublic = b.acl.ok ? aclGrantsPublic(b.acl.value) && !ignoreAcls : undefined;
  if (policyPublic === true || aclPublic === true) {
    const write =
      (b.acl.ok && !ignoreAcls && aclGrantsPublic(b.acl.value, ["WRITE", "FULL_CONTROL"])) ||
      (b.policy?.ok === true && b.policy.value !== null && !restrict && policyAllowsPublicWrite(b.policy.value));
    return { state: "public", write, why: policyPublic ? "public bucket policy" : "public ACL grant" };
  }
  // A neutralising BPA makes a failed read irrelevant; otherwise a failed read leaves the bucket unknown.
  if ((policyPublic === undefined && !restrict) || (aclPublic === undefined && !ignoreAcls)) return { state: "unreadable" };
  return { state: "private" };
};

export const evaluatePublicBucketsIntentional = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i5.public_buckets_intentional";
  const account = ev.item5.accountPublicAccessBlock;
  if (account.ok && allFour(account.value)) return result(id, "pass", "account Block Public Access blocks every bucket");
  const buckets = ev.item5.buckets;
  if (!buckets.ok) return unknownFromError(id, buckets.error, "s3:ListAllMyBuckets");
  const accountBpa = account.ok ? account.value : undefined;
  const verdicts = buckets.value.map((b) => ({ b, v: bucketVerdict(b, accountBpa) }));
  const ref = ({ b, v }: (typeof verdicts)[number]): ResourceRef => ({ kind: "s3-bucket", id: b.name, ...(b.region && { region: b.region }), detail: v.why ?? v.state });
  const publicOnes = verdicts.filter((x) => x.v.state === "public");
  const unreadable = verdicts.filter((x) => x.v.state === "unreadable");
  const coverage = verdicts.length === 0 ? 1 : (verdicts.length - unreadable.length) / verdicts.length;
  const note = unreadable.length > 0 ? ` (${plural(unreadable.length, "bucket")} unreadable)` : "";
  if (isPublicAccount(ctx)) {
    const writable = publicOnes.filter((x) => x.v.write);
    if (writable.length > 0) return result(id, "warn", `${plural(writable.length, "bucket")} publicly writable in the public-data account`, writable.map(ref), { coverage });
    return result(id, "pass", `public-data account: ${plural(publicOnes.length, "public bucket")}${note}`, publicOnes.map(ref), { coverage });
  }
  if (publicOnes.length > 0)
    return result(id, "fail", `public buckets in an account not classified public: ${listFew(publicOnes.map((x) => x.b.name))}`, publicOnes.map(ref), { coverage });
  if (unreadable.length > 0 && unreadable.length === verdicts.length) return result(id, "unknown", `no bucket could be read${note}`, unreadable.map(ref));
  return result(id, "pass", `no public buckets${note}`, [], { coverage });
};

export const evaluateClassificationTagged = (_ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i5.classification_tagged";
  const { tag, allowed } = ctx.config.classification;
  if (ctx.org.organization.ok && ctx.org.organization.value === null) return result(id, "not_applicable", "standalone account (no organization tags)");
  const account = ctx.org.accounts[ctx.accountId];
  if (account === undefined) return result(id, "unknown", "account not in the organization evidence");
  if (!account.tags.ok) return unknownFromError(id, account.tags.error, "organizations:ListTagsForResource");
  const value = account.tags.value[tag];
  const ref = [{ kind: "account", id: ctx.accountId, detail: `tag ${tag}` }];
  if (value === undefined) return result(id, "warn", `account tag ${tag} missing`, ref);
  if (!allowed.includes(value)) return result(id, "warn", `account tag ${tag} has a value outside ${allowed.join(" / ")}`, ref);
  return result(id, "pass", `classified ${value}`);
};

/** Optional (macie2:GetMacieSession is outside SecurityAudit): left to scoreAccount ("not evaluated") when not collected. */
export const evaluateMacieEnabled = (ev: AccountEvidence, _ctx: CheckContext): CheckResult | undefined => {
  if (ev.item5.macie === undefined) return undefined;
  // Macie answers "not enabled" with AccessDeniedException + that message (Prowler): an answer, not an unknown.
  const macie = Object.fromEntries(
    Object.entries(ev.item5.macie).map(([r, e]) => [r, !isNotApplicable(e) && !e.ok && /Macie is not enabled/i.test(e.error.message) ? collected({ status: "DISABLED" }) : e]),
  );
  return evaluateRegional("i5.macie_enabled", macie, "macie2:GetMacieSession", (m): RegionVerdict =>
    m.status === "ENABLED" ? { result: "pass", reason: "Macie enabled" } : { result: "warn", reason: m.status === "PAUSED" ? "Macie is paused" : "Macie is not enabled" },
  );
};

export const evaluateClassificationAttested = (_ev: AccountEvidence, _ctx: CheckContext) => needsAttestation("i5.classification_attested");

export const scoreItem5 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] =>
  [
    evaluateAccountS3Bpa(ev, ctx),
    evaluatePublicBucketsIntentional(ev, ctx),
    evaluateClassificationTagged(ev, ctx),
    evaluateKmsKeyNotPublic(ev, ctx),
    evaluateKmsEncryptDecryptSeparated(ev, ctx),
    evaluateMacieEnabled(ev, ctx),
    evaluateClassificationAttested(ev, ctx),
  ].filter((r): r is CheckResult => r !== undefined);
