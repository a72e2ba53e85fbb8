import { DescribeRegionsCommand, DescribeSecurityGroupsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetAccountSummaryCommand, IAMClient } from "@aws-sdk/client-iam";
import { ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { ListDetectorsCommand, GuardDutyClient } from "@aws-sdk/client-guardduty";
import { ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { describe, expect, it } from "vitest";
import { assumeRole, makeClient } from "../testing/clients";
import { A, B, DENIED, OTHER_EXTERNAL_ID, SUSPENDED } from "../testing/fixture";
import { errorOf, sandboxForSuite } from "./setup";

const h = sandboxForSuite();
const bogus = { accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x" };

describe("STS and identity", () => {
  it("GetCallerIdentity answers for the management key and for assumed roles", async () => {
    const mgmt = await makeClient(h.sb, STSClient).send(new GetCallerIdentityCommand({}));
    expect(mgmt).toMatchObject({ Account: h.s.management.accountId, Arn: h.s.management.principalArn });
    const sts = await h.client(STSClient, A);
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(A);
    expect(me.Arn).toBe(`arn:aws:sts::${A}:assumed-role/TenfoldReadOnly/tenfold-test`);
  });

  it("AssumeRole issues ASIA keys that expire at clock + DurationSeconds", async () => {
    const out = await makeClient(h.sb, STSClient).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/TenfoldReadOnly`, RoleSessionName: "s1", ExternalId: h.s.access.externalId, DurationSeconds: 900 }),
    );
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials?.Expiration?.getTime()).toBe(h.s.clock.getTime() + 900_000);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${A}:assumed-role/TenfoldReadOnly/s1`);
  });

  it.each([
    ["a wrong ExternalId", A, "TenfoldReadOnly", "wrong"],
    ["a role the scenario does not have", A, "Admin", undefined],
    ["an account that requires another ExternalId", DENIED, "TenfoldReadOnly", undefined],
    ["a suspended account", SUSPENDED, "TenfoldReadOnly", undefined],
    ["an account outside the scenario", "999999999999", "TenfoldReadOnly", undefined],
  ])("AssumeRole with %s is AccessDenied (403)", async (_what, account, roleName, externalId) => {
    const err = await errorOf(assumeRole(h.sb, account, { roleName, externalId }));
    expect(err.name).toBe("AccessDenied");
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toBe(`User: ${h.s.management.principalArn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${account}:role/${roleName}`);
  });

  it("AssumeRole through STS in an opt-in Region the caller has not enabled is RegionDisabledException", async () => {
    const err = await errorOf(assumeRole(h.sb, A, { region: "af-south-1" }));
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(["RegionDisabledException", 403]);
  });

  it("AssumeRole succeeds with an account-specific ExternalId", async () => {
    const c = await assumeRole(h.sb, DENIED, { externalId: OTHER_EXTERNAL_ID });
    expect(c.accessKeyId).toMatch(/^ASIA/);
  });

  it("unknown keys are rejected with each protocol's own invalid-token error", async () => {
    const o = { credentials: bogus, maxAttempts: 1 };
    expect((await errorOf(makeClient(h.sb, STSClient, o).send(new GetCallerIdentityCommand({})))).name).toBe("InvalidClientTokenId");
    expect((await errorOf(makeClient(h.sb, IAMClient, o).send(new GetAccountSummaryCommand({})))).name).toBe("InvalidClientTokenId");
    expect((await errorOf(makeClient(h.sb, EC2Client, o).send(new DescribeRegionsCommand({})))).name).toBe("InvalidClientTokenId");
    expect((await errorOf(makeClient(h.sb, OrganizationsClient, o).send(new ListAccountsCommand({})))).name).toBe("UnrecognizedClientException");
    expect((await errorOf(makeClient(h.sb, GuardDutyClient, o).send(new ListDetectorsCommand({})))).name).toBe("UnrecognizedClientException");
    expect((await errorOf(makeClient(h.sb, S3Client, o).send(new ListBucketsCommand({})))).name).toBe("InvalidAccessKeyId");
  });

  it("a Region the account has not enabled answers like a disabled opt-in Region", async () => {
    const ec2 = await h.client(EC2Client, B, { region: "af-south-1", maxAttempts: 1 });
    expect((await errorOf(ec2.send(new DescribeRegionsCommand({})))).name).toBe("InvalidClientTokenId");
    const sm = await h.client(SecretsManagerClient, B, { region: "ap-south-1", maxAttempts: 1 });
    expect((await errorOf(sm.send(new ListSecretsCommand({})))).name).toBe("UnrecognizedClientException");
    const enabled = await (await h.client(EC2Client, B)).send(new DescribeRegionsCommand({ AllRegions: false }));
    expect(enabled.Regions?.map((r) => r.RegionName)).toEqual(["us-east-1", "eu-west-1"]);
  });

  it("expired session credentials are rejected once the scenario clock passes Expiration", async () => {
    const c = await assumeRole(h.sb, B);
    const clock = h.sb.scenario.clock;
    h.sb.setClock(new Date(clock.getTime() + 2 * 3600_000));
    try {
      const err = await errorOf(makeClient(h.sb, STSClient, { credentials: c, maxAttempts: 1 }).send(new GetCallerIdentityCommand({})));
      expect(err.name).toBe("ExpiredToken");
    } finally {
      h.sb.setClock(clock);
    }
  });
});

describe("isolation", () => {
  it("credentials for account A only ever see account A's resources", async () => {
    const ec2A = await h.client(EC2Client, A);
    const ec2B = await h.client(EC2Client, B);
    const sgA = (await ec2A.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
    const sgB = (await ec2B.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
    expect(sgA.every((g) => g.OwnerId === A)).toBe(true);
    expect(sgB.map((g) => g.GroupId)).toEqual(["sg-b0000000000000001"]);
    const err = await errorOf(ec2A.send(new DescribeSecurityGroupsCommand({ GroupIds: ["sg-b0000000000000001"] })));
    expect(err.name).toBe("InvalidGroup.NotFound");
    const bucketsA = (await (await h.client(S3Client, A)).send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
    expect(bucketsA).not.toContain("b-private");
  });

  it("a member account cannot read the organization", async () => {
    const org = await h.client(OrganizationsClient, B, { maxAttempts: 1 });
    const err = await errorOf(org.send(new ListAccountsCommand({})));
    expect(err.name).toBe("AccessDeniedException");
  });

  it("a delegated administrator of any service can (RegisterDelegatedAdministrator grants read-only Organizations access)", async () => {
    const org = await h.client(OrganizationsClient, A, { maxAttempts: 1 });
    const accounts = (await org.send(new ListAccountsCommand({}))).Accounts ?? [];
    expect(accounts.map((a) => a.Id)).toContain(B);
  });
});
