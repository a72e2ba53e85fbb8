import type { IsoDate, Regional } from "./common";

// Item 7 — validate IAM roles (checks.md §8). Roles come from IamEvidence.authorizationDetails; organization
// analyzers of the delegated admin are ORG evidence.

/** access-analyzer:ListAnalyzers → analyzers[]. */
export type Analyzer = {
  arn: string;
  name: string;
  /** ACCOUNT | ORGANIZATION | ACCOUNT_UNUSED_ACCESS | ORGANIZATION_UNUSED_ACCESS | ACCOUNT_INTERNAL_ACCESS | ORGANIZATION_INTERNAL_ACCESS */
  type: string;
  /** ACTIVE | CREATING | DISABLED | FAILED */
  status: string;
};

/** access-analyzer:ListFindings {status: ACTIVE, resourceOwnerAccount: acct} → findings[] (external-access analyzers only). */
export type AccessFinding = {
  id: string;
  resource?: string;
  resourceType: string;
  isPublic: boolean;
  /** principal map, e.g. {"AWS": "111122223333"}. */
  principal?: Record<string, string>;
  createdAt: IsoDate;
  updatedAt?: IsoDate;
  status: string;
  resourceOwnerAccount: string;
};

export type Item7Evidence = {
  /** access-analyzer:ListAnalyzers in the account, every ENABLED Region. */
  analyzers: Regional<Analyzer[]>;
  /**
   * access-analyzer:ListFindings, ACTIVE findings owned by this account, from the account's analyzer or the
   * organization analyzer in the delegated admin. A Region with no analyzer at all → notApplicable.
   */
  externalAccessFindings: Regional<AccessFinding[]>;
};
