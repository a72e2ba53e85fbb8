// GuardDuty (item 8): detectors per enabled Region; unarchived findings with severity ≥ 7 for the
// enabled detector, oldest first (ListFindings ≤ 50 ids per page, GetFindings per page).
import { GetDetectorCommand, GetFindingsCommand, paginateListDetectors, paginateListFindings } from "@aws-sdk/client-guardduty";
import type { FindingList, GuardDutyFinding, GuardDutyState, Regional } from "@/lib/scoring/evidence";
import { call, errorFrom } from "../errors";
import { compact, iso, NotApplicableSignal, perRegion, type CollectorContext } from "./context";

async function detectors(ctx: CollectorContext, region: string): Promise<GuardDutyState> {
  const gd = ctx.clients.get("guardduty", region);
  const ids: string[] = [];
  for await (const page of paginateListDetectors({ client: gd, pageSize: 50 }, {})) ids.push(...(page.DetectorIds ?? []));
  const out = await Promise.all(
    ids.map(async (detectorId) => {
      const d = await call("guardduty:GetDetector", () => gd.send(new GetDetectorCommand({ DetectorId: detectorId })));
      return { detectorId, status: d.Status ?? "" };
    }),
  );
  return { detectors: out };
}

type Criterion = Record<string, { Gte?: number; Eq?: string[] }>;
const UNARCHIVED = { "service.archived": { Eq: ["false"] } };
const HIGH_AND_CRITICAL: Criterion = { severity: { Gte: 7 }, ...UNARCHIVED };
const CRITICAL: Criterion = { severity: { Gte: 9 }, ...UNARCHIVED };

/** Up to TENFOLD_MAX_FINDING_PAGES pages of one query, oldest first, into `into`; true when the cap cut it short. */
async function readOldestFirst(ctx: CollectorContext, region: string, detectorId: string, criterion: Criterion, into: Map<string, GuardDutyFinding>): Promise<boolean> {
  const gd = ctx.clients.get("guardduty", region);
  let pages = 0;
  const pager = paginateListFindings(
    { client: gd, pageSize: 50 },
    { DetectorId: detectorId, FindingCriteria: { Criterion: criterion }, SortCriteria: { AttributeName: "createdAt", OrderBy: "ASC" }, MaxResults: 50 },
  );
  for await (const page of pager) {
    const ids = (page.FindingIds ?? []).filter((id) => !into.has(id));
    if (ids.length > 0) {
      const got = await call("guardduty:GetFindings", () => gd.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: ids })));
      for (const f of got.Findings ?? [])
        into.set(
          f.Id ?? "",
          compact({
            id: f.Id ?? "",
            type: f.Type ?? "",
            severity: f.Severity ?? 0,
            createdAt: iso(f.CreatedAt) ?? "",
            updatedAt: iso(f.UpdatedAt),
            resourceType: f.Resource?.ResourceType,
          }),
        );
    }
    if (++pages >= ctx.settings.maxFindingPages) return page.NextToken !== undefined && page.NextToken !== "";
  }
  return false;
}

/**
 * Severity ≥ 7, oldest first. When the page cap cuts that list, an old critical finding may still sit behind
 * many older high ones, and critical has the shorter SLA: the critical band is then read on its own, oldest
 * first, so whatever the cap leaves out cannot be overdue unless a finding read already is.
 */
async function findings(ctx: CollectorContext, region: string, detectorId: string): Promise<FindingList<GuardDutyFinding>> {
  const found = new Map<string, GuardDutyFinding>();
  const truncated = await readOldestFirst(ctx, region, detectorId, HIGH_AND_CRITICAL, found);
  if (truncated) await readOldestFirst(ctx, region, detectorId, CRITICAL, found);
  return { findings: [...found.values()], truncated, oldestFirst: true };
}

export async function collectGuardDuty(
  ctx: CollectorContext,
): Promise<{ guardDuty: Regional<GuardDutyState>; guardDutyFindings: Regional<FindingList<GuardDutyFinding>> }> {
  const guardDuty = await perRegion(ctx.regions, "guardduty:ListDetectors", (region) => detectors(ctx, region));
  const guardDutyFindings = await perRegion(ctx.regions, "guardduty:ListFindings", async (region) => {
    const s = guardDuty[region];
    if (s === undefined || "notApplicable" in s) return new NotApplicableSignal(s?.notApplicable ?? "Region not scanned");
    if (!s.ok) throw errorFrom(s.error); // detector state unreadable → findings unknown too
    const enabled = s.value.detectors.find((d) => d.status === "ENABLED");
    if (!enabled) return new NotApplicableSignal("GuardDuty not enabled");
    return findings(ctx, region, enabled.detectorId);
  });
  return { guardDuty, guardDutyFindings };
}
