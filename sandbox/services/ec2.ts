import type * as T from "@aws-sdk/client-ec2";
import { op, regionOf, sdkModule, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import { DEFAULT_REGIONS, OPT_IN_REGIONS, isOptInRegion } from "../regions";

function page<X>(items: readonly X[], input: { NextToken?: string; MaxResults?: number }) {
  if (input.MaxResults !== undefined && (input.MaxResults < 5 || input.MaxResults > 1000))
    throw new SandboxError("InvalidParameterValue", `Value ( ${input.MaxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`, 400);
  return paginate(items, { token: input.NextToken, max: input.MaxResults, defaultMax: 1000, invalidTokenCode: "InvalidNextToken" });
}

/** The few filters Tenfold and tests use; unknown filter names are ignored. */
function filterValues(filters: T.Filter[] | undefined, name: string): Set<string> | undefined {
  const f = filters?.find((x) => x.Name === name);
  return f?.Values ? new Set(f.Values) : undefined;
}

function keep<X>(items: readonly X[], filters: T.Filter[] | undefined, fields: Record<string, (x: X) => string | undefined>): X[] {
  const active = Object.entries(fields).map(([n, get]) => [filterValues(filters, n), get] as const).filter(([s]) => s);
  if (!active.length) return items as X[];
  return items.filter((x) => active.every(([s, get]) => s?.has(get(x) ?? "")));
}

export const ec2: ServiceDef = {
  name: "ec2",
  protocol: "ec2",
  sdk: sdkModule("@aws-sdk/client-ec2"),
  version: "2016-11-15",
  xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
  global: false,
  throttle: { code: "RequestLimitExceeded", status: 503 },
  handlers: {
    DescribeRegions: op<T.DescribeRegionsRequest, T.DescribeRegionsResult>((ctx, input) => {
      const enabled = new Set(ctx.account.enabledRegions);
      const all = input.AllRegions ? [...DEFAULT_REGIONS, ...OPT_IN_REGIONS] : ctx.account.enabledRegions;
      let regions: T.Region[] = all.map((r) => ({
        RegionName: r,
        Endpoint: `ec2.${r}.amazonaws.com`,
        OptInStatus: !isOptInRegion(r) ? "opt-in-not-required" : enabled.has(r) ? "opted-in" : "not-opted-in",
      }));
      if (input.RegionNames?.length) regions = regions.filter((r) => input.RegionNames?.includes(r.RegionName ?? ""));
      regions = keep(regions, input.Filters, { "region-name": (r) => r.RegionName, "opt-in-status": (r) => r.OptInStatus });
      return { Regions: regions };
    }),
    DescribeSecurityGroups: op<T.DescribeSecurityGroupsRequest, T.DescribeSecurityGroupsResult>((ctx, input) => {
      let sgs = regionOf(ctx).securityGroups ?? [];
      if (input.GroupIds?.length) {
        const ids = new Set(input.GroupIds);
        sgs = sgs.filter((g) => ids.has(g.GroupId ?? ""));
        if (sgs.length !== ids.size) throw new SandboxError("InvalidGroup.NotFound", `The security group '${[...ids].find((i) => !sgs.some((g) => g.GroupId === i))}' does not exist`, 400);
      }
      if (input.GroupNames?.length) sgs = sgs.filter((g) => input.GroupNames?.includes(g.GroupName ?? ""));
      sgs = keep(sgs, input.Filters, { "group-name": (g) => g.GroupName, "group-id": (g) => g.GroupId, "vpc-id": (g) => g.VpcId });
      const p = page(sgs, input);
      return { SecurityGroups: p.items, NextToken: p.next };
    }),
    DescribeInstances: op<T.DescribeInstancesRequest, T.DescribeInstancesResult>((ctx, input) => {
      let list = (regionOf(ctx).instances ?? []).map((i) => i.instance);
      if (input.InstanceIds?.length) list = list.filter((i) => input.InstanceIds?.includes(i.InstanceId ?? ""));
      list = keep(list, input.Filters, { "instance-state-name": (i) => i.State?.Name, "vpc-id": (i) => i.VpcId });
      const p = page(list, input);
      return {
        Reservations: p.items.map((i) => ({ ReservationId: `r-${(i.InstanceId ?? "").slice(2)}`, OwnerId: ctx.account.id, Groups: [], Instances: [i] })),
        NextToken: p.next,
      };
    }),
    DescribeInstanceAttribute: op<T.DescribeInstanceAttributeRequest, T.InstanceAttribute>((ctx, input) => {
      const data = (regionOf(ctx).instances ?? []).find((i) => i.instance.InstanceId === input.InstanceId);
      if (!data) throw new SandboxError("InvalidInstanceID.NotFound", `The instance ID '${input.InstanceId}' does not exist`, 400);
      const out: T.InstanceAttribute = { InstanceId: data.instance.InstanceId };
      if (input.Attribute === "userData") out.UserData = data.userData === undefined ? {} : { Value: Buffer.from(data.userData).toString("base64") };
      else if (input.Attribute === "instanceType") out.InstanceType = { Value: data.instance.InstanceType };
      else if (input.Attribute === "groupSet") out.Groups = data.instance.SecurityGroups ?? [];
      return out;
    }),
    DescribeLaunchTemplateVersions: op<T.DescribeLaunchTemplateVersionsRequest, T.DescribeLaunchTemplateVersionsResult>((ctx, input) => {
      let all = regionOf(ctx).launchTemplateVersions ?? [];
      if (input.LaunchTemplateId) all = all.filter((v) => v.LaunchTemplateId === input.LaunchTemplateId);
      if (input.LaunchTemplateName) all = all.filter((v) => v.LaunchTemplateName === input.LaunchTemplateName);
      if (input.Versions?.length) {
        const want = new Set(input.Versions);
        const latest = new Map<string, number>();
        for (const v of all) latest.set(v.LaunchTemplateId ?? "", Math.max(latest.get(v.LaunchTemplateId ?? "") ?? 0, v.VersionNumber ?? 0));
        all = all.filter(
          (v) =>
            want.has(String(v.VersionNumber)) ||
            (want.has("$Default") && v.DefaultVersion) ||
            (want.has("$Latest") && latest.get(v.LaunchTemplateId ?? "") === v.VersionNumber),
        );
      }
      const p = page(all, input);
      return { LaunchTemplateVersions: p.items, NextToken: p.next };
    }),
    GetManagedPrefixListEntries: op<T.GetManagedPrefixListEntriesRequest, T.GetManagedPrefixListEntriesResult>((ctx, input) => {
      const entries = regionOf(ctx).prefixLists?.[input.PrefixListId ?? ""];
      if (!entries) throw new SandboxError("InvalidPrefixListID.NotFound", `The prefix list ID '${input.PrefixListId}' does not exist`, 400);
      const p = paginate(entries, { token: input.NextToken, max: input.MaxResults, defaultMax: 100, limit: 100, invalidTokenCode: "InvalidNextToken" });
      return { Entries: p.items, NextToken: p.next };
    }),
    DescribeNetworkInterfaces: op<T.DescribeNetworkInterfacesRequest, T.DescribeNetworkInterfacesResult>((ctx, input) => {
      let all = regionOf(ctx).networkInterfaces ?? [];
      if (input.NetworkInterfaceIds?.length) all = all.filter((n) => input.NetworkInterfaceIds?.includes(n.NetworkInterfaceId ?? ""));
      all = keep(all, input.Filters, { "vpc-id": (n) => n.VpcId, "group-id": (n) => n.Groups?.[0]?.GroupId });
      const p = page(all, input);
      return { NetworkInterfaces: p.items, NextToken: p.next };
    }),
  },
};
