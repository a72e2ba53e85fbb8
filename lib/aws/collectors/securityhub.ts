// Security Hub (item 8): DescribeHub + GetEnabledStandards per enabled Region; findings from the
// aggregation home Region only when an aggregator exists (no double counting), else per Region.
import {
  DescribeHubCommand,
  GetFindingAggregatorCommand,
  ListFindingAggregatorsCommand,
  paginateGetEnabledStandards,
  paginateGetFindings,
  type AwsSecurityFindingFilters,
} from "@aws-sdk/client-securityhub";
import type { FindingList, Regional, SecurityHubFinding, SecurityHubState } from "@/lib/scoring/evidence";
import { attempt, call, errorFrom, isAbortError, isNotFound } from "../errors";
import { compact, iso, NotApplicableSignal, perRegion, type CollectorContext } from "./context";

export function findingFilters(accountId: string): AwsSecurityFindingFilters {
  return {
    SeverityLabel: [
      { Value: "CRITICAL", Comparison: "EQUALS" },
      { Value: "HIGH", Comparison: "EQUALS" },
    ],
    WorkflowStatus: [
      { Value: "NEW", Comparison: "EQUALS" },
      { Value: "NOTIFIED", Comparison: "EQUALS" },
    ],
    RecordState: [{ Value: "ACTIVE", Comparison: "EQUALS" }],
    ComplianceStatus: [{ Value: "PASSED", Comparison: "NOT_EQUALS" }],
    AwsAccountId: [{ Value: accountId, Comparison: "EQUALS" }],
  };
}

async function hubState(ctx: CollectorContext, region: string): Promise<SecurityHubState> {
  const sh = ctx.clients.get("securityhub", region);
  let hub;
  try {
    hub = await call("securityhub:DescribeHub", () => sh.send(new DescribeHubCommand({})));
  } catch (err) {
    if (isNotFound(err, "InvalidAccessException")) return { enabled: false };
    throw err;
  }
  const enabledStandards = await attempt("securityhub:GetEnabledStandards", async () => {
    const arns: string[] = [];
    for await (const page of paginateGetEnabledStandards({ client: sh, pageSize: 100 }, {}))
      for (const s of page.StandardsSubscriptions ?? [])
        if (s.StandardsArn && s.StandardsStatus !== "DELETING" && s.StandardsStatus !== "FAILED") arns.push(s.StandardsArn);
    return arns;
  });
  return compact({ enabled: true as const, hubArn: hub.HubArn ?? "", subscribedAt: iso(hub.SubscribedAt), enabledStandards });
}

/** Up to TENFOLD_MAX_FINDING_PAGES pages, FirstObservedAt ascending, into `into`; true when the cap cut it short. */
async function readOldestFirst(ctx: CollectorContext, region: string, filters: AwsSecurityFindingFilters, into: Map<string, SecurityHubFinding>): Promise<boolean> {
  let pages = 0;
  const pager = paginateGetFindings(
    { client: ctx.clients.get("securityhub", region), pageSize: 100 },
    { Filters: filters, SortCriteria: [{ Field: "FirstObservedAt", SortOrder: "asc" }], MaxResults: 100 },
  );
  for await (const page of pager) {
    for (const f of page.Findings ?? [])
      into.set(
        f.Id ?? "",
        compact({
          id: f.Id ?? "",
          severityLabel: f.Severity?.Label ?? "",
          firstObservedAt: iso(f.FirstObservedAt),
          createdAt: iso(f.CreatedAt) ?? "",
          title: f.Title,
          resourceIds: f.Resources?.slice(0, 5).map((r) => r.Id ?? "").filter((x) => x !== ""),
          region: f.Region,
        }),
      );
    if (++pages >= ctx.settings.maxFindingPages) return page.NextToken !== undefined && page.NextToken !== "";
  }
  return false;
}

/** CRITICAL + HIGH oldest first; when the cap cuts that, CRITICAL (the shorter SLA) again on its own (see GuardDuty). */
export async function listHubFindings(ctx: CollectorContext, region: string): Promise<FindingList<SecurityHubFinding>> {
  const found = new Map<string, SecurityHubFinding>();
  const filters = findingFilters(ctx.accountId);
  const truncated = await readOldestFirst(ctx, region, filters, found);
  if (truncated) await readOldestFirst(ctx, region, { ...filters, SeverityLabel: [{ Value: "CRITICAL", Comparison: "EQUALS" }] }, found);
  return { findings: [...found.values()], truncated, oldestFirst: true };
}

/** The aggregation home Region when a finding aggregator exists (asked in one Region). */
async function aggregationRegion(ctx: CollectorContext, askIn: string): Promise<string | undefined> {
  const sh = ctx.clients.get("securityhub", askIn);
  const list = await call("securityhub:ListFindingAggregators", () => sh.send(new ListFindingAggregatorsCommand({})));
  const arn = list.FindingAggregators?.[0]?.FindingAggregatorArn;
  if (!arn) return undefined;
  const agg = await call("securityhub:GetFindingAggregator", () => sh.send(new GetFindingAggregatorCommand({ FindingAggregatorArn: arn })));
  return agg.FindingAggregationRegion ?? arn.split(":")[3];
}

export async function collectSecurityHub(
  ctx: CollectorContext,
): Promise<{ securityHub: Regional<SecurityHubState>; securityHubFindings: Regional<FindingList<SecurityHubFinding>> }> {
  const securityHub = await perRegion(ctx.regions, "securityhub:DescribeHub", (region) => hubState(ctx, region));
  const on = ctx.regions.filter((r) => {
    const s = securityHub[r];
    return s !== undefined && "ok" in s && s.ok && s.value.enabled;
  });
  let home: string | undefined;
  const askIn = on.includes(ctx.settings.homeRegion) ? ctx.settings.homeRegion : on[0];
  if (askIn !== undefined) {
    try {
      home = await aggregationRegion(ctx, askIn);
    } catch (err) {
      if (isAbortError(err)) throw err;
      // Aggregator unreadable: query every Region (findings may then be counted twice, never missed).
    }
  }
  const aggregated = home !== undefined && on.includes(home);
  const securityHubFindings = await perRegion(ctx.regions, "securityhub:GetFindings", async (region) => {
    const s = securityHub[region];
    if (s === undefined || "notApplicable" in s) return new NotApplicableSignal(s?.notApplicable ?? "Region not scanned");
    if (s.ok && !s.value.enabled) return new NotApplicableSignal("Security Hub not enabled");
    if (!s.ok) throw errorFrom(s.error); // hub state unreadable → findings unknown too
    if (aggregated && region !== home) return new NotApplicableSignal(`aggregated in ${home}`);
    return listHubFindings(ctx, region);
  });
  return { securityHub, securityHubFindings };
}
