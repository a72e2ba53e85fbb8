// The review of two dates (product.md §2, Review page): what lib/db/review.ts returns and what the page,
// the Markdown, CSV and JSON exports render. Plain data, no I/O.
import type { ItemStatus, ResourceRef } from "@/lib/scoring/types";
import type { ReviewPeriod } from "./period";
import type { ResourceChange } from "./check-diff";

/** A score on each date (carried forward from the last scan on or before it) and the change. */
export type ScoreChange = { from: number | null; to: number | null; change: number | null };

/** `status` is the status on `to` under the scorer's thresholds (lib/scoring/account-status). */
export type ItemScoreChange = ScoreChange & { item: number; passRateFrom: number | null; passRateTo: number | null; status: ItemStatus };

/** `coverage` and `status` are the account's on `to`: never green with a grey item or coverage below 80 %. */
export type AccountScoreChange = ScoreChange & { id: string; name: string; owner: string | null; ouPath: string; coverage: number | null; status: ItemStatus };

export type CheckChangeRow = ResourceChange & {
  accountId: string;
  accountName: string;
  owner: string | null;
  checkId: string;
  checkTitle: string;
  item: number;
  severity: string;
  /** The check's result on each date. */
  fromResult: string;
  toResult: string;
};

export type ExpiryRow = {
  kind: "exception" | "attestation";
  id: string;
  accountId: string;
  accountName: string;
  owner: string | null;
  checkId: string;
  resourceId: string | null;
  expiresAt: Date;
  /** Who created the exception or made the attestation. */
  by: string;
  /** The exception's reason or the attestation's statement. */
  text: string;
};

export type StaleAccountRow = {
  id: string;
  name: string;
  owner: string | null;
  /** unreachable: its latest scan failed; stale: its last good result is older than the latest full scan. */
  kind: "unreachable" | "stale";
  lastGoodAt: Date | null;
  lastAttemptAt: Date | null;
  errorCode: string | null;
  errorMessage: string | null;
};

export type Review = {
  period: ReviewPeriod;
  /** "organisation" for admins and viewers; "own" when an owner sees only their accounts. */
  scope: "organisation" | "own";
  generatedAt: Date;
  org: ScoreChange & { accountsFrom: number; accountsTo: number; status: ItemStatus };
  items: ItemScoreChange[];
  /** Every account with a score on either date, the largest fall first. */
  accounts: AccountScoreChange[];
  checks: {
    newlyFailing: CheckChangeRow[];
    fixed: CheckChangeRow[];
    /** Accounts whose snapshots on both dates were compared. */
    accountsCompared: number;
    /** Accounts whose older snapshot's raw check results were pruned (retention): not compared. */
    accountsPruned: number;
  };
  /** Exceptions and attestations expiring in the 14 days after `expiringWindow.start`. */
  expiring: ExpiryRow[];
  expiringWindow: { start: Date; end: Date };
  /** Expired after the end of `from` and before now. */
  expired: ExpiryRow[];
  stale: StaleAccountRow[];
};

/** The review without its check-by-check changes (the page streams those separately). */
export type ReviewSummary = Omit<Review, "checks">;

export type { ResourceRef };
