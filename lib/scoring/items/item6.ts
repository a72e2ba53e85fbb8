import type { AccountEvidence, LogBucketProtection } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckResult } from "../types";
import { errorReason } from "../helpers/errors";
import { isEveryonePrincipal, parsePolicy, statementGrants, type Statement } from "../helpers/policy";
import { result, unknownFromError } from "../helpers/result";
import { accountOfArn, coveringTrail, multiRegionTrails, recordsAllManagementEvents, type TrailView } from "./trails";

// Item 6 — centralized CloudTrail (checks.md §7).

const DESCRIBE = "cloudtrail:DescribeTrails";
const trailRef = (v: TrailView, detail?: string) => ({ kind: "trail", id: v.trail.trailArn, region: v.trail.homeRegion, ...(detail && { detail }) });

/** The covering trail, or the CheckResult to return when there is none. */
const withTrail = (id: Parameters<typeof result>[0], ev: AccountEvidence, ctx: CheckContext, noTrail: "fail" | "not_applicable", evaluate: (v: TrailView) => CheckResult): CheckResult => {
  const views = multiRegionTrails(ev, ctx);
  const covering = coveringTrail(views);
  if (covering) return evaluate(covering);
  if (!ev.item6.trails.ok && !ctx.org.organizationTrails.ok) return unknownFromError(id, ev.item6.trails.error, DESCRIBE);
  const statusError = views.find((v) => v.logging === undefined);
  if (statusError && !statusError.trail.status.ok) return unknownFromError(id, statusError.trail.status.error, "cloudtrail:GetTrailStatus");
  if (!ev.item6.trails.ok) return unknownFromError(id, ev.item6.trails.error, DESCRIBE);
  return result(id, noTrail, "no logging multi-Region trail");
};

export const evaluateTrailAllRegionsLogging = (ev: AccountEvidence, ctx: CheckContext) =>
  withTrail("i6.trail_all_regions_logging", ev, ctx, "fail", (v) => {
    const id = "i6.trail_all_regions_logging";
    if (!v.selectors.ok) return result(id, "pass", `${v.trail.name} is logging (event selectors unreadable: ${errorReason(v.selectors.error, "cloudtrail:GetEventSelectors")})`, [trailRef(v)]);
    if (recordsAllManagementEvents(v.selectors.value)) return result(id, "pass", `${v.trail.name} logs all management events in every Region`);
    return result(id, "warn", `${v.trail.name} is logging, but management events are incomplete`, [trailRef(v, "management events not read + write")]);
  });

export const evaluateTrailCentralized = (ev: AccountEvidence, ctx: CheckContext) =>
  withTrail("i6.trail_centralized", ev, ctx, "fail", (v) => {
    const id = "i6.trail_centralized";
    if (v.trail.isOrganizationTrail) return result(id, "pass", `${v.trail.name} is an organization trail`);
    const bucket = v.trail.s3BucketName;
    if (bucket === undefined) return result(id, "unknown", `${v.trail.name} has no S3 bucket name`);
    const owners = ctx.org.bucketOwners;
    if (!owners.ok) return result(id, "unknown", `no bucket map (${errorReason(owners.error, "s3:ListAllMyBuckets")})`);
    const owner = owners.value[bucket];
    const trailAccount = accountOfArn(v.trail.trailArn) ?? ctx.accountId;
    const ref = [{ kind: "s3-bucket", id: bucket, detail: owner ? `owned by ${owner}` : "owner not in the organization" }];
    if (owner === undefined) return result(id, "warn", `trail bucket ${bucket} is not owned by an account of the organization`, ref);
    if (owner === trailAccount) return result(id, "fail", `trail bucket ${bucket} is in the same account as the trail`, ref);
    const management = ctx.org.organization.ok ? ctx.org.organization.value?.managementAccountId : undefined;
    const logArchive = ctx.config.logArchiveAccountId ?? ctx.org.logArchiveAccountId;
    if (owner === management) return result(id, "warn", `trail bucket ${bucket} is in the management account, not a Log Archive account`, ref);
    // Another member account is not enough: checks.md passes only the Log Archive account (configured, else inferred).
    if (logArchive === undefined) return result(id, "warn", `trail bucket ${bucket} is in account ${owner}: owner not confirmed as the log archive (none configured or inferable)`, ref);
    if (owner !== logArchive) return result(id, "warn", `trail bucket ${bucket} is not in the Log Archive account ${logArchive}`, ref);
    return result(id, "pass", `logs go to ${bucket} in account ${owner}`);
  });

