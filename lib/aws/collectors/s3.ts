// S3 + S3 Control (item 5, ONE scope; item 6 log-bucket protection with the LA role).
// Per-bucket calls are skipped when the account BPA has all four flags (checks.md §6, §17).
import {
  GetBucketAclCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  type Grant,
  type PublicAccessBlockConfiguration,
} from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import type { AclGrant, BucketExposure, Collected, LogBucketProtection, ObjectLock, PublicAccessBlock } from "@/lib/scoring/evidence";
import type { ClientFactory } from "../clients";
import { attempt, call, isNotFound } from "../errors";
import { mapLimit } from "../limiter";
import { compact, type CollectorContext } from "./context";

export type BucketRef = { name: string; region?: string };

export function shapePublicAccessBlock(c: PublicAccessBlockConfiguration | undefined): PublicAccessBlock {
  return {
    blockPublicAcls: c?.BlockPublicAcls ?? false,
    ignorePublicAcls: c?.IgnorePublicAcls ?? false,
    blockPublicPolicy: c?.BlockPublicPolicy ?? false,
    restrictPublicBuckets: c?.RestrictPublicBuckets ?? false,
  };
}

export const allFourFlags = (b: PublicAccessBlock | null): boolean =>
  b !== null && b.blockPublicAcls && b.ignorePublicAcls && b.blockPublicPolicy && b.restrictPublicBuckets;

export const shapeGrants = (grants: Grant[] | undefined): AclGrant[] =>
  (grants ?? []).map((g) => compact({ granteeUri: g.Grantee?.URI, granteeType: g.Grantee?.Type, permission: g.Permission ?? "" }));

const NO_PAB = "NoSuchPublicAccessBlockConfiguration";
const NO_POLICY = "NoSuchBucketPolicy";

export async function collectAccountPublicAccessBlock(ctx: CollectorContext): Promise<Collected<PublicAccessBlock | null>> {
  return attempt("s3:GetAccountPublicAccessBlock", async () => {
    try {
      const out = await ctx.clients.get("s3control").send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.accountId }));
      return shapePublicAccessBlock(out.PublicAccessBlockConfiguration);
    } catch (err) {
      if (isNotFound(err, NO_PAB)) return null;
      throw err;
    }
  });
}

export async function listBuckets(clients: ClientFactory, region: string): Promise<BucketRef[]> {
  const out: BucketRef[] = [];
  await call("s3:ListAllMyBuckets", async () => {
    for await (const page of paginateListBuckets({ client: clients.get("s3", region), pageSize: 1000 }, {}))
      for (const b of page.Buckets ?? []) if (b.Name) out.push(compact({ name: b.Name, region: b.BucketRegion }));
  });
  return out;
}

// Per-bucket reads (each a Collected of its own).
export const bucketPolicyStatus = (clients: ClientFactory, b: BucketRef): Promise<Collected<{ isPublic: boolean } | null>> =>
  attempt("s3:GetBucketPolicyStatus", async () => {
    try {
      const out = await clients.get("s3", b.region).send(new GetBucketPolicyStatusCommand({ Bucket: b.name }));
      return { isPublic: out.PolicyStatus?.IsPublic ?? false };
    } catch (err) {
      if (isNotFound(err, NO_POLICY)) return null;
      throw err;
    }
  });

export const bucketPublicAccessBlock = (clients: ClientFactory, b: BucketRef): Promise<Collected<PublicAccessBlock | null>> =>
  attempt("s3:GetBucketPublicAccessBlock", async () => {
    try {
      const out = await clients.get("s3", b.region).send(new GetPublicAccessBlockCommand({ Bucket: b.name }));
      return shapePublicAccessBlock(out.PublicAccessBlockConfiguration);
    } catch (err) {
      if (isNotFound(err, NO_PAB)) return null;
      throw err;
    }
  });

export const bucketAcl = (clients: ClientFactory, b: BucketRef): Promise<Collected<AclGrant[]>> =>
  attempt("s3:GetBucketAcl", async () => shapeGrants((await clients.get("s3", b.region).send(new GetBucketAclCommand({ Bucket: b.name }))).Grants));

