import type { AccountEvidence, SecurityGroup, SgRule } from "../evidence";
import type { CheckId } from "../catalogue";
import type { CheckContext } from "../context";
import type { CheckResult, ResourceRef } from "../types";
import { evaluateRegional, type RegionVerdict } from "../helpers/regional";
import { plural, result } from "../helpers/result";
import { describeRule, internetSources, isAllPorts, matchesPort, opensPortOutside, sgRef, unknownPublicSources } from "./sg-rules";

// Item 4 — limit security groups (checks.md §5). Only ingress is scored, except for default groups.

const ACTION = "ec2:DescribeSecurityGroups";

/** Ingress rules open to the internet that satisfy `test`, as resources. */
const internetRules = (groups: SecurityGroup[], test: (r: SgRule) => boolean, skip?: (sg: SecurityGroup) => boolean): ResourceRef[] =>
  groups.flatMap((sg) =>
    skip?.(sg)
      ? []
      : sg.ipPermissions.flatMap((r) => {
          const sources = internetSources(r);
          return sources.length > 0 && test(r) ? [sgRef(sg, describeRule(r, sources))] : [];
        }),
  );

const openCheck = (id: CheckId, ev: AccountEvidence, test: (r: SgRule) => boolean, what: string, failAs: "fail" | "warn", skip?: (sg: SecurityGroup) => boolean) =>
  evaluateRegional(id, ev.item4.securityGroups, ACTION, (groups): RegionVerdict => {
    const hits = internetRules(groups, test, skip);
    return hits.length > 0
      ? { result: failAs, reason: `${plural(hits.length, "rule")} open ${what} to the internet`, resources: hits }
      : { result: "pass", reason: `nothing open ${what} to the internet` };
  });

export const evaluateSgAllPortsOpen = (ev: AccountEvidence, _ctx: CheckContext) =>
  openCheck("i4.sg_all_ports_open", ev, isAllPorts, "on all ports", "fail");

export const evaluateSgAdminPortsOpen = (ev: AccountEvidence, ctx: CheckContext) =>
  openCheck("i4.sg_admin_ports_open", ev, (r) => ctx.config.ports.admin.some((p) => matchesPort(r, p)), "on admin ports", "fail");

export const evaluateSgDbHighRiskPortsOpen = (ev: AccountEvidence, ctx: CheckContext) =>
  openCheck("i4.sg_db_highrisk_ports_open", ev, (r) => ctx.config.ports.highRisk.some((p) => matchesPort(r, p)), "on database / high-risk ports", "fail");

/** Any port outside the authorised, admin and high-risk sets (the last two have their own checks). Unattached groups drop to info. */
export const evaluateSgOtherPortsOpen = (ev: AccountEvidence, ctx: CheckContext) => {
  const known = new Set([...ctx.config.ports.authorised, ...ctx.config.ports.admin, ...ctx.config.ports.highRisk]);
  return openCheck("i4.sg_other_ports_open", ev, (r) => opensPortOutside(r, known), "on other ports", "warn", (sg) => sg.inUse === false);
};

export const evaluateDefaultSgRestricted = (ev: AccountEvidence, _ctx: CheckContext) =>
  evaluateRegional("i4.default_sg_restricted", ev.item4.securityGroups, ACTION, (groups): RegionVerdict => {
    const open = groups
      .filter((sg) => sg.groupName === "default" && (sg.ipPermissions.length > 0 || sg.ipPermissionsEgress.length > 0))
      .map((sg) => sgRef(sg, `${sg.ipPermissions.length} inbound, ${sg.ipPermissionsEgress.length} outbound rules`));
    return open.length > 0
      ? { result: "fail", reason: `${plural(open.length, "default security group")} with rules`, resources: open }
      : { result: "pass", reason: "default security groups have no rules" };
  });

export const evaluateSgUnknownPublicSource = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i4.sg_unknown_public_source";
  const known = ctx.config.knownCidrs;
  if (known.length === 0) return result(id, "not_applicable", "no known CIDRs configured (TENFOLD_KNOWN_CIDRS)");
  return evaluateRegional(id, ev.item4.securityGroups, ACTION, (groups): RegionVerdict => {
    const hits = groups.flatMap((sg) =>
      sg.ipPermissions.flatMap((r) => {
        const sources = unknownPublicSources(r, known);
        return sources.length > 0 ? [sgRef(sg, describeRule(r, sources))] : [];
      }),
    );
    return hits.length > 0
      ? { result: "warn", reason: `${plural(hits.length, "rule")} from public ranges outside the known CIDRs`, resources: hits }
      : { result: "pass", reason: "public sources are all known ranges" };
  });
};

export const scoreItem4 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] => [
  evaluateSgAllPortsOpen(ev, ctx),
  evaluateSgAdminPortsOpen(ev, ctx),
  evaluateSgDbHighRiskPortsOpen(ev, ctx),
  evaluateSgOtherPortsOpen(ev, ctx),
  evaluateDefaultSgRestricted(ev, ctx),
  evaluateSgUnknownPublicSource(ev, ctx),
];
