import type * as S3 from "@aws-sdk/client-s3";
import type * as S3C from "@aws-sdk/client-s3-control";
import { op, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import type { BucketData } from "../scenario/types";

function owner(ctx: Ctx): S3.Owner {
  return { ID: `canonical-${ctx.account.id}`, DisplayName: ctx.account.name };
}

/**
 * Own buckets only; a bucket owned by another account is AccessDenied, an unknown one NoSuchBucket.
 * A request signed for another Region than the bucket's is a 301 PermanentRedirect naming the right
 * Region, which SDK clients with `followRegionRedirects` follow (checks.md §15.5).
 */
function bucket(ctx: Ctx, name: string | undefined, anyRegion = false): BucketData {
  const b = ctx.account.s3.buckets.find((x) => x.name === name);
  if (b && !anyRegion && b.region !== ctx.region)
    throw new SandboxError("PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.", 301, "Sender", { "x-amz-bucket-region": b.region });
  if (b) return b;
  for (const a of Object.values(ctx.scenario.accounts))
    if (a.s3.buckets.some((x) => x.name === name)) throw new SandboxError("AccessDenied", "Access Denied", 403);
  throw new SandboxError("NoSuchBucket", "The specified bucket does not exist", 404);
}

function policyOf(b: BucketData): string {
  if (!b.policy) throw new SandboxError("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
  return b.policy;
}

export const s3: ServiceDef = {
  name: "s3",
  protocol: "restXml",
  sdk: sdkModule("@aws-sdk/client-s3"),
  xmlNamespace: "http://s3.amazonaws.com/doc/2006-03-01/",
  global: true,
  throttle: { code: "SlowDown", status: 503 },
  handlers: {
    ListBuckets: op<S3.ListBucketsRequest, S3.ListBucketsOutput>((ctx, input) => {
      const all = ctx.account.s3.buckets
        .filter((b) => (!input.Prefix || b.name.startsWith(input.Prefix)) && (!input.BucketRegion || b.region === input.BucketRegion))
        .map((b) => ({ Name: b.name, CreationDate: b.createdAt, BucketRegion: b.region, BucketArn: `arn:aws:s3:::${b.name}` }));
      const p = paginate(all, { token: input.ContinuationToken, max: input.MaxBuckets, defaultMax: 10_000, invalidTokenCode: "InvalidArgument" });
      return { Buckets: p.items, Owner: owner(ctx), ContinuationToken: p.next, Prefix: input.Prefix };
    }),
    GetBucketPolicyStatus: op<S3.GetBucketPolicyStatusRequest, S3.GetBucketPolicyStatusOutput>((ctx, input) => {
      const b = bucket(ctx, input.Bucket);
      policyOf(b);
      return { PolicyStatus: { IsPublic: b.policyIsPublic } };
    }),
    GetPublicAccessBlock: op<S3.GetPublicAccessBlockRequest, S3.GetPublicAccessBlockOutput>((ctx, input) => {
      const b = bucket(ctx, input.Bucket);
      if (!b.publicAccessBlock) throw new SandboxError("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found", 404);
      return { PublicAccessBlockConfiguration: b.publicAccessBlock };
    }),
    GetBucketAcl: op<S3.GetBucketAclRequest, S3.GetBucketAclOutput>((ctx, input) => {
      const b = bucket(ctx, input.Bucket);
      const o = owner(ctx);
      return { Owner: o, Grants: [{ Grantee: { Type: "CanonicalUser", ID: o.ID, DisplayName: o.DisplayName }, Permission: "FULL_CONTROL" }, ...b.grants] };
    }),
    GetBucketPolicy: op<S3.GetBucketPolicyRequest, S3.GetBucketPolicyOutput>((ctx, input) => ({ Policy: policyOf(bucket(ctx, input.Bucket)) })),
    GetObjectLockConfiguration: op<S3.GetObjectLockConfigurationRequest, S3.GetObjectLockConfigurationOutput>((ctx, input) => {
      const b = bucket(ctx, input.Bucket);
      if (!b.objectLock) throw new SandboxError("ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket", 404);
      return { ObjectLockConfiguration: b.objectLock };
    }),
    GetBucketVersioning: op<S3.GetBucketVersioningRequest, S3.GetBucketVersioningOutput>((ctx, input) => {
      const b = bucket(ctx, input.Bucket);
      return { Status: b.versioning.Status, MFADelete: b.versioning.MFADelete };
    }),
    GetBucketLocation: op<S3.GetBucketLocationRequest, S3.GetBucketLocationOutput>((ctx, input) => {
      const b = bucket(ctx, input.Bucket, true);
      // us-east-1 is the empty LocationConstraint, as S3 answers.
      return { LocationConstraint: b.region === "us-east-1" ? undefined : (b.region as S3.BucketLocationConstraint) };
    }),
  },
};

export const s3control: ServiceDef = {
  name: "s3control",
  protocol: "restXml",
  sdk: sdkModule("@aws-sdk/client-s3-control"),
  xmlNamespace: "http://awss3control.amazonaws.com/doc/2018-08-20/",
  global: true,
  throttle: { code: "SlowDown", status: 503 },
  handlers: {
    GetPublicAccessBlock: op<S3C.GetPublicAccessBlockRequest, S3C.GetPublicAccessBlockOutput>((ctx, input) => {
      if (input.AccountId !== ctx.account.id) throw new SandboxError("AccessDenied", "Access Denied", 403);
      const pab = ctx.account.s3.publicAccessBlock;
      if (!pab) throw new SandboxError("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found", 404);
      return { PublicAccessBlockConfiguration: pab };
    }),
  },
};