export const bucketPolicy = (clients: ClientFactory, b: BucketRef): Promise<Collected<string | null>> =>
  attempt("s3:GetBucketPolicy", async () => {
    try {
      return (await clients.get("s3", b.region).send(new GetBucketPolicyCommand({ Bucket: b.name }))).Policy ?? null;
    } catch (err) {
      if (isNotFound(err, NO_POLICY)) return null;
      throw err;
    }
  });

export type Item5S3 = { accountPublicAccessBlock: Collected<PublicAccessBlock | null>; buckets: Collected<BucketExposure[]>; bucketList: BucketRef[] | undefined };

/** Account BPA, ListBuckets, and per-bucket exposure only when the account BPA is not fully on. */
export async function collectS3(ctx: CollectorContext): Promise<Item5S3> {
  const [accountPublicAccessBlock, list] = await Promise.all([
    collectAccountPublicAccessBlock(ctx),
    attempt("s3:ListAllMyBuckets", () => listBuckets(ctx.clients, ctx.settings.homeRegion)),
  ]);
  if (!list.ok) return { accountPublicAccessBlock, buckets: list, bucketList: undefined };
  const blocked = accountPublicAccessBlock.ok && allFourFlags(accountPublicAccessBlock.value);
  if (blocked) return { accountPublicAccessBlock, buckets: { ok: true, value: [] }, bucketList: list.value };
  const exposures = await mapLimit(list.value, ctx.settings.perAccountConcurrency, async (b): Promise<BucketExposure | undefined> => {
    const ref = { name: b.name, region: b.region ?? ctx.settings.homeRegion };
    const [policyStatus, publicAccessBlock, acl] = await Promise.all([
      bucketPolicyStatus(ctx.clients, ref),
      bucketPublicAccessBlock(ctx.clients, ref),
      bucketAcl(ctx.clients, ref),
    ]);
    // Only a public policy can grant write to everyone (checks.md §6: s3:Put* to *): read it just then.
    const policy = policyStatus.ok && policyStatus.value?.isPublic === true ? await bucketPolicy(ctx.clients, ref) : undefined;
    // Deleted mid-scan: skip it.
    if ([policyStatus, publicAccessBlock, acl, policy].some((c) => c !== undefined && !c.ok && c.error.code === "NoSuchBucket")) return undefined;
    return compact({ name: b.name, region: b.region, policyStatus, publicAccessBlock, acl, policy });
  });
  return { accountPublicAccessBlock, buckets: { ok: true, value: exposures.filter((e): e is BucketExposure => e !== undefined) }, bucketList: list.value };
}

/** Trail bucket protection, read with the Log Archive role (checks.md §7). */
export async function collectLogBucketProtection(clients: ClientFactory, b: BucketRef): Promise<LogBucketProtection> {
  const s3 = clients.get("s3", b.region);
  const [objectLock, versioning, policy, policyStatus, publicAccessBlock, acl] = await Promise.all([
    attempt("s3:GetBucketObjectLockConfiguration", async (): Promise<ObjectLock | null> => {
      try {
        const c = (await s3.send(new GetObjectLockConfigurationCommand({ Bucket: b.name }))).ObjectLockConfiguration;
        if (!c) return null;
        const r = c.Rule?.DefaultRetention;
        const lock: ObjectLock = { objectLockEnabled: c.ObjectLockEnabled === "Enabled" };
        if (r) lock.defaultRetention = compact({ mode: r.Mode ?? "", days: r.Days, years: r.Years });
        return lock;
      } catch (err) {
        if (isNotFound(err, "ObjectLockConfigurationNotFoundError")) return null;
        throw err;
      }
    }),
    attempt("s3:GetBucketVersioning", async () => {
      const out = await s3.send(new GetBucketVersioningCommand({ Bucket: b.name }));
      return compact({ status: out.Status as "Enabled" | "Suspended" | undefined, mfaDelete: out.MFADelete as "Enabled" | "Disabled" | undefined });
    }),
    bucketPolicy(clients, b),
    bucketPolicyStatus(clients, b),
    bucketPublicAccessBlock(clients, b),
    bucketAcl(clients, b),
  ]);
  return { objectLock, versioning, policy, policyStatus, publicAccessBlock, acl };
}
