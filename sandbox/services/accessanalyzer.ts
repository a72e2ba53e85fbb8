import type * as T from "@aws-sdk/client-accessanalyzer";
import { op, regionOf, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import type { AnalyzerData } from "../scenario/types";
import { getPath } from "./util";

const EXTERNAL = new Set(["ACCOUNT", "ORGANIZATION"]);

function analyzer(ctx: Ctx, arn: string | undefined): AnalyzerData {
  const a = (regionOf(ctx).analyzers ?? []).find((x) => x.summary.arn === arn);
  if (!a) throw new SandboxError("ResourceNotFoundException", `Analyzer ${arn} not found.`, 404);
  return a;
}

/** Access Analyzer criteria: eq (any of), neq (none of), contains, exists. */
function matches(item: unknown, filter: Record<string, T.Criterion> | undefined): boolean {
  if (!filter) return true;
  for (const [field, c] of Object.entries(filter)) {
    const v = getPath(item, field);
    const s = v === undefined || v === null ? undefined : String(v);
    if (c.eq && !(s !== undefined && c.eq.includes(s))) return false;
    if (c.neq && s !== undefined && c.neq.includes(s)) return false;
    if (c.contains && !(s !== undefined && c.contains.some((x) => s.includes(x)))) return false;
    if (c.exists !== undefined && (s !== undefined) !== c.exists) return false;
  }
  return true;
}

function page<X>(items: readonly X[], input: { nextToken?: string; maxResults?: number }) {
  return paginate(items, { token: input.nextToken, max: input.maxResults, defaultMax: 100, limit: 1000, invalidTokenCode: "ValidationException" });
}

export const accessanalyzer: ServiceDef = {
  name: "access-analyzer",
  protocol: "restJson",
  sdk: sdkModule("@aws-sdk/client-accessanalyzer"),
  global: false,
  throttle: { code: "ThrottlingException", status: 429 },
  handlers: {
    ListAnalyzers: op<T.ListAnalyzersRequest, T.ListAnalyzersResponse>((ctx, input) => {
      const all = (regionOf(ctx).analyzers ?? []).map((a) => a.summary).filter((s) => !input.type || s.type === input.type);
      const p = page(all, input);
      return { analyzers: p.items, nextToken: p.next };
    }),
    ListFindings: op<T.ListFindingsRequest, T.ListFindingsResponse>((ctx, input) => {
      const a = analyzer(ctx, input.analyzerArn);
      if (!EXTERNAL.has(a.summary.type)) throw new SandboxError("ValidationException", "ListFindings supports external access analyzers only; use ListFindingsV2.", 400);
      const p = page(a.findings.filter((f) => matches(f, input.filter)), input);
      return { findings: p.items, nextToken: p.next };
    }),
    ListFindingsV2: op<T.ListFindingsV2Request, T.ListFindingsV2Response>((ctx, input) => {
      const a = analyzer(ctx, input.analyzerArn);
      const external: T.FindingSummaryV2[] = EXTERNAL.has(a.summary.type)
        ? a.findings.map((f) => ({
            analyzedAt: f.analyzedAt,
            createdAt: f.createdAt,
            id: f.id,
            resourceType: f.resourceType,
            resourceOwnerAccount: f.resourceOwnerAccount,
            status: f.status,
            updatedAt: f.updatedAt,
            resource: f.resource,
            error: f.error,
            findingType: "ExternalAccess",
          }))
        : [];
      const p = page([...external, ...a.findingsV2].filter((f) => matches(f, input.filter)), input);
      return { findings: p.items, nextToken: p.next };
    }),
  },
};
