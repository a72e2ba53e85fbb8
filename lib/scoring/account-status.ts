import type { ScoringConfig } from "./config";
import { statusOf } from "./score";
import type { ItemStatus } from "./types";

// What the pages show for an account (and the organisation): the score's colour under this installation's
// thresholds, but never green on a partial reading. Pure, so every page and export colours alike.

export type StatusThresholds = ScoringConfig["thresholds"];

/** Below this share of evaluable checks an account is listed under "needs attention" and cannot be green. */
export const COVERAGE_ATTENTION = 0.8;

/** True when too few checks could be read for the score to be trusted (unknown coverage is not flagged). */
export const lowCoverage = (coverage: number | null): boolean => coverage !== null && coverage < COVERAGE_ATTENTION;

/**
 * The account's status: grey without a score; otherwise the score's status under `thresholds`, except that a
 * perfect score read with a grey item or coverage below COVERAGE_ATTENTION shows amber: unread is not passing.
 */
export function accountStatus(score: number | null, coverage: number | null, anyGrey: boolean, thresholds: StatusThresholds): ItemStatus {
  const status = statusOf(score, { thresholds });
  return status === "green" && (anyGrey || lowCoverage(coverage)) ? "amber" : status;
}
