import http from "node:http";
import type { LookupFunction } from "node:net";
import {
  GetBucketAclCommand, GetBucketLocationCommand, GetBucketPolicyCommand, GetBucketPolicyStatusCommand, GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand, GetPublicAccessBlockCommand, ListBucketsCommand, S3Client, paginateListBuckets,
} from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand as GetAccountPab, S3ControlClient } from "@aws-sdk/client-s3-control";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { describe, expect, it } from "vitest";
import { assumeRole } from "../testing/clients";
import { loopbackLookup } from "../testing/loopback";
import { A, B } from "../testing/fixture";
import { errorOf, sandboxForSuite } from "./setup";

const h = sandboxForSuite();

describe("S3 (restXml, path style)", () => {
  it("ListBuckets returns the account's buckets and pages with ContinuationToken", async () => {
    const s3 = await h.client(S3Client, A);
    const all = await s3.send(new ListBucketsCommand({}));
    expect(all.Buckets).toEqual(h.s.accounts[A]!.s3.buckets.map((b) => ({ Name: b.name, CreationDate: b.createdAt, BucketRegion: b.region, BucketArn: `arn:aws:s3:::${b.name}` })));
    expect(all.Owner?.ID).toBe(`canonical-${A}`);
    const pages = [];
    for await (const p of paginateListBuckets({ client: s3, pageSize: 2 }, {})) pages.push((p.Buckets ?? []).length);
    expect(pages).toEqual([2, 1]);
  });

  it("bucket reads: policy status, policy, ACL, public access block, versioning, object lock, location", async () => {
    const s3 = await h.client(S3Client, A, { maxAttempts: 1 });
    const [pub, locked, plain] = h.s.accounts[A]!.s3.buckets;
    expect((await s3.send(new GetBucketPolicyStatusCommand({ Bucket: pub!.name }))).PolicyStatus).toEqual({ IsPublic: true });
    expect((await s3.send(new GetBucketPolicyCommand({ Bucket: pub!.name }))).Policy).toBe(pub!.policy);
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: pub!.name }));
    expect(acl.Grants?.[1]).toEqual({ Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AllUsers" }, Permission: "READ" });
    expect(acl.Grants?.[0]?.Grantee).toMatchObject({ Type: "CanonicalUser", ID: `canonical-${A}` });
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: locked!.name }))).PublicAccessBlockConfiguration).toEqual(locked!.publicAccessBlock);
    expect(await s3.send(new GetBucketVersioningCommand({ Bucket: locked!.name }))).toMatchObject({ Status: "Enabled", MFADelete: "Disabled" });
    expect((await s3.send(new GetObjectLockConfigurationCommand({ Bucket: locked!.name }))).ObjectLockConfiguration).toEqual(locked!.objectLock);
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: locked!.name }))).LocationConstraint).toBe("eu-west-1");
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: plain!.name }))).LocationConstraint).toBeFalsy();
  });

  it("a bucket read signed for the wrong Region is a 301 PermanentRedirect that the SDK can follow", async () => {
    const strict = await h.client(S3Client, A, { maxAttempts: 1, followRegionRedirects: false });
    const err = await errorOf(strict.send(new GetBucketVersioningCommand({ Bucket: "a-locked-logs" })));
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(["PermanentRedirect", 301]);
    h.sb.requests.clear();
    const follow = await h.client(S3Client, A, { maxAttempts: 1, followRegionRedirects: true });
    expect((await follow.send(new GetBucketVersioningCommand({ Bucket: "a-locked-logs" }))).Status).toBe("Enabled");
    expect(h.sb.requests.list({ service: "s3" }).map((r) => [r.region, r.status])).toEqual([["us-east-1", 301], ["eu-west-1", 200]]);
  });

  it("S3 'not configured' errors and cross-account buckets", async () => {
    const s3 = await h.client(S3Client, A, { maxAttempts: 1 });
    const plain = "a-plain";
    const cases: [Promise<unknown>, string, number][] = [
      [s3.send(new GetBucketPolicyStatusCommand({ Bucket: plain })), "NoSuchBucketPolicy", 404],
      [s3.send(new GetBucketPolicyCommand({ Bucket: plain })), "NoSuchBucketPolicy", 404],
      [s3.send(new GetPublicAccessBlockCommand({ Bucket: plain })), "NoSuchPublicAccessBlockConfiguration", 404],
      [s3.send(new GetObjectLockConfigurationCommand({ Bucket: plain })), "ObjectLockConfigurationNotFoundError", 404],
      [s3.send(new GetBucketVersioningCommand({ Bucket: "b-private" })), "AccessDenied", 403],
      [s3.send(new GetBucketVersioningCommand({ Bucket: "no-such-bucket" })), "NoSuchBucket", 404],
    ];
    for (const [p, name, status] of cases) {
      const err = await errorOf(p);
      expect([err.name, err.$metadata?.httpStatusCode]).toEqual([name, status]);
    }
  });
});

describe("S3 Control: account id in the host, no OS resolver needed", () => {
  /** A client whose DNS lookups are counted and never reach the OS resolver. */
  function control(credentials: Awaited<ReturnType<typeof assumeRole>>, names: string[]) {
    const lookup: LookupFunction = (hostname, options, cb) => {
      names.push(hostname);
      loopbackLookup(hostname, options, cb);
    };
    return new S3ControlClient({
      endpoint: h.sb.endpoint,
      region: "us-east-1",
      credentials,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpAgent: new http.Agent({ lookup } as http.AgentOptions) }),
    });
  }

  it("GetPublicAccessBlock reaches <account>.localhost and returns the account BPA", async () => {
    const names: string[] = [];
    const creds = await assumeRole(h.sb, A);
    h.sb.requests.clear();
    const out = await control(creds, names).send(new GetAccountPab({ AccountId: A }));
    expect(out.PublicAccessBlockConfiguration).toEqual(h.s.accounts[A]!.s3.publicAccessBlock);
    expect(names).toContain(`${A}.localhost`);
    const [rec] = h.sb.requests.list({ service: "s3control" });
    expect(rec).toMatchObject({ operation: "GetPublicAccessBlock", account: A, status: 200, host: `${A}.localhost:${h.sb.port}` });
  });

  it("NoSuchPublicAccessBlockConfiguration (404) when the account has none; another account's id is denied", async () => {
    const credsB = await assumeRole(h.sb, B);
    const err = await errorOf(control(credsB, []).send(new GetAccountPab({ AccountId: B })));
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(["NoSuchPublicAccessBlockConfiguration", 404]);
    const denied = await errorOf(control(credsB, []).send(new GetAccountPab({ AccountId: A })));
    expect(denied.name).toBe("AccessDenied");
  });
});
