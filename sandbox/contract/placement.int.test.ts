import { ListOrganizationsFeaturesCommand, IAMClient } from "@aws-sdk/client-iam";
import { DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { addAccount, createScenario, placeScanner } from "../scenario/builder";
import { daysAgo } from "../scenario/clock";
import { assumeRole, makeClient } from "../testing/clients";
import { errorOf, sandboxForSuite } from "./setup";

// Where the scanner runs, as AWS answers it: who the caller is, which roles exist, what Organizations
// tells a delegated administrator, a plain member and an account outside the organization.

const TOOLING = "210000000001";
const MEMBER = "210000000002";
const OUTSIDE = "910000000001";

function organization(scanner: "tooling" | "outside") {
  const s = createScenario();
  addAccount(s, { id: TOOLING, name: "security-tooling" });
  addAccount(s, { id: MEMBER, name: "workload" });
  s.organization!.delegatedAdministrators.push({ accountId: TOOLING, servicePrincipal: "securityhub.amazonaws.com", since: daysAgo(s.clock, 100) });
  // The StackSet skipped the management account: no member role there.
  const management = s.accounts[s.management.accountId]!;
  management.iam.roles = management.iam.roles.filter((r) => r.RoleName !== s.access.roleName);
  if (scanner === "tooling") placeScanner(s, TOOLING);
  else placeScanner(s, OUTSIDE, { name: "tenfold-tooling" });
  return s;
}

describe("a scanner in a delegated administrator account", () => {
  const h = sandboxForSuite(() => organization("tooling"));

  it("is its own role, and may assume the member role, which the management key no longer may", async () => {
    const me = await makeClient(h.sb, STSClient).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: TOOLING, Arn: `arn:aws:iam::${TOOLING}:role/TenfoldScanner` });
    expect((await assumeRole(h.sb, MEMBER)).accessKeyId).toMatch(/^ASIA/);
    const management = { accessKeyId: h.s.management.accessKeyId, secretAccessKey: h.s.management.secretAccessKey };
    const sts = makeClient(h.sb, STSClient, { credentials: management, maxAttempts: 1 });
    const err = await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MEMBER}:role/TenfoldReadOnly`, RoleSessionName: "x", ExternalId: h.s.access.externalId })));
    expect(err.name).toBe("AccessDenied");
  });

  it("cannot assume a member role that was never deployed (the management account's)", async () => {
    const err = await errorOf(assumeRole(h.sb, h.s.management.accountId));
    expect([err.name, err.$metadata?.httpStatusCode]).toEqual(["AccessDenied", 403]);
  });

  it("reads Organizations as a delegated administrator, but not root-access management", async () => {
    const org = makeClient(h.sb, OrganizationsClient, { maxAttempts: 1 });
    expect((await org.send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId).toBe(h.s.management.accountId);
    expect((await org.send(new ListAccountsCommand({}))).Accounts?.map((a) => a.Id)).toContain(MEMBER);
    const err = await errorOf(makeClient(h.sb, IAMClient, { maxAttempts: 1 }).send(new ListOrganizationsFeaturesCommand({})));
    expect(err.name).toBe("AccountNotManagementOrDelegatedAdministratorException");
  });

  it("a plain member may describe the organization but not list it", async () => {
    const org = makeClient(h.sb, OrganizationsClient, { credentials: await assumeRole(h.sb, MEMBER), maxAttempts: 1 });
    expect((await org.send(new DescribeOrganizationCommand({}))).Organization?.Id).toBe(h.s.organization!.id);
    expect((await errorOf(org.send(new ListAccountsCommand({})))).name).toBe("AccessDeniedException");
  });
});

describe("a scanner outside the organization", () => {
  const h = sandboxForSuite(() => organization("outside"));

  it("belongs to no organization, and still enters the members through their role", async () => {
    const me = await makeClient(h.sb, STSClient).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(OUTSIDE);
    const err = await errorOf(makeClient(h.sb, OrganizationsClient, { maxAttempts: 1 }).send(new DescribeOrganizationCommand({})));
    expect(err.name).toBe("AWSOrganizationsNotInUseException");
    const org = makeClient(h.sb, OrganizationsClient, { credentials: await assumeRole(h.sb, MEMBER), maxAttempts: 1 });
    expect((await org.send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId).toBe(h.s.management.accountId);
  });
});
