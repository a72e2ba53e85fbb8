import "server-only";
import { getEnv } from "@/lib/env";
import { scoringConfigFromEnv } from "@/lib/scan/config";
import type { StatusThresholds } from "@/lib/scoring/account-status";

/**
 * The status thresholds the scorer uses (TENFOLD_AMBER_THRESHOLD): the one source for every badge and chart
 * line the pages draw from a score, so a page never colours with a default the scans did not use.
 */
export function getStatusThresholds(): StatusThresholds {
  return scoringConfigFromEnv(getEnv()).thresholds;
}
