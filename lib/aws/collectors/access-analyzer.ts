// Access Analyzer (item 7): analyzers per enabled Region; ACTIVE external-access findings owned by
// the account, from its own analyzer or an organization analyzer (delegated admin or management account).
import { paginateListAnalyzers, paginateListFindings, type AnalyzerSummary, type Criterion } from "@aws-sdk/client-accessanalyzer";
import type { AccessFinding, Analyzer, Regional } from "@/lib/scoring/evidence";
import type { ClientFactory } from "../clients";
import { call, errorFrom } from "../errors";
import { compact, iso, NotApplicableSignal, perRegion, type CollectorContext } from "./context";

export const EXTERNAL_TYPES = new Set(["ACCOUNT", "ORGANIZATION"]);

export async function listAnalyzers(clients: ClientFactory, region: string): Promise<Analyzer[]> {
  const out: Analyzer[] = [];
  for await (const page of paginateListAnalyzers({ client: clients.get("accessanalyzer", region), pageSize: 100 }, {}))
    for (const a of page.analyzers ?? []) out.push(shapeAnalyzer(a));
  return out;
}

const shapeAnalyzer = (a: AnalyzerSummary): Analyzer => ({ arn: a.arn ?? "", name: a.name ?? "", type: a.type ?? "", status: a.status ?? "" });

/**
 * ACTIVE findings of `analyzerArn` owned by `accountId` (every owner when `accountId` is undefined),
 * capped at `maxPages`; `truncated` tells whether the cap cut the list.
 */
export async function listExternalFindingsPaged(
  clients: ClientFactory,
  region: string,
  analyzerArn: string,
  accountId: string | undefined,
  maxPages: number,
): Promise<{ findings: AccessFinding[]; truncated: boolean }> {
  const out: AccessFinding[] = [];
  let pages = 0;
  const filter: Record<string, Criterion> = { status: { eq: ["ACTIVE"] } };
  if (accountId !== undefined) filter.resourceOwnerAccount = { eq: [accountId] };
  for await (const page of paginateListFindings({ client: clients.get("accessanalyzer", region), pageSize: 100 }, { analyzerArn, filter })) {
    for (const f of page.findings ?? [])
      out.push(
        compact({
          id: f.id ?? "",
          resource: f.resource,
          resourceType: f.resourceType ?? "",
          isPublic: f.isPublic ?? false,
          principal: f.principal,
          createdAt: iso(f.createdAt) ?? "",
          updatedAt: iso(f.updatedAt),
          status: f.status ?? "",
          resourceOwnerAccount: f.resourceOwnerAccount ?? accountId ?? "",
        }),
      );
    if (++pages >= maxPages) return { findings: out, truncated: page.nextToken !== undefined && page.nextToken !== "" };
  }
  return { findings: out, truncated: false };
}

/** ACTIVE findings of `analyzerArn` owned by `accountId`, capped at `maxPages`. */
export async function listExternalFindings(clients: ClientFactory, region: string, analyzerArn: string, accountId: string, maxPages: number): Promise<AccessFinding[]> {
  return (await listExternalFindingsPaged(clients, region, analyzerArn, accountId, maxPages)).findings;
}

export type OrgAnalyzerSource = {
  /** Active ORGANIZATION analyzer per Region in the delegated admin (or management) account. */
  analyzerFor(region: string): Analyzer | undefined;
  /** Clients of the account that owns the analyzer (the delegated admin or the management account; entered lazily). */
  clients(analyzer: Analyzer): Promise<ClientFactory>;
  /**
   * The account's findings from one listing of the organization analyzer shared by the whole scan, or
   * undefined when that listing was cut by its page cap (the caller then lists the account's own).
   */
  sharedFindings?(region: string, analyzer: Analyzer, accountId: string): Promise<AccessFinding[] | undefined>;
};

export async function collectAccessAnalyzer(
  ctx: CollectorContext,
  org?: OrgAnalyzerSource,
): Promise<{ analyzers: Regional<Analyzer[]>; externalAccessFindings: Regional<AccessFinding[]> }> {
  const own = new Map<string, Analyzer[]>();
  const analyzers = await perRegion(ctx.regions, "access-analyzer:ListAnalyzers", async (region) => {
    const list = await listAnalyzers(ctx.clients, region);
    own.set(region, list);
    return list;
  });
  const externalAccessFindings = await perRegion(ctx.regions, "access-analyzer:ListFindings", async (region) => {
    const a = analyzers[region];
    if (a === undefined || "notApplicable" in a) return new NotApplicableSignal((a as { notApplicable?: string } | undefined)?.notApplicable ?? "Region not scanned");
    if (!a.ok) throw errorFrom(a.error);
    const mine = (own.get(region) ?? []).find((x) => EXTERNAL_TYPES.has(x.type) && x.status === "ACTIVE");
    if (mine) return call("access-analyzer:ListFindings", () => listExternalFindings(ctx.clients, region, mine.arn, ctx.accountId, ctx.settings.maxFindingPages));
    const orgAnalyzer = org?.analyzerFor(region);
    if (orgAnalyzer && org) {
      const shared = await call("access-analyzer:ListFindings", async () => org.sharedFindings?.(region, orgAnalyzer, ctx.accountId));
      if (shared !== undefined) return shared.slice(0, ctx.settings.maxFindingPages * 100);
      const daClients = await org.clients(orgAnalyzer);
      return call("access-analyzer:ListFindings", () => listExternalFindings(daClients, region, orgAnalyzer.arn, ctx.accountId, ctx.settings.maxFindingPages));
    }
    return new NotApplicableSignal("no active external-access analyzer");
  });
  return { analyzers, externalAccessFindings };
}
