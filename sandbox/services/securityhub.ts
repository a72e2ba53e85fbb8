import type * as T from "@aws-sdk/client-securityhub";
import { op, regionOf, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import type { SecurityHubData } from "../scenario/types";
import { getPath, isDelegatedAdmin } from "./util";

function hub(ctx: Ctx): SecurityHubData {
  const h = regionOf(ctx).securityHub;
  if (!h) throw new SandboxError("InvalidAccessException", `Account ${ctx.account.id} is not subscribed to AWS Security Hub`, 401);
  return h;
}

/** AwsSecurityFindingFilters field → path in the finding. */
const FIELD_PATHS: Record<string, string> = {
  SeverityLabel: "Severity.Label",
  WorkflowStatus: "Workflow.Status",
  ComplianceStatus: "Compliance.Status",
  ResourceType: "Resources.0.Type",
};

function stringMatch(v: string | undefined, f: T.StringFilter): boolean {
  const x = f.Value ?? "";
  switch (f.Comparison) {
    case "EQUALS":
      return v === x;
    case "NOT_EQUALS":
      return v !== x;
    case "PREFIX":
      return v?.startsWith(x) ?? false;
    case "PREFIX_NOT_EQUALS":
      return !(v?.startsWith(x) ?? false);
    case "CONTAINS":
    case "CONTAINS_WORD":
      return v?.includes(x) ?? false;
    case "NOT_CONTAINS":
      return !(v?.includes(x) ?? false);
    default:
      return true;
  }
}

/** Same-field positive filters are OR-ed, negative ones AND-ed; fields are AND-ed (as Security Hub does). */
function matches(f: T.AwsSecurityFinding, filters: T.AwsSecurityFindingFilters | undefined): boolean {
  if (!filters) return true;
  for (const [field, list] of Object.entries(filters) as [string, unknown][]) {
    if (!Array.isArray(list) || !list.length) continue;
    const first = list[0] as Record<string, unknown>;
    if (!("Comparison" in first)) continue; // only string filters are implemented
    const raw = getPath(f, FIELD_PATHS[field] ?? field);
    const v = raw === undefined ? undefined : String(raw);
    const sf = list as T.StringFilter[];
    const pos = sf.filter((x) => x.Comparison === "EQUALS" || x.Comparison === "PREFIX" || x.Comparison === "CONTAINS" || x.Comparison === "CONTAINS_WORD");
    const neg = sf.filter((x) => !pos.includes(x));
    if (pos.length && !pos.some((x) => stringMatch(v, x))) return false;
    if (!neg.every((x) => stringMatch(v, x))) return false;
  }
  return true;
}

export const securityhub: ServiceDef = {
  name: "securityhub",
  protocol: "restJson",
  sdk: sdkModule("@aws-sdk/client-securityhub"),
  global: false,
  throttle: { code: "LimitExceededException", status: 429 },
  handlers: {
    DescribeHub: op<T.DescribeHubRequest, T.DescribeHubResponse>((ctx) => {
      const h = hub(ctx);
      return { HubArn: h.hubArn, SubscribedAt: h.subscribedAt, AutoEnableControls: h.autoEnableControls, ControlFindingGenerator: "SECURITY_CONTROL" };
    }),
    GetEnabledStandards: op<T.GetEnabledStandardsRequest, T.GetEnabledStandardsResponse>((ctx, input) => {
      let list = hub(ctx).standards;
      if (input.StandardsSubscriptionArns?.length) list = list.filter((x) => input.StandardsSubscriptionArns?.includes(x.StandardsSubscriptionArn ?? ""));
      const p = paginate(list, { token: input.NextToken, max: input.MaxResults, defaultMax: 10, limit: 100, invalidTokenCode: "InvalidInputException" });
      return { StandardsSubscriptions: p.items, NextToken: p.next };
    }),
    GetFindings: op<T.GetFindingsRequest, T.GetFindingsResponse>((ctx, input) => {
      const h = hub(ctx);
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 100))
        throw new SandboxError("InvalidInputException", "MaxResults must be between 1 and 100.", 400);
      // In the aggregation home Region, findings of every linked Region are returned too.
      let all = h.findings;
      if (h.aggregator) {
        all = [...all];
        for (const r of h.aggregator.regions) if (r !== ctx.region) all.push(...(ctx.account.regions[r]?.securityHub?.findings ?? []));
      }
      let hits = all.filter((f) => matches(f, input.Filters));
      const sort = input.SortCriteria?.[0];
      if (sort?.Field) {
        const dir = sort.SortOrder === "desc" ? -1 : 1;
        const key = sort.Field;
        hits = [...hits].sort((a, b) => dir * String(getPath(a, key) ?? "").localeCompare(String(getPath(b, key) ?? "")));
      }
      const p = paginate(hits, { token: input.NextToken, max: input.MaxResults, defaultMax: 100, invalidTokenCode: "InvalidInputException" });
      return { Findings: p.items, NextToken: p.next };
    }),
    DescribeOrganizationConfiguration: op<T.DescribeOrganizationConfigurationRequest, T.DescribeOrganizationConfigurationResponse>((ctx) => {
      hub(ctx);
      if (!isDelegatedAdmin(ctx, "securityhub.amazonaws.com"))
        throw new SandboxError("AccessDeniedException", `Account ${ctx.account.id} is not an administrator for this organization`, 403);
      const auto = ctx.scenario.organization?.autoEnable?.securityhub ?? true;
      return { AutoEnable: auto, MemberAccountLimitReached: false, AutoEnableStandards: auto ? "DEFAULT" : "NONE", OrganizationConfiguration: { ConfigurationType: "LOCAL", Status: "ENABLED" } };
    }),
    ListAutomationRules: op<T.ListAutomationRulesRequest, T.ListAutomationRulesResponse>((ctx, input) => {
      const p = paginate(hub(ctx).automationRules, { token: input.NextToken, max: input.MaxResults, defaultMax: 100, invalidTokenCode: "InvalidInputException" });
      return { AutomationRulesMetadata: p.items, NextToken: p.next };
    }),
    ListFindingAggregators: op<T.ListFindingAggregatorsRequest, T.ListFindingAggregatorsResponse>((ctx) => {
      hub(ctx);
      const found = Object.values(ctx.account.regions).flatMap((r) => (r.securityHub?.aggregator ? [{ FindingAggregatorArn: r.securityHub.aggregator.arn }] : []));
      return { FindingAggregators: found };
    }),
    GetFindingAggregator: op<T.GetFindingAggregatorRequest, T.GetFindingAggregatorResponse>((ctx, input) => {
      hub(ctx);
      for (const [region, r] of Object.entries(ctx.account.regions)) {
        const a = r.securityHub?.aggregator;
        if (a && a.arn === input.FindingAggregatorArn)
          return { FindingAggregatorArn: a.arn, FindingAggregationRegion: region, RegionLinkingMode: a.regionLinkingMode, Regions: a.regions };
      }
      throw new SandboxError("ResourceNotFoundException", "The finding aggregator does not exist.", 404);
    }),
  },
};
