// GuardDuty (item 8): detectors per enabled Region; unarchived findings with severity ≥ 7 for the
// enabled detector (ListFindings ≤ 50 ids per page, GetFindings per page).
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

async function findings(ctx: CollectorContext, region: string, detectorId: string): Promise<FindingList<GuardDutyFinding>> {
  const gd = ctx.clients.get("guardduty", region);
  const list: GuardDutyFinding[] = [];
  let pages = 0;
  let truncated = false;
  const pager = paginateListFindings(
    { client: gd, pageSize: 50 },
    { DetectorId: detectorId, FindingCriteria: { Criterion: { severity: { Gte: 7 }, "service.archived": { Eq: ["false"] } } }, MaxResults: 50 },
  );
  for await (const page of pager) {
    const ids = page.FindingIds ?? [];
    if (ids.length > 0) {
      const got = await call("guardduty:GetFindings", () => gd.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: ids })));
      for (const f of got.Findings ?? [])
        list.push(
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
    if (++pages >= ctx.settings.maxFindingPages) {
      truncated = page.NextToken !== undefined && page.NextToken !== "";
      break;
    }
  }
  return { findings: list, truncated };
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
