import type * as T from "@aws-sdk/client-inspector2";
import { op, regionOf, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import { inspectorState } from "../scenario/builder";
import { isDelegatedAdmin } from "./util";

const OFF: T.State = inspectorState("DISABLED");

function accountState(ctx: Ctx, accountId: string): T.AccountState {
  const a = ctx.scenario.accounts[accountId];
  const i = a?.regions[ctx.region]?.inspector;
  if (!i) return { accountId, state: OFF, resourceState: { ec2: OFF, ecr: OFF, lambda: OFF, lambdaCode: OFF, codeRepository: OFF } };
  return { accountId, state: { status: i.status, errorCode: "ALREADY_ENABLED", errorMessage: "" }, resourceState: i.resourceState };
}

// ListFindings string filters: EQUALS / PREFIX values of one field are OR-ed, NOT_EQUALS AND-ed, fields AND-ed.
// Fields other than these (dates, numbers, resource and package filters) are ignored.
const STRING_FIELDS: Partial<Record<keyof T.FilterCriteria, (f: T.Finding) => string | undefined>> = {
  findingArn: (f) => f.findingArn,
  awsAccountId: (f) => f.awsAccountId,
  findingType: (f) => f.type,
  severity: (f) => f.severity,
  findingStatus: (f) => f.status,
  title: (f) => f.title,
  resourceType: (f) => f.resources?.[0]?.type,
  resourceId: (f) => f.resources?.[0]?.id,
};

function matchesString(value: string | undefined, filters: T.StringFilter[]): boolean {
  const v = value ?? "";
  const positive = filters.filter((x) => x.comparison !== "NOT_EQUALS");
  const anyPositive = positive.length === 0 || positive.some((x) => (x.comparison === "PREFIX" ? v.startsWith(x.value ?? "") : v === x.value));
  return anyPositive && filters.filter((x) => x.comparison === "NOT_EQUALS").every((x) => v !== x.value);
}

function matchesCriteria(f: T.Finding, criteria: T.FilterCriteria | undefined): boolean {
  if (!criteria) return true;
  return Object.entries(STRING_FIELDS).every(([field, get]) => {
    const filters = criteria[field as keyof T.FilterCriteria] as T.StringFilter[] | undefined;
    return !filters?.length || matchesString(get(f), filters);
  });
}

// ListFindings sortCriteria {field, sortOrder}: the date fields sort by time; other fields (SEVERITY,
// scores, names) are left in stored order, which no Tenfold call relies on.
const SORT_FIELDS: Partial<Record<T.SortField, (f: T.Finding) => number>> = {
  FIRST_OBSERVED_AT: (f) => f.firstObservedAt?.getTime() ?? 0,
  LAST_OBSERVED_AT: (f) => f.lastObservedAt?.getTime() ?? 0,
};

function sortFindings(list: T.Finding[], sort: T.SortCriteria | undefined): T.Finding[] {
  const key = sort?.field ? SORT_FIELDS[sort.field] : undefined;
  if (!key) return list;
  const sign = sort?.sortOrder === "DESC" ? -1 : 1;
  return [...list].sort((a, b) => sign * (key(a) - key(b)));
}

export const inspector2: ServiceDef = {
  name: "inspector2",
  protocol: "restJson",
  sdk: sdkModule("@aws-sdk/client-inspector2"),
  global: false,
  throttle: { code: "ThrottlingException", status: 429 },
  handlers: {
    BatchGetAccountStatus: op<T.BatchGetAccountStatusRequest, T.BatchGetAccountStatusResponse>((ctx, input) => {
      const ids = input.accountIds?.length ? input.accountIds : [ctx.account.id];
      const admin = isDelegatedAdmin(ctx, "inspector2.amazonaws.com");
      const accounts: T.AccountState[] = [];
      const failedAccounts: T.FailedAccount[] = [];
      for (const id of ids) {
        if (id === ctx.account.id || (admin && ctx.scenario.accounts[id])) accounts.push(accountState(ctx, id));
        else failedAccounts.push({ accountId: id, errorCode: "ACCESS_DENIED", errorMessage: "Caller is not the delegated administrator for this account" });
      }
      return { accounts, failedAccounts };
    }),
    DescribeOrganizationConfiguration: op<T.DescribeOrganizationConfigurationRequest, T.DescribeOrganizationConfigurationResponse>((ctx) => {
      if (!isDelegatedAdmin(ctx, "inspector2.amazonaws.com"))
        throw new SandboxError("AccessDeniedException", "Invoking account is not the delegated administrator.", 403);
      const ae = ctx.scenario.organization?.autoEnable?.inspector2 ?? { ec2: true, ecr: true, lambda: true, lambdaCode: true };
      return { autoEnable: { ...ae }, maxAccountLimitReached: false };
    }),
    ListFindings: op<T.ListFindingsRequest, T.ListFindingsResponse>((ctx, input) => {
      const all = regionOf(ctx).inspector?.findings ?? [];
      const matching = sortFindings(all.filter((f) => matchesCriteria(f, input.filterCriteria)), input.sortCriteria);
      const p = paginate(matching, { token: input.nextToken, max: input.maxResults, defaultMax: 50, limit: 100, invalidTokenCode: "ValidationException" });
      return { findings: p.items, nextToken: p.next };
    }),
    ListFindingAggregations: op<T.ListFindingAggregationsRequest, T.ListFindingAggregationsResponse>((ctx, input) => {
      const counts = regionOf(ctx).inspector?.severityCounts ?? { all: 0, critical: 0, high: 0, medium: 0 };
      const responses: T.AggregationResponse[] =
        input.aggregationType === "ACCOUNT" ? [{ accountAggregation: { accountId: ctx.account.id, severityCounts: counts } }] : [];
      const p = paginate(responses, { token: input.nextToken, max: input.maxResults, defaultMax: 100, invalidTokenCode: "ValidationException" });
      return { aggregationType: input.aggregationType, responses: p.items, nextToken: p.next };
    }),
  },
};
