import type { Collected, IsoDate, Regional } from "./common";

// Item 8 — act on findings (checks.md §9). Automation in the Security Hub / GuardDuty admin account is ORG evidence.

/**
 * securityhub:DescribeHub + securityhub:GetEnabledStandards. Not subscribed (InvalidAccessException) →
 * `{ enabled: false }` (scoring also accepts the raw InvalidAccessException error).
 */
export type SecurityHubState =
  | { enabled: false }
  | { enabled: true; hubArn: string; subscribedAt?: IsoDate; enabledStandards: Collected<string[]> };

/** securityhub:GetFindings (CRITICAL/HIGH, NEW/NOTIFIED, ACTIVE, not PASSED, this account), FirstObservedAt asc. */
export type SecurityHubFinding = {
  id: string;
  /** Severity.Label */
  severityLabel: "CRITICAL" | "HIGH" | string;
  firstObservedAt?: IsoDate;
  createdAt: IsoDate;
  title?: string;
  /** Resources[].Id (first few). */
  resourceIds?: string[];
  region?: string;
};

/** guardduty:ListDetectors + guardduty:GetDetector. Empty list = GuardDuty off. */
export type GuardDutyState = { detectors: { detectorId: string; status: "ENABLED" | "DISABLED" | string }[] };

/** guardduty:ListFindings {severity >= 7, not archived} + guardduty:GetFindings. */
export type GuardDutyFinding = {
  id: string;
  type: string;
  /** Severity (double): High 7–8.9, Critical ≥ 9. */
  severity: number;
  createdAt: IsoDate;
  updatedAt?: IsoDate;
  resourceType?: string;
};

/**
 * A page-capped finding list: `truncated` = more pages existed than TENFOLD_MAX_FINDING_PAGES (count is "≥ N").
 * `oldestFirst` = each SLA band (critical, high) was read oldest first, so every finding the cap left out is
 * no older than the youngest read of its band and cannot be past SLA unless a read one already is. Without it
 * a truncated list cannot show that nothing unread is overdue.
 */
export type FindingList<F> = { findings: F[]; truncated: boolean; oldestFirst?: boolean };

/** events:ListRules → Rules[]. */
export type EventRule = {
  name: string;
  /** ENABLED | DISABLED | ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS */
  state: string;
  /** EventPattern as the JSON string AWS returns (absent for scheduled rules). */
  eventPattern?: string;
  managedBy?: string;
};

export type Item8Evidence = {
  /** securityhub:DescribeHub + GetEnabledStandards, every ENABLED Region. */
  securityHub: Regional<SecurityHubState>;
  /**
   * securityhub:GetFindings: with a finding aggregator only its home Region is queried (others notApplicable
   * "aggregated in <home>"), otherwise every ENABLED Region where the hub is on.
   */
  securityHubFindings: Regional<FindingList<SecurityHubFinding>>;
  /** guardduty:ListDetectors + GetDetector, every ENABLED Region. */
  guardDuty: Regional<GuardDutyState>;
  /** guardduty:ListFindings + GetFindings for the enabled detector; Regions without a detector → notApplicable. */
  guardDutyFindings: Regional<FindingList<GuardDutyFinding>>;
  /** events:ListRules in the account, every ENABLED Region. */
  eventRules: Regional<EventRule[]>;
};
