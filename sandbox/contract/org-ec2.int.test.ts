import {
  DescribeInstanceAttributeCommand, DescribeInstancesCommand, DescribeLaunchTemplateVersionsCommand, GetManagedPrefixListEntriesCommand, DescribeNetworkInterfacesCommand, DescribeRegionsCommand, EC2Client,
  paginateDescribeInstances, paginateDescribeSecurityGroups,
} from "@aws-sdk/client-ec2";
import {
  DescribeAccountCommand, DescribeOrganizationCommand, DescribeOrganizationalUnitCommand, DescribePolicyCommand, ListChildrenCommand, ListOrganizationalUnitsForParentCommand, ListRootsCommand, paginateListAccountsForParent, ListAWSServiceAccessForOrganizationCommand, ListDelegatedAdministratorsCommand, ListParentsCommand,
  ListPoliciesCommand, ListPoliciesForTargetCommand, ListTargetsForPolicyCommand, ListTagsForResourceCommand, OrganizationsClient, paginateListAccounts,
} from "@aws-sdk/client-organizations";
import { describe, expect, it } from "vitest";
import { DEFAULT_REGIONS } from "../regions";
import { A, B, R } from "../testing/fixture";
import { errorOf, sandboxForSuite } from "./setup";

const h = sandboxForSuite();

