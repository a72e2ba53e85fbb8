import type { CheckId, ItemKey } from "./catalogue";

// Result shapes produced by lib/scoring and stored per scan (product.md §4). Plain JSON.

export const RESULT_VALUES = ["pass", "fail", "warn", "unknown", "not_applicable", "excepted", "attested"] as const;
export type ResultValue = (typeof RESULT_VALUES)[number];

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ITEM_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type ItemNumber = (typeof ITEM_NUMBERS)[number];

export const ITEM_STATUSES = ["green", "amber", "red", "grey"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A resource behind a check result: a user, key slot, SG rule, trail, bucket, finding… Small and JSON. */
export type ResourceRef = {
  /** e.g. "iam-user", "access-key", "security-group", "trail", "s3-bucket", "finding", "lambda-function". */
  kind: string;
  /** ARN when there is one, else the AWS id or name. */
  id: string;
  region?: string;
  /** One short line, e.g. "tcp 22 from 0.0.0.0/0" or "key 2, 143 days old". Never a secret value. */
  detail?: string;
};

/** Resource lists are capped so one noisy account cannot bloat a snapshot. */
export const MAX_RESOURCES = 50;

export type CheckResult = {
  id: CheckId;
  item: ItemNumber;
  result: ResultValue;
  severity: Severity;
  /** One line: why this result. For errors `AccessDenied: <action>`, `throttled`, or the AWS code. */
  reason: string;
  /** At most MAX_RESOURCES entries. */
  resources: ResourceRef[];
  /** How many resources were left out of `resources` by the cap. */
  truncated?: number;
  /** Evaluated once for the organization and copied to every account (checks.md §1.1). */
  source?: "org";
  /** Share of the underlying resources / Regions that could be read (0..1), when less than all. */
  coverage?: number;
  /** Set by applyOverrides: the exception / attestation that turned this check excepted / attested. */
  overrideId?: string;
  /** Set by applyOverrides: the result before the override. */
  originalResult?: ResultValue;
};

export type ItemResult = {
  item: ItemNumber;
  key: ItemKey;
  title: string;
  /** 0–100, or null when nothing was evaluable (grey). */
  score: number | null;
  status: ItemStatus;
  /** Share of the item's checks that were evaluable (not unknown), 0..1; not_applicable checks are left out. */
  coverage: number;
  checks: CheckResult[];
  /** e.g. "3 of 4 checks pass; failing: root has no hardware MFA". */
  explanation: string;
};

export type AccountScore = {
  accountId: string;
  items: ItemResult[];
  /** Mean of the non-null item scores; null when every item is grey. */
  score: number | null;
  status: ItemStatus;
  /** Evaluable share of all applicable checks, 0..1. */
  coverage: number;
};

export type OrgScore = {
  /** Mean of the non-null account scores. */
  score: number | null;
  status: ItemStatus;
  accounts: number;
  /** Accounts whose score was null (nothing evaluable / not scanned). */
  unscored: number;
};
