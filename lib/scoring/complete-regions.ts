import type { AccountEvidence, Regional } from "./evidence";
import { collectFailed } from "./evidence";

// A pass is never asserted from part of the Regions (checks.md §1.1): a Region of `evidence.regions` that a
// Regional field lacks becomes an explicit "not collected" error, hence `unknown`, instead of silently vanishing.

export const NOT_COLLECTED = "NotCollected";

const fill = <T>(regional: Regional<T>, regions: readonly string[]): Regional<T> => {
  const missing = regions.filter((r) => !(r in regional));
  if (missing.length === 0) return regional;
  return { ...regional, ...Object.fromEntries(missing.map((r) => [r, collectFailed<T>(NOT_COLLECTED, "Region not collected")])) };
};

/** Copy of the evidence where every Regional field has an entry for every scanned Region. */
export const completeRegions = (ev: AccountEvidence): AccountEvidence => {
  const r = ev.regions;
  const { item3, item4, item5, item7, item8, item10 } = ev;
  return {
    ...ev,
    item3: { lambda: fill(item3.lambda, r), ecs: fill(item3.ecs, r), ec2UserData: fill(item3.ec2UserData, r), codebuild: fill(item3.codebuild, r), secrets: fill(item3.secrets, r) },
    item4: { securityGroups: fill(item4.securityGroups, r) },
    item5: { ...item5, kmsKeys: fill(item5.kmsKeys, r), ...(item5.macie && { macie: fill(item5.macie, r) }) },
    item7: { analyzers: fill(item7.analyzers, r), externalAccessFindings: fill(item7.externalAccessFindings, r) },
    item8: {
      securityHub: fill(item8.securityHub, r),
      securityHubFindings: fill(item8.securityHubFindings, r),
      guardDuty: fill(item8.guardDuty, r),
      guardDutyFindings: fill(item8.guardDutyFindings, r),
      eventRules: fill(item8.eventRules, r),
    },
    item10: {
      ...item10,
      inspector: fill(item10.inspector, r),
      ecrRepositoryCount: fill(item10.ecrRepositoryCount, r),
      ecrScanning: fill(item10.ecrScanning, r),
      ...(item10.inspectorCriticalFindings && { inspectorCriticalFindings: fill(item10.inspectorCriticalFindings, r) }),
    },
  };
};