describe("Organizations", () => {
  it("ListAccounts pages by 20 and returns every account with State", async () => {
    const org = await h.client(OrganizationsClient);
    const pages = [];
    for await (const p of paginateListAccounts({ client: org, pageSize: 20 }, {})) pages.push(p.Accounts ?? []);
    expect(pages.map((p) => p.length)).toEqual([20, 5]);
    const all = pages.flat();
    expect(all.map((a) => a.Id)).toEqual(Object.keys(h.s.accounts));
    expect(all.find((a) => a.Id === B)).toEqual({
      Id: B,
      Arn: `arn:aws:organizations::111111111111:account/o-sandbox0001/${B}`,
      Email: "aws+payments-prod@example.com",
      Name: "payments-prod",
      Status: "ACTIVE",
      State: "ACTIVE",
      JoinedMethod: "CREATED",
      JoinedTimestamp: h.s.accounts[B]!.joinedAt,
    });
    expect(all.find((a) => a.Id === "555555555555")?.State).toBe("SUSPENDED");
    expect((await errorOf(org.send(new (await import("@aws-sdk/client-organizations")).ListAccountsCommand({ MaxResults: 21 })))).name).toBe("InvalidInputException");
  });

  it("DescribeOrganization, ListParents up to the root, tags", async () => {
    const org = await h.client(OrganizationsClient);
    expect((await org.send(new DescribeOrganizationCommand({}))).Organization).toMatchObject({ Id: "o-sandbox0001", FeatureSet: "ALL", MasterAccountId: "111111111111" });
    expect((await org.send(new ListParentsCommand({ ChildId: B }))).Parents).toEqual([{ Id: "ou-sbx1-prod0000", Type: "ORGANIZATIONAL_UNIT" }]);
    expect((await org.send(new ListParentsCommand({ ChildId: "ou-sbx1-prod0000" }))).Parents).toEqual([{ Id: "ou-sbx1-workload", Type: "ORGANIZATIONAL_UNIT" }]);
    expect((await org.send(new ListParentsCommand({ ChildId: "ou-sbx1-workload" }))).Parents).toEqual([{ Id: "r-sbx1", Type: "ROOT" }]);
    expect((await errorOf(org.send(new ListParentsCommand({ ChildId: "999999999999" })))).name).toBe("ChildNotFoundException");
    expect((await org.send(new ListTagsForResourceCommand({ ResourceId: B }))).Tags).toEqual([
      { Key: "owner", Value: "team-payments@example.com" },
      { Key: "data-classification", Value: "restricted" },
    ]);
  });

  it("walks the OU tree top-down: roots, OUs, children, accounts per parent", async () => {
    const org = await h.client(OrganizationsClient);
    const roots = (await org.send(new ListRootsCommand({}))).Roots ?? [];
    expect(roots.map((r) => r.Id)).toEqual(["r-sbx1"]);
    const ous = (await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: "r-sbx1" }))).OrganizationalUnits ?? [];
    expect(ous.map((u) => [u.Id, u.Name])).toEqual([["ou-sbx1-security", "Security"], ["ou-sbx1-workload", "Workloads"]]);
    expect((await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: "ou-sbx1-prod0000" }))).OrganizationalUnit?.Name).toBe("Prod");
    const kids = await org.send(new ListChildrenCommand({ ParentId: "ou-sbx1-workload", ChildType: "ORGANIZATIONAL_UNIT" }));
    expect(kids.Children).toEqual([{ Id: "ou-sbx1-prod0000", Type: "ORGANIZATIONAL_UNIT" }]);
    const prod = [];
    for await (const p of paginateListAccountsForParent({ client: org, pageSize: 20 }, { ParentId: "ou-sbx1-prod0000" })) prod.push(...(p.Accounts ?? []));
    expect(prod.map((a) => a.Id)).toEqual(Object.values(h.s.accounts).filter((a) => a.parentId === "ou-sbx1-prod0000").map((a) => a.id));
    expect(prod).toHaveLength(21);
    expect((await org.send(new DescribeAccountCommand({ AccountId: B }))).Account?.Name).toBe("payments-prod");
    expect((await errorOf(org.send(new ListChildrenCommand({ ParentId: "ou-nope", ChildType: "ACCOUNT" })))).name).toBe("ParentNotFoundException");
  });

  it("delegated admins, trusted access and SCPs", async () => {
    const org = await h.client(OrganizationsClient);
    const das = await org.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: "securityhub.amazonaws.com" }));
    expect(das.DelegatedAdministrators?.map((d) => [d.Id, d.DelegationEnabledDate])).toEqual([[A, h.s.organization!.delegatedAdministrators[0]!.since]]);
    const access = await org.send(new ListAWSServiceAccessForOrganizationCommand({}));
    expect(access.EnabledServicePrincipals?.map((x) => x.ServicePrincipal)).toContain("account.amazonaws.com");
    const scps = await org.send(new ListPoliciesCommand({ Filter: "SERVICE_CONTROL_POLICY" }));
    expect(scps.Policies?.map((p) => p.Id)).toEqual(["p-FullAWSAccess", "p-denytrail"]);
    const p = await org.send(new DescribePolicyCommand({ PolicyId: "p-denytrail" }));
    expect(JSON.parse(p.Policy?.Content ?? "{}")).toMatchObject({ Statement: [{ Effect: "Deny" }] });
    expect((await org.send(new ListPoliciesForTargetCommand({ TargetId: "ou-sbx1-workload", Filter: "SERVICE_CONTROL_POLICY" }))).Policies?.map((x) => x.Name)).toEqual(["DenyCloudTrailTamper"]);
    expect((await errorOf(org.send(new DescribePolicyCommand({ PolicyId: "p-nope" })))).name).toBe("PolicyNotFoundException");
    const targets = await org.send(new ListTargetsForPolicyCommand({ PolicyId: "p-denytrail" }));
    expect(targets.Targets?.map((t) => [t.TargetId, t.Type, t.Name])).toEqual([["ou-sbx1-workload", "ORGANIZATIONAL_UNIT", expect.any(String)]]);
    expect(targets.Targets?.[0]?.Arn).toMatch(/^arn:aws:organizations::\d{12}:ou\/o-[a-z0-9]+\/ou-sbx1-workload$/);
    expect((await errorOf(org.send(new ListTargetsForPolicyCommand({ PolicyId: "p-nope" })))).name).toBe("PolicyNotFoundException");
  });
});

