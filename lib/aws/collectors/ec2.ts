// EC2 (ENABLED Regions): security groups (item 4), instance and launch-template user data (item 3).
import {
  DescribeInstanceAttributeCommand,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeSecurityGroups,
  type Instance,
  type IpPermission,
  type SecurityGroup as SdkSecurityGroup,
} from "@aws-sdk/client-ec2";
import type { Regional, SecretScan, SecurityGroup, SgRule } from "@/lib/scoring/evidence";
import { call, isAbortError, toCollectErrorWithAction } from "../errors";
import { mapLimit } from "../limiter";
import { compact, perRegion, type CollectorContext } from "./context";
import { hasIgnoreTag, SecretScanBuilder } from "./secrets-scan";

/** One IpPermission → SgRule (pure). */
export function flattenPermission(p: IpPermission): SgRule {
  return {
    protocol: p.IpProtocol ?? "-1",
    fromPort: p.FromPort ?? null,
    toPort: p.ToPort ?? null,
    cidrs: (p.IpRanges ?? []).map((r) => r.CidrIp).filter((c): c is string => typeof c === "string"),
    ipv6Cidrs: (p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6).filter((c): c is string => typeof c === "string"),
    prefixListIds: (p.PrefixListIds ?? []).map((r) => r.PrefixListId).filter((c): c is string => typeof c === "string"),
    groupPairs: (p.UserIdGroupPairs ?? []).length,
  };
}

export function shapeSecurityGroup(g: SdkSecurityGroup): SecurityGroup {
  return compact({
    groupId: g.GroupId ?? "",
    groupName: g.GroupName ?? "",
    vpcId: g.VpcId,
    ipPermissions: (g.IpPermissions ?? []).map(flattenPermission),
    ipPermissionsEgress: (g.IpPermissionsEgress ?? []).map(flattenPermission),
  });
}

export async function collectSecurityGroups(ctx: CollectorContext): Promise<Regional<SecurityGroup[]>> {
  return perRegion(ctx.regions, "ec2:DescribeSecurityGroups", async (region) => {
    const out: SecurityGroup[] = [];
    for await (const page of paginateDescribeSecurityGroups({ client: ctx.clients.get("ec2", region), pageSize: 1000 }, {}))
      for (const g of page.SecurityGroups ?? []) out.push(shapeSecurityGroup(g));
    return out;
  });
}

const tagList = (tags: { Key?: string; Value?: string }[] | undefined) => (tags ?? []).map((t) => ({ key: t.Key, value: t.Value }));

export async function collectUserData(ctx: CollectorContext): Promise<Regional<SecretScan>> {
  return perRegion(ctx.regions, "ec2:DescribeInstances", async (region) => {
    const ec2 = ctx.clients.get("ec2", region);
    const scan = new SecretScanBuilder(ctx.settings.secretSalt);
    const instances: Instance[] = [];
    await call("ec2:DescribeInstances", async () => {
      for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 1000 }, {}))
        for (const r of page.Reservations ?? [])
          for (const i of r.Instances ?? []) if (i.State?.Name !== "terminated" && i.InstanceId) instances.push(i);
    });
    scan.total += instances.length;
    const sample = instances.slice(0, Math.max(0, ctx.settings.maxInstances));
    await mapLimit(sample, ctx.settings.perAccountConcurrency, async (inst) => {
      const id = inst.InstanceId as string;
      const arn = `arn:aws:ec2:${region}:${ctx.accountId}:instance/${id}`;
      const name = inst.Tags?.find((t) => t.Key === "Name")?.Value;
      try {
        const out = await ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: "userData" }));
        const ud = out.UserData?.Value;
        if (ud === undefined || ud === "") {
          scan.scanned++;
          return;
        }
        await scan.scanUserData({ arn, name, ignoreTag: hasIgnoreTag(tagList(inst.Tags)) }, `${arn} UserData`, ud);
      } catch (err) {
        if (isAbortError(err)) throw err;
        scan.addError({ arn, name }, toCollectErrorWithAction(err, "ec2:DescribeInstanceAttribute"));
      }
    });

    // Launch templates: $Latest and $Default of every template (no template id = all templates).
    const seen = new Set<string>();
    await call("ec2:DescribeLaunchTemplateVersions", async () => {
      for await (const page of paginateDescribeLaunchTemplateVersions({ client: ec2, pageSize: 200 }, { Versions: ["$Latest", "$Default"] })) {
        for (const v of page.LaunchTemplateVersions ?? []) {
          const key = `${v.LaunchTemplateId}:${v.VersionNumber}`;
          if (seen.has(key)) continue;
          seen.add(key);
          scan.total++;
          const arn = `arn:aws:ec2:${region}:${ctx.accountId}:launch-template/${v.LaunchTemplateId ?? "?"}`;
          const ud = v.LaunchTemplateData?.UserData;
          if (ud === undefined || ud === "") {
            scan.scanned++;
            continue;
          }
          const resource = { arn, name: `${v.LaunchTemplateName ?? v.LaunchTemplateId} v${v.VersionNumber ?? "?"}` };
          try {
            await scan.scanUserData(resource, `${arn} version ${v.VersionNumber ?? "?"} UserData`, ud);
          } catch (err) {
            scan.addError(resource, toCollectErrorWithAction(err, "ec2:DescribeLaunchTemplateVersions"));
          }
        }
      }
    });
    return scan.build();
  });
}
