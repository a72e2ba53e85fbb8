import type { Collected, IsoDate, PolicyJson, AclGrant, PublicAccessBlock } from "./common";

// Item 6 — centralized CloudTrail (checks.md §7). Organization trails, the bucket owner map, the Log Archive
// bucket protection and SCPs are ORG evidence.

/** cloudtrail:GetEventSelectors {TrailName: TrailARN}. */
export type TrailEventSelectors = {
  /** EventSelectors[] (basic selectors). */
  eventSelectors: { readWriteType: "ReadOnly" | "WriteOnly" | "All"; includeManagementEvents: boolean }[];
  /** AdvancedEventSelectors[].FieldSelectors[] */
  advancedEventSelectors: {
    name?: string;
    fieldSelectors: { field: string; equals?: string[]; notEquals?: string[]; startsWith?: string[]; notStartsWith?: string[] }[];
  }[];
};

/** cloudtrail:GetTrailStatus {Name: TrailARN} in the trail's HomeRegion. */
export type TrailStatus = {
  isLogging: boolean;
  latestDeliveryError?: string;
  latestDeliveryTime?: IsoDate;
};

/** cloudtrail:DescribeTrails {includeShadowTrails: true} → trailList[] (+ status and selectors per trail). */
export type Trail = {
  name: string;
  trailArn: string;
  homeRegion: string;
  isMultiRegionTrail: boolean;
  isOrganizationTrail: boolean;
  s3BucketName?: string;
  kmsKeyId?: string;
  logFileValidationEnabled: boolean;
  status: Collected<TrailStatus>;
  /** Member accounts may get CloudTrailARNInvalidException for an org trail: scoring then uses ORG evidence or IsLogging only. */
  eventSelectors: Collected<TrailEventSelectors>;
};

/** Object Lock of a bucket: s3:GetObjectLockConfiguration → ObjectLockConfiguration. */
export type ObjectLock = {
  objectLockEnabled: boolean;
  defaultRetention?: { mode: "GOVERNANCE" | "COMPLIANCE" | string; days?: number; years?: number };
};

/** Protection of a trail bucket, read with the Log Archive (LA) role. */
export type LogBucketProtection = {
  /** s3:GetObjectLockConfiguration; `null` = ObjectLockConfigurationNotFoundError. */
  objectLock: Collected<ObjectLock | null>;
  /** s3:GetBucketVersioning → {Status, MFADelete}. */
  versioning: Collected<{ status?: "Enabled" | "Suspended"; mfaDelete?: "Enabled" | "Disabled" }>;
  /** s3:GetBucketPolicy; `null` = NoSuchBucketPolicy. */
  policy: Collected<PolicyJson | null>;
  /** s3:GetBucketPolicyStatus; `null` = NoSuchBucketPolicy. */
  policyStatus: Collected<{ isPublic: boolean } | null>;
  /** s3:GetBucketPublicAccessBlock; `null` = not configured. */
  publicAccessBlock: Collected<PublicAccessBlock | null>;
  /** s3:GetBucketAcl → Grants[] (optional). */
  acl?: Collected<AclGrant[]>;
};

export type Item6Evidence = {
  /** cloudtrail:DescribeTrails (shadow trails included) in the account, with GetTrailStatus / GetEventSelectors per trail. */
  trails: Collected<Trail[]>;
};