describe("EC2 (ec2Query)", () => {
  it("DescribeRegions: enabled only, or all with opt-in status", async () => {
    const ec2 = await h.client(EC2Client, A);
    const enabled = await ec2.send(new DescribeRegionsCommand({ AllRegions: false }));
    expect(enabled.Regions?.map((r) => r.RegionName)).toEqual([...DEFAULT_REGIONS]);
    expect(enabled.Regions?.[0]).toEqual({ RegionName: "us-east-1", Endpoint: "ec2.us-east-1.amazonaws.com", OptInStatus: "opt-in-not-required" });
    const filtered = await ec2.send(new DescribeRegionsCommand({ RegionNames: ["eu-west-1", "us-west-2"], Filters: [{ Name: "opt-in-status", Values: ["opt-in-not-required"] }] }));
    expect(filtered.Regions?.map((r) => r.RegionName)).toEqual(["us-west-2", "eu-west-1"]);
    const all = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions?.find((r) => r.RegionName === "af-south-1")?.OptInStatus).toBe("not-opted-in");
  });

  it("DescribeSecurityGroups returns the scenario's groups across pages", async () => {
    const ec2 = await h.client(EC2Client, A);
    const pages = [];
    for await (const p of paginateDescribeSecurityGroups({ client: ec2, pageSize: 5 }, {})) pages.push(p.SecurityGroups ?? []);
    expect(pages.map((p) => p.length)).toEqual([5, 2]);
    expect(pages.flat()).toEqual(h.s.accounts[A]!.regions[R]!.securityGroups);
  });

  it("DescribeInstances pages reservations; DescribeInstanceAttribute returns base64 user data", async () => {
    const ec2 = await h.client(EC2Client, A);
    const instances = [];
    for await (const p of paginateDescribeInstances({ client: ec2, pageSize: 5 }, {})) for (const r of p.Reservations ?? []) instances.push(...(r.Instances ?? []));
    expect(instances).toEqual(h.s.accounts[A]!.regions[R]!.instances!.map((i) => i.instance));
    const attr = await ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: "i-a0000000000000000", Attribute: "userData" }));
    expect(Buffer.from(attr.UserData?.Value ?? "", "base64").toString()).toBe("#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAEXAMPLEFAKE00001\n");
    const running = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: "instance-state-name", Values: ["pending", "running"] }] }));
    expect(running.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId)).toHaveLength(5);
    const byId = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ["i-a0000000000000002", "i-a0000000000000003"] }));
    expect(byId.Reservations?.map((r) => r.Instances?.[0]?.InstanceId)).toEqual(["i-a0000000000000002", "i-a0000000000000003"]);
    const none = await ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: "i-a0000000000000001", Attribute: "userData" }));
    expect(none.UserData?.Value).toBeUndefined();
    expect((await errorOf(ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: "i-nope", Attribute: "userData" })))).name).toBe("InvalidInstanceID.NotFound");
  });

  it("DescribeLaunchTemplateVersions resolves $Latest and $Default; DescribeNetworkInterfaces", async () => {
    const ec2 = await h.client(EC2Client, A);
    const v = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ Versions: ["$Latest", "$Default"] }));
    expect(v.LaunchTemplateVersions).toEqual(h.s.accounts[A]!.regions[R]!.launchTemplateVersions);
    const latest = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ Versions: ["$Latest"] }));
    expect(latest.LaunchTemplateVersions?.map((x) => x.VersionNumber)).toEqual([2]);
    const pl = await ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: "pl-0office" }));
    expect(pl.Entries).toEqual(h.s.accounts[A]!.regions[R]!.prefixLists!["pl-0office"]);
    expect((await errorOf(ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: "pl-nope" })))).name).toBe("InvalidPrefixListID.NotFound");
    const enis = await ec2.send(new DescribeNetworkInterfacesCommand({}));
    expect(enis.NetworkInterfaces).toEqual(h.s.accounts[A]!.regions[R]!.networkInterfaces);
  });
});
