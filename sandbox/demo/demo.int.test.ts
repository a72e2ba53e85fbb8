import { DescribeSecurityGroupsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetAccountSummaryCommand, IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient, paginateListAccounts } from "@aws-sdk/client-organizations";
import { DescribeTrailsCommand, CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../server";
import { assumeRole, makeClient } from "../testing/clients";
import { demoScenarioAt } from "./index";

let sb: Sandbox | undefined;
afterAll(async () => sb?.stop());

describe("demo organisation through the sandbox", () => {
  it("serves the org and moves week by week", async () => {
    sb = await startSandbox({ scenario: demoScenarioAt(0) });
    const ids = Object.fromEntries(Object.values(sb.scenario.accounts).map((a) => [a.name, a.id]));
    const accounts = [];
    for await (const p of paginateListAccounts({ client: makeClient(sb, OrganizationsClient) }, {})) accounts.push(...(p.Accounts ?? []));
    expect(accounts.length).toBe(Object.keys(sb.scenario.accounts).length);

    const rootMfa = async () => {
      const creds = await assumeRole(sb!, ids["payments-prod"]!);
      return (await makeClient(sb!, IAMClient, { credentials: creds }).send(new GetAccountSummaryCommand({}))).SummaryMap?.AccountMFAEnabled;
    };
    const ssh = async () => {
      const creds = await assumeRole(sb!, ids["dev-sandbox-7"]!);
      const sgs = (await makeClient(sb!, EC2Client, { credentials: creds }).send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
      return sgs.some((g) => g.IpPermissions?.some((p) => p.FromPort === 22 && p.IpRanges?.some((r) => r.CidrIp === "0.0.0.0/0")));
    };
    const orgTrail = async () => {
      const creds = await assumeRole(sb!, ids["orders-dev"]!);
      const t = await makeClient(sb!, CloudTrailClient, { credentials: creds }).send(new DescribeTrailsCommand({}));
      return t.trailList?.some((x) => x.IsOrganizationTrail) ?? false;
    };
    expect([await rootMfa(), await ssh(), await orgTrail()]).toEqual([0, false, false]);
    sb.setScenario(demoScenarioAt(12));
    expect([await rootMfa(), await ssh(), await orgTrail()]).toEqual([1, true, true]);
  });
});