export const evaluateLogFileValidation = (ev: AccountEvidence, ctx: CheckContext) =>
  withTrail("i6.log_file_validation", ev, ctx, "not_applicable", (v) =>
    v.trail.logFileValidationEnabled
      ? result("i6.log_file_validation", "pass", `${v.trail.name} validates log files`)
      : result("i6.log_file_validation", "fail", `${v.trail.name} has log file validation off`, [trailRef(v)]),
  );

export const evaluateKmsEncryption = (ev: AccountEvidence, ctx: CheckContext) =>
  withTrail("i6.kms_encryption", ev, ctx, "not_applicable", (v) =>
    v.trail.kmsKeyId
      ? result("i6.kms_encryption", "pass", `${v.trail.name} is encrypted with KMS`)
      : result("i6.kms_encryption", "fail", `${v.trail.name} is not encrypted with a KMS key`, [trailRef(v)]),
  );

/** The Log Archive protection of the covering trail's bucket, or an unknown/na result. */
const withLogBucket = (id: "i6.log_bucket_deletion_protected" | "i6.log_bucket_not_public", ev: AccountEvidence, ctx: CheckContext, evaluate: (p: LogBucketProtection, bucket: string) => CheckResult) =>
  withTrail(id, ev, ctx, "not_applicable", (v) => {
    const bucket = v.trail.s3BucketName;
    if (bucket === undefined) return result(id, "unknown", `${v.trail.name} has no S3 bucket name`);
    const p = ctx.org.logBuckets[bucket];
    if (p === undefined) return result(id, "unknown", `log bucket ${bucket} not read (no Log Archive role)`);
    if (!p.ok) return unknownFromError(id, p.error, "s3:GetBucket*");
    return evaluate(p.value, bucket);
  });

// What a protecting Deny must cover (checks.md §7): deleting log objects, a lifecycle rule that expires them,
// and rewriting the bucket policy that holds the Deny.
const GUARDED = [
  { label: "object deletion", actions: ["s3:DeleteObject", "s3:DeleteObjectVersion"] },
  { label: "lifecycle changes", actions: ["s3:PutLifecycleConfiguration"] },
  { label: "bucket-policy changes", actions: ["s3:PutBucketPolicy"] },
];
// The only conditions allowed on it are ones that exempt named principals (the break-glass role).
const EXEMPT_OPERATOR = /^(StringNotEquals|StringNotLike|ArnNotEquals|ArnNotLike)(IfExists)?$/i;
const PRINCIPAL_KEYS = ["aws:principalarn", "aws:userid", "aws:username"];

/** A Deny for every principal, except at most named break-glass ones (NotPrincipal or a negated principal condition). */
const deniesAllButBreakGlass = (s: Statement) =>
  s.effect === "Deny" &&
  !s.hasNotAction &&
  (isEveryonePrincipal(s) || s.hasNotPrincipal) &&
  s.conditions.every((c) => EXEMPT_OPERATOR.test(c.operator) && PRINCIPAL_KEYS.includes(c.key));

/** The guarded action groups that the bucket policy's qualifying Deny statements leave open. */
const unguarded = (policy: string): string[] => {
  const denies = (parsePolicy(policy) ?? []).filter(deniesAllButBreakGlass);
  return GUARDED.filter((g) => !g.actions.every((a) => denies.some((s) => statementGrants(s, a)))).map((g) => g.label);
};

