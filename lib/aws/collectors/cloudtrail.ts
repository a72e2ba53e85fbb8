// CloudTrail (item 6): DescribeTrails in one Region first; every other enabled Region only when no
// logging multi-Region trail was found. Status and selectors per trail, by ARN, in its HomeRegion.
import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type Trail as SdkTrail,
} from "@aws-sdk/client-cloudtrail";
import type { Collected, Trail, TrailEventSelectors } from "@/lib/scoring/evidence";
import type { ClientFactory } from "../clients";
import { attempt, call, isAbortError, isRegionDisabledError } from "../errors";
import { compact, iso, type CollectorContext } from "./context";

export function shapeSelectors(out: {
  EventSelectors?: { ReadWriteType?: string; IncludeManagementEvents?: boolean }[];
  AdvancedEventSelectors?: { Name?: string; FieldSelectors?: { Field?: string; Equals?: string[]; NotEquals?: string[]; StartsWith?: string[]; NotStartsWith?: string[] }[] }[];
}): TrailEventSelectors {
  return {
    eventSelectors: (out.EventSelectors ?? []).map((s) => ({
      readWriteType: (s.ReadWriteType ?? "All") as "ReadOnly" | "WriteOnly" | "All",
      includeManagementEvents: s.IncludeManagementEvents ?? true,
    })),
    advancedEventSelectors: (out.AdvancedEventSelectors ?? []).map((a) =>
      compact({
        name: a.Name,
        fieldSelectors: (a.FieldSelectors ?? []).map((f) =>
          compact({ field: f.Field ?? "", equals: f.Equals, notEquals: f.NotEquals, startsWith: f.StartsWith, notStartsWith: f.NotStartsWith }),
        ),
      }),
    ),
  };
}

/**
 * Status + selectors of one trail, asked by ARN in its HomeRegion. `knownSelectors` (the organization
 * trail's selectors as read from the management account) replaces GetEventSelectors, which a member
 * account may not call on an organization trail (CloudTrailARNInvalidException, checks.md §7).
 */
export async function describeTrail(clients: ClientFactory, t: SdkTrail, fallbackRegion: string, knownSelectors?: Collected<TrailEventSelectors>): Promise<Trail> {
  const arn = t.TrailARN ?? t.Name ?? "";
  const home = t.HomeRegion ?? fallbackRegion;
  const ct = clients.get("cloudtrail", home);
  const [status, eventSelectors] = await Promise.all([
    attempt("cloudtrail:GetTrailStatus", async () => {
      const s = await ct.send(new GetTrailStatusCommand({ Name: arn }));
      return compact({ isLogging: s.IsLogging ?? false, latestDeliveryError: s.LatestDeliveryError, latestDeliveryTime: iso(s.LatestDeliveryTime) });
    }),
    knownSelectors ??
      attempt("cloudtrail:GetEventSelectors", async (): Promise<TrailEventSelectors> => shapeSelectors(await ct.send(new GetEventSelectorsCommand({ TrailName: arn })))),
  ]);
  return compact({
    name: t.Name ?? arn,
    trailArn: arn,
    homeRegion: home,
    isMultiRegionTrail: t.IsMultiRegionTrail ?? false,
    isOrganizationTrail: t.IsOrganizationTrail ?? false,
    s3BucketName: t.S3BucketName,
    kmsKeyId: t.KmsKeyId,
    logFileValidationEnabled: t.LogFileValidationEnabled ?? false,
    status,
    eventSelectors,
  });
}

export async function describeTrails(clients: ClientFactory, region: string): Promise<SdkTrail[]> {
  return (await call("cloudtrail:DescribeTrails", () => clients.get("cloudtrail", region).send(new DescribeTrailsCommand({ includeShadowTrails: true })))).trailList ?? [];
}

const coversAccount = (t: Trail) => t.isMultiRegionTrail && t.status.ok && t.status.value.isLogging;

/** Account id of a trail ARN (arn:aws:cloudtrail:<region>:<account>:trail/<name>). */
const trailAccount = (arn: string | undefined) => arn?.split(":")[4];

export async function collectTrails(ctx: CollectorContext, organizationTrails: readonly Trail[] = []): Promise<Collected<Trail[]>> {
  const orgSelectors = new Map(organizationTrails.filter((t) => t.eventSelectors.ok).map((t) => [t.trailArn, t.eventSelectors]));
  const knownSelectors = (t: SdkTrail) =>
    t.IsOrganizationTrail && trailAccount(t.TrailARN) !== ctx.accountId ? orgSelectors.get(t.TrailARN ?? "") : undefined;
  return attempt("cloudtrail:DescribeTrails", async () => {
    const first = ctx.regions.includes(ctx.settings.homeRegion) ? ctx.settings.homeRegion : ctx.regions[0];
    if (first === undefined) return [];
    const byArn = new Map<string, Trail>();
    const add = async (region: string, list: SdkTrail[]) => {
      const fresh = list.filter((t) => !byArn.has(t.TrailARN ?? t.Name ?? ""));
      const described = await Promise.all(fresh.map((t) => describeTrail(ctx.clients, t, region, knownSelectors(t))));
      for (const t of described) byArn.set(t.trailArn, t);
    };
    await add(first, await describeTrails(ctx.clients, first));
    if (![...byArn.values()].some(coversAccount)) {
      for (const region of ctx.regions.filter((r) => r !== first)) {
        try {
          await add(region, await describeTrails(ctx.clients, region));
        } catch (err) {
          if (isAbortError(err) || !isRegionDisabledError(err)) throw err;
        }
      }
    }
    return [...byArn.values()];
  });
}
