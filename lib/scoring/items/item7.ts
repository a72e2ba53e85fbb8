import type { AccountEvidence, Analyzer } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckResult, ResourceRef } from "../types";
import { evaluateRegional, regionValue, type RegionVerdict } from "../helpers/regional";
import { errorReason } from "../helpers/errors";
import { plural, result, unknownFromError, listFew } from "../helpers/result";
import { ageDays, fmtDays } from "../helpers/time";
import { isNotApplicable } from "../evidence";

// Item 7 — validate IAM roles (checks.md §8).

const LIST_ANALYZERS = "access-analyzer:ListAnalyzers";
const EXTERNAL_TYPES = ["ACCOUNT", "ORGANIZATION"];
const active = (list: Analyzer[] | undefined, types: readonly string[]) => (list ?? []).some((a) => a.status === "ACTIVE" && types.includes(a.type));

export const evaluateAccessAnalyzerEnabled = (ev: AccountEvidence, ctx: CheckContext) =>
  evaluateRegional("i7.access_analyzer_enabled", ev.item7.analyzers, LIST_ANALYZERS, (analyzers, region): RegionVerdict => {
    if (active(analyzers, EXTERNAL_TYPES)) return { result: "pass", reason: "active analyzer in the account" };
    if (active(regionValue(ctx.org.orgAnalyzers, region), ["ORGANIZATION"])) return { result: "pass", reason: "covered by the organization analyzer" };
    const orgEntry = ctx.org.orgAnalyzers[region];
    if (orgEntry !== undefined && !isNotApplicable(orgEntry) && !orgEntry.ok) return { result: "unknown", reason: `organization analyzers: ${errorReason(orgEntry.error, LIST_ANALYZERS)}` };
    return { result: "fail", reason: "no active external-access analyzer", resources: [{ kind: "region", id: region }] };
  });

export const evaluateExternalAccessFindings = (ev: AccountEvidence, ctx: CheckContext) =>
  evaluateRegional(
    "i7.external_access_findings",
    ev.item7.externalAccessFindings,
    "access-analyzer:ListFindings",
    (findings): RegionVerdict => {
      const open = findings.filter((f) => f.status === "ACTIVE" && (f.resourceOwnerAccount === "" || f.resourceOwnerAccount === ctx.accountId));
      const ref = (f: (typeof open)[number]): ResourceRef => ({
        kind: "access-analyzer-finding",
        id: f.resource ?? f.id,
        detail: `${f.resourceType}${f.isPublic ? " public" : " cross-account"}, open ${fmtDays(ageDays(f.createdAt, ctx.nowMs))}`,
      });
      const pub = open.filter((f) => f.isPublic);
      if (pub.length > 0) return { result: "fail", reason: `${plural(pub.length, "resource")} shared publicly`, resources: pub.map(ref) };
      if (open.length > 0) return { result: "warn", reason: `${plural(open.length, "resource")} shared with other accounts, not yet reviewed`, resources: open.map(ref) };
      return { result: "pass", reason: "no active external-access findings" };
    },
    { noneApplicable: "no analyzer (see i7.access_analyzer_enabled)" },
  );

const EXCLUDED_PATHS = ["/aws-service-role/", "/aws-reserved/sso.amazonaws.com/"];
/** IAM records role last use only for the trailing 400 days (checks.md §8). */
const TRACKING_DAYS = 400;

export const evaluateUnusedRoles = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i7.unused_roles";
  const auth = ev.iam.authorizationDetails;
  if (!auth.ok) return unknownFromError(id, auth.error, "iam:GetAccountAuthorizationDetails");
  const days = ctx.config.unusedRoleDays;
  const candidates = auth.value.roles.filter(
    (r) =>
      !EXCLUDED_PATHS.some((p) => r.path.startsWith(p)) &&
      r.roleName !== ctx.config.tenfoldRoleName &&
      ageDays(r.createDate, ctx.nowMs) >= days,
  );
  const unused = candidates.filter((r) => r.lastUsedDate === undefined || ageDays(r.lastUsedDate, ctx.nowMs) > days);
  if (unused.length === 0) return result(id, "pass", `no role unused for ${days} days`);
  return result(
    id,
    "fail",
    `${plural(unused.length, "role")} unused for ${days} days: ${listFew(unused.map((r) => r.roleName))}`,
    unused.map((r) => ({
      kind: "iam-role",
      id: r.arn,
      detail:
        r.lastUsedDate !== undefined
          ? `last used ${fmtDays(ageDays(r.lastUsedDate, ctx.nowMs))} ago`
          : ageDays(r.createDate, ctx.nowMs) > TRACKING_DAYS
            ? "never used"
            : "no recorded use",
    })),
  );
};

/** Optional, informational: a (paid) unused-access analyzer exists in the account or the organization. */
export const evaluateUnusedAccessAnalyzer = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i7.unused_access_analyzer";
  const types = ["ACCOUNT_UNUSED_ACCESS", "ORGANIZATION_UNUSED_ACCESS"];
  const lists = [...Object.values(ev.item7.analyzers), ...Object.values(ctx.org.orgAnalyzers)];
  const found = lists.some((e) => !isNotApplicable(e) && e.ok && active(e.value, types));
  return found ? result(id, "pass", "an unused-access analyzer is active") : result(id, "not_applicable", "no unused-access analyzer (paid feature)");
};

export const scoreItem7 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] => [
  evaluateAccessAnalyzerEnabled(ev, ctx),
  evaluateExternalAccessFindings(ev, ctx),
  evaluateUnusedRoles(ev, ctx),
  evaluateUnusedAccessAnalyzer(ev, ctx),
];
