// Inspector2 (item 10): BatchGetAccountStatus {} (own account) per enabled Region; then, where Inspector
// is ENABLED and the Region holds something it scans, the ACTIVE CRITICAL findings (ListFindings, ≤ 100
// per page, at most maxFindingPages pages) for the optional i10.inspector_critical_findings. Where Inspector
// is off, or the Region has no instance, image, function or scanned code repository, there are none to list.
import { BatchGetAccountStatusCommand, paginateListFindings } from "@aws-sdk/client-inspector2";
import type { FindingList, InspectorFinding, InspectorStatus, Regional } from "@/lib/scoring/evidence";
import { regionValue } from "@/lib/scoring/helpers/regional";
import { errorFrom } from "../errors";
import { compact, iso, NotApplicableSignal, perRegion, type CollectorContext } from "./context";

export async function collectInspector(ctx: CollectorContext): Promise<Regional<InspectorStatus>> {
  return perRegion(ctx.regions, "inspector2:BatchGetAccountStatus", async (region) => {
    const out = await ctx.clients.get("inspector2", region).send(new BatchGetAccountStatusCommand({}));
    const a = out.accounts?.find((x) => x.accountId === ctx.accountId) ?? out.accounts?.[0];
    const failed = out.failedAccounts?.[0];
    if (!a) return { status: failed?.status ?? "DISABLED", resourceState: {} };
    const rs = a.resourceState;
    return {
      status: a.state?.status ?? "",
      resourceState: compact({
        ec2: rs?.ec2?.status,
        ecr: rs?.ecr?.status,
        lambda: rs?.lambda?.status,
        lambdaCode: rs?.lambdaCode?.status,
        codeRepository: rs?.codeRepository?.status,
      }),
    };
  });
}

const CRITICAL_ACTIVE = {
  severity: [{ comparison: "EQUALS" as const, value: "CRITICAL" }],
  findingStatus: [{ comparison: "EQUALS" as const, value: "ACTIVE" }],
};

async function criticalFindings(ctx: CollectorContext, region: string): Promise<FindingList<InspectorFinding>> {
  const findings: InspectorFinding[] = [];
  let pages = 0;
  let truncated = false;
  // Oldest first: when the page cap cuts the list, what is left unread is younger than what was read, so it
  // cannot be past the SLA unless a finding read already is (a cap never turns a warn into a pass).
  const pager = paginateListFindings(
    { client: ctx.clients.get("inspector2", region), pageSize: 100 },
    { filterCriteria: CRITICAL_ACTIVE, sortCriteria: { field: "FIRST_OBSERVED_AT", sortOrder: "ASC" }, maxResults: 100 },
  );
  for await (const page of pager) {
    for (const f of page.findings ?? [])
      findings.push(compact({ arn: f.findingArn ?? "", title: f.title, firstObservedAt: iso(f.firstObservedAt) ?? "", resourceId: f.resources?.[0]?.id }));
    if (++pages >= ctx.settings.maxFindingPages) {
      truncated = page.nextToken !== undefined && page.nextToken !== "";
      break;
    }
  }
  return { findings, truncated, oldestFirst: true };
}

/** What Inspector scans in a Region, from the other collectors (a count that could not be read counts as "some"). */
export type ScannedResources = { instances: Regional<{ total: number }>; functions: Regional<{ total: number }>; repositories: Regional<number> };

export const nothingToScan = (r: ScannedResources, status: InspectorStatus, region: string) =>
  status.resourceState.codeRepository !== "ENABLED" &&
  regionValue(r.instances, region)?.total === 0 &&
  regionValue(r.functions, region)?.total === 0 &&
  regionValue(r.repositories, region) === 0;

export async function collectInspectorCriticalFindings(
  ctx: CollectorContext,
  status: Regional<InspectorStatus>,
  resources: ScannedResources,
): Promise<Regional<FindingList<InspectorFinding>>> {
  return perRegion(ctx.regions, "inspector2:ListFindings", async (region) => {
    const s = status[region];
    if (s === undefined || "notApplicable" in s) return new NotApplicableSignal(s?.notApplicable ?? "Region not scanned");
    if (!s.ok) throw errorFrom(s.error); // status unreadable → findings unknown too
    if (s.value.status !== "ENABLED") return new NotApplicableSignal("Inspector not enabled");
    if (nothingToScan(resources, s.value, region)) return { findings: [], truncated: false };
    return criticalFindings(ctx, region);
  });
}
