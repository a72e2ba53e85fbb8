import type * as T from "@aws-sdk/client-guardduty";
import { op, regionOf, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import type { DetectorData } from "../scenario/types";
import { getPath, isDelegatedAdmin } from "./util";

function detector(ctx: Ctx, id: string | undefined): DetectorData {
  const d = (regionOf(ctx).detectors ?? []).find((x) => x.id === id);
  if (!d) throw new SandboxError("BadRequestException", "The request is rejected because the input detectorId is not owned by the current account.", 400);
  return d;
}

/** GuardDuty criterion fields are camelCase paths (`severity`, `service.archived`, `type`). */
function matches(f: T.Finding, criteria: Record<string, T.Condition> | undefined): boolean {
  if (!criteria) return true;
  for (const [field, c] of Object.entries(criteria)) {
    const raw = getPath(f, field);
    const s = raw === undefined ? (field === "service.archived" ? "false" : undefined) : String(raw);
    const n = typeof raw === "number" ? raw : raw === undefined ? NaN : Date.parse(String(raw));
    const eq = c.Eq ?? c.Equals;
    const neq = c.Neq ?? c.NotEquals;
    if (eq && !(s !== undefined && eq.includes(s))) return false;
    if (neq && s !== undefined && neq.includes(s)) return false;
    const gt = c.Gt ?? c.GreaterThan;
    const gte = c.Gte ?? c.GreaterThanOrEqual;
    const lt = c.Lt ?? c.LessThan;
    const lte = c.Lte ?? c.LessThanOrEqual;
    if (gt !== undefined && !(n > gt)) return false;
    if (gte !== undefined && !(n >= gte)) return false;
    if (lt !== undefined && !(n < lt)) return false;
    if (lte !== undefined && !(n <= lte)) return false;
  }
  return true;
}

/**
 * SortCriteria {AttributeName, OrderBy: ASC | DESC} over a finding field named as in FindingCriteria
 * (`createdAt`, `severity`, `updatedAt`, …). Without it the order is unspecified (here: scenario order).
 */
function sortFindings(list: T.Finding[], sort: T.SortCriteria | undefined): T.Finding[] {
  const field = sort?.AttributeName;
  if (!field) return list;
  const dir = sort.OrderBy === "DESC" ? -1 : 1;
  const key = (f: T.Finding) => getPath(f, field);
  return [...list].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === y) return 0;
    if (x === undefined) return 1; // findings without the field go last either way
    if (y === undefined) return -1;
    return dir * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y)));
  });
}

export const guardduty: ServiceDef = {
  name: "guardduty",
  protocol: "restJson",
  sdk: sdkModule("@aws-sdk/client-guardduty"),
  global: false,
  throttle: { code: "TooManyRequestsException", status: 429 },
  handlers: {
    ListDetectors: op<T.ListDetectorsRequest, T.ListDetectorsResponse>((ctx, input) => {
      const p = paginate((regionOf(ctx).detectors ?? []).map((d) => d.id), { token: input.NextToken, max: input.MaxResults, defaultMax: 50, limit: 50, invalidTokenCode: "BadRequestException" });
      return { DetectorIds: p.items, NextToken: p.next };
    }),
    GetDetector: op<T.GetDetectorRequest, T.GetDetectorResponse>((ctx, input) => {
      const d = detector(ctx, input.DetectorId);
      return {
        CreatedAt: d.createdAt,
        UpdatedAt: d.updatedAt,
        Status: d.status,
        FindingPublishingFrequency: (d.findingPublishingFrequency ?? "SIX_HOURS") as T.FindingPublishingFrequency,
        ServiceRole: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
        Tags: {},
      };
    }),
    ListFindings: op<T.ListFindingsRequest, T.ListFindingsResponse>((ctx, input) => {
      const d = detector(ctx, input.DetectorId);
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 50))
        throw new SandboxError("BadRequestException", "The request is rejected because maxResults must be between 1 and 50.", 400);
      const hits = sortFindings(d.findings.filter((f) => matches(f, input.FindingCriteria?.Criterion)), input.SortCriteria);
      const p = paginate(hits, { token: input.NextToken, max: input.MaxResults, defaultMax: 50, invalidTokenCode: "BadRequestException" });
      return { FindingIds: p.items.map((f) => f.Id ?? ""), NextToken: p.next };
    }),
    DescribeOrganizationConfiguration: op<T.DescribeOrganizationConfigurationRequest, T.DescribeOrganizationConfigurationResponse>((ctx, input) => {
      detector(ctx, input.DetectorId);
      if (!isDelegatedAdmin(ctx, "guardduty.amazonaws.com"))
        throw new SandboxError("BadRequestException", "The request is rejected because the current account is not the GuardDuty administrator account.", 400);
      const mode = ctx.scenario.organization?.autoEnable?.guardduty ?? "ALL";
      return { AutoEnable: mode !== "NONE", MemberAccountLimitReached: false, AutoEnableOrganizationMembers: mode };
    }),
    GetFindings: op<T.GetFindingsRequest, T.GetFindingsResponse>((ctx, input) => {
      const d = detector(ctx, input.DetectorId);
      const ids = input.FindingIds ?? [];
      if (ids.length > 50) throw new SandboxError("BadRequestException", "The request is rejected because findingIds has more than 50 items.", 400);
      const byId = new Map(d.findings.map((f) => [f.Id, f]));
      return { Findings: ids.map((id) => byId.get(id)).filter((f): f is T.Finding => f !== undefined) };
    }),
  },
};