export const evaluateLogBucketDeletionProtected = (ev: AccountEvidence, ctx: CheckContext) =>
  withLogBucket("i6.log_bucket_deletion_protected", ev, ctx, (p, bucket) => {
    const id = "i6.log_bucket_deletion_protected";
    const ref = [{ kind: "s3-bucket", id: bucket }];
    // Object Lock decides between pass and warn: unreadable, nothing can be said.
    if (!p.objectLock.ok) return unknownFromError(id, p.objectLock.error, "s3:GetBucketObjectLockConfiguration");
    if (p.objectLock.value?.objectLockEnabled && p.objectLock.value.defaultRetention) return result(id, "pass", `${bucket} has Object Lock with default retention`);
    const mfaDelete = p.versioning.ok && p.versioning.value.mfaDelete === "Enabled";
    const open = p.policy.ok && p.policy.value !== null ? unguarded(p.policy.value) : undefined;
    if (mfaDelete || open?.length === 0) return result(id, "warn", `${bucket} has no Object Lock retention, only ${mfaDelete ? "MFA delete" : "a bucket policy denying deletion to all but break-glass"}`, ref);
    if (!p.versioning.ok) return unknownFromError(id, p.versioning.error, "s3:GetBucketVersioning");
    if (!p.policy.ok) return unknownFromError(id, p.policy.error, "s3:GetBucketPolicy");
    const partial = open !== undefined && open.length < GUARDED.length ? ` (no Deny for all but break-glass on ${open.join(", ")})` : "";
    return result(id, "fail", `${bucket} is not protected from deletion${partial}`, ref);
  });

const PUBLIC_GROUP = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;

export const evaluateLogBucketNotPublic = (ev: AccountEvidence, ctx: CheckContext) =>
  withLogBucket("i6.log_bucket_not_public", ev, ctx, (p, bucket) => {
    const id = "i6.log_bucket_not_public";
    const ref = [{ kind: "s3-bucket", id: bucket }];
    if (p.policyStatus.ok && p.policyStatus.value?.isPublic) return result(id, "fail", `log bucket ${bucket} has a public policy`, ref);
    if (p.acl?.ok && p.acl.value.some((g) => g.granteeUri !== undefined && PUBLIC_GROUP.test(g.granteeUri))) return result(id, "fail", `log bucket ${bucket} has a public ACL grant`, ref);
    if (!p.policyStatus.ok) return unknownFromError(id, p.policyStatus.error, "s3:GetBucketPolicyStatus");
    if (p.acl && !p.acl.ok) return unknownFromError(id, p.acl.error, "s3:GetBucketAcl");
    return result(id, "pass", `log bucket ${bucket} is not public`);
  });

const TAMPER_ACTIONS = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"];

/** ORG check: an organization trail, or SCPs on the account's path denying StopLogging and DeleteTrail. */
export const evaluateTrailTamperProtected = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i6.trail_tamper_protected";
  const org = { source: "org" } as const;
  if (ctx.org.organization.ok && ctx.org.organization.value === null) return result(id, "not_applicable", "standalone account (no organization)", [], org);
  const covering = coveringTrail(multiRegionTrails(ev, ctx));
  if (covering?.trail.isOrganizationTrail) return result(id, "pass", `covered by organization trail ${covering.trail.name}`, [], org);
  // SCPs never restrict the management account (checks.md §7): only an organization trail protects it.
  if (ctx.isManagementAccount) return result(id, "warn", "management account is not covered by an organization trail", [], org);
  const account = ctx.org.accounts[ctx.accountId];
  if (account === undefined) return result(id, "unknown", "account not in the organization evidence", [], org);
  if (!account.scps.ok) return unknownFromError(id, account.scps.error, "organizations:ListPoliciesForTarget", org);
  const denies = account.scps.value.flatMap((p) => (parsePolicy(p.content) ?? []).filter((s) => s.effect === "Deny"));
  const protectedActions = TAMPER_ACTIONS.filter((a) => denies.some((s) => statementGrants(s, a)));
  if (protectedActions.length === TAMPER_ACTIONS.length) return result(id, "pass", "an SCP denies cloudtrail:StopLogging and cloudtrail:DeleteTrail", [], org);
  return result(id, "warn", "no organization trail and no SCP denying cloudtrail:StopLogging / DeleteTrail", [{ kind: "account", id: ctx.accountId }], org);
};

export const scoreItem6 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] => [
  evaluateTrailAllRegionsLogging(ev, ctx),
  evaluateTrailCentralized(ev, ctx),
  evaluateLogFileValidation(ev, ctx),
  evaluateKmsEncryption(ev, ctx),
  evaluateLogBucketDeletionProtected(ev, ctx),
  evaluateLogBucketNotPublic(ev, ctx),
  evaluateTrailTamperProtected(ev, ctx),
];
