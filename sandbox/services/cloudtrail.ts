import type * as T from "@aws-sdk/client-cloudtrail";
import { op, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import type { TrailData } from "../scenario/types";
import { isOrgMember } from "./util";

interface Visible {
  data: TrailData;
  own: boolean;
}

/** Trails visible in this Region: own trails (home here, or multi-Region shadows) and organization trails. */
function visible(ctx: Ctx, includeShadow: boolean): Visible[] {
  const out: Visible[] = [];
  const seen = new Set<string>();
  const add = (data: TrailData, own: boolean) => {
    if (seen.has(data.trail.TrailARN)) return;
    seen.add(data.trail.TrailARN);
    out.push({ data, own });
  };
  for (const r of Object.values(ctx.account.regions))
    for (const t of r.trails ?? [])
      if (t.trail.HomeRegion === ctx.region || (includeShadow && t.trail.IsMultiRegionTrail)) add(t, true);
  const mgmt = ctx.scenario.accounts[ctx.scenario.management.accountId];
  const member = isOrgMember(ctx) && ctx.account.state === "ACTIVE";
  if (includeShadow && mgmt && member && mgmt !== ctx.account)
    for (const r of Object.values(mgmt.regions))
      for (const t of r.trails ?? [])
        if (t.trail.IsOrganizationTrail && (t.trail.IsMultiRegionTrail || t.trail.HomeRegion === ctx.region)) add(t, false);
  return out;
}

function find(ctx: Ctx, name: string | undefined): Visible {
  const n = name ?? "";
  const hit = visible(ctx, true).find((v) => v.data.trail.TrailARN === n || (v.own && v.data.trail.Name === n));
  if (!hit) throw new SandboxError("TrailNotFoundException", `Unknown trail: ${n} for the user: ${ctx.account.id}`, 400);
  return hit;
}

export const cloudtrail: ServiceDef = {
  name: "cloudtrail",
  protocol: "json1.1",
  sdk: sdkModule("@aws-sdk/client-cloudtrail"),
  targetPrefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
  global: false,
  throttle: { code: "ThrottlingException", status: 400 },
  handlers: {
    DescribeTrails: op<T.DescribeTrailsRequest, T.DescribeTrailsResponse>((ctx, input) => {
      let list = visible(ctx, input.includeShadowTrails !== false);
      if (input.trailNameList?.length) {
        const want = new Set(input.trailNameList);
        list = list.filter((v) => want.has(v.data.trail.TrailARN) || want.has(v.data.trail.Name));
      }
      return { trailList: list.map((v) => v.data.trail) };
    }),
    GetTrailStatus: op<T.GetTrailStatusRequest, T.GetTrailStatusResponse>((ctx, input) => find(ctx, input.Name).data.status),
    GetEventSelectors: op<T.GetEventSelectorsRequest, T.GetEventSelectorsResponse>((ctx, input) => {
      const v = find(ctx, input.TrailName);
      // Reported behaviour for a member reading an organization trail (checks.md §7).
      if (!v.own) throw new SandboxError("CloudTrailARNInvalidException", "Trail ARN is invalid for the caller's account.", 400);
      return { TrailARN: v.data.trail.TrailARN, EventSelectors: v.data.eventSelectors, AdvancedEventSelectors: v.data.advancedEventSelectors };
    }),
  },
};
