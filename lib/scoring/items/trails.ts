import type { AccountEvidence, Collected, Trail, TrailEventSelectors } from "../evidence";
import type { CheckContext } from "../context";

// Finding the trail that covers an account (checks.md §7). Organization trails count: members see them
// as shadow trails, and the management account's view (ORG evidence) fills in what members cannot read.

export const accountOfArn = (arn: string): string | undefined => arn.split(":")[4] || undefined;

/** Reads all management events, read and write (basic or advanced selectors). */
export const recordsAllManagementEvents = (s: TrailEventSelectors): boolean =>
  s.eventSelectors.some((e) => e.readWriteType === "All" && e.includeManagementEvents) ||
  s.advancedEventSelectors.some(
    (a) =>
      a.fieldSelectors.some((f) => f.field === "eventCategory" && (f.equals ?? []).includes("Management")) &&
      !a.fieldSelectors.some((f) => f.field === "readOnly"),
  );

export type TrailView = {
  trail: Trail;
  logging: boolean | undefined;
  /** Selectors from the trail itself, else from the management account's copy of the organization trail. */
  selectors: Collected<TrailEventSelectors>;
};

/** Multi-Region trails visible to the account, plus the organization's trails, de-duplicated by ARN. */
export const multiRegionTrails = (ev: AccountEvidence, ctx: CheckContext): TrailView[] => {
  const orgTrails = ctx.org.organizationTrails.ok ? ctx.org.organizationTrails.value : [];
  const own = ev.item6.trails.ok ? ev.item6.trails.value : [];
  const byArn = new Map<string, Trail>();
  for (const t of [...own, ...orgTrails.filter((t) => t.isOrganizationTrail)]) if (t.isMultiRegionTrail && !byArn.has(t.trailArn)) byArn.set(t.trailArn, t);
  return [...byArn.values()].map((trail) => {
    const orgCopy = orgTrails.find((o) => o.trailArn === trail.trailArn);
    const status = trail.status.ok ? trail.status : (orgCopy?.status ?? trail.status);
    const selectors = trail.eventSelectors.ok ? trail.eventSelectors : (orgCopy?.eventSelectors ?? trail.eventSelectors);
    return { trail, logging: status.ok ? status.value.isLogging : undefined, selectors };
  });
};

/** The best covering trail: logging, complete selectors, organization trail first. */
export const coveringTrail = (views: TrailView[]): TrailView | undefined => {
  const rank = (v: TrailView) =>
    (v.logging === true ? 4 : 0) + (v.selectors.ok && recordsAllManagementEvents(v.selectors.value) ? 2 : 0) + (v.trail.isOrganizationTrail ? 1 : 0);
  return [...views].sort((a, b) => rank(b) - rank(a)).find((v) => v.logging === true);
};
