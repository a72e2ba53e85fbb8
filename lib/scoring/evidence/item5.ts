import type { AclGrant, Collected, PolicyJson, PublicAccessBlock, Regional } from "./common";

// Item 5 — intentional data policies (checks.md §6). The classification tag is ORG evidence (account tags);
// identity policies for the KMS check come from IamEvidence.authorizationDetails.

/** Per-bucket exposure, collected only when the account BPA is not fully on. */
export type BucketExposure = {
  name: string;
  /** ListBuckets → BucketRegion. */
  region?: string;
  /** s3:GetBucketPolicyStatus → PolicyStatus.IsPublic; `null` = NoSuchBucketPolicy (no policy, not public by policy). */
  policyStatus: Collected<{ isPublic: boolean } | null>;
  /** s3:GetBucketPublicAccessBlock; `null` = NoSuchPublicAccessBlockConfiguration. */
  publicAccessBlock: Collected<PublicAccessBlock | null>;
  /** s3:GetBucketAcl → Grants[]. */
  acl: Collected<AclGrant[]>;
  /** Optional s3:GetBucketPolicy (to spot public write in a `public` account); `null` = NoSuchBucketPolicy. */
  policy?: Collected<PolicyJson | null>;
};

/** kms:ListKeys + kms:DescribeKey (+ kms:GetKeyPolicy for customer-managed keys). */
export type KmsKey = {
  keyId: string;
  arn: string;
  /** KeyMetadata.KeyManager */
  keyManager: "AWS" | "CUSTOMER";
  /** KeyMetadata.KeyState: Enabled | Disabled | PendingDeletion | … */
  keyState: string;
  /** KeyMetadata.KeyUsage: ENCRYPT_DECRYPT | SIGN_VERIFY | GENERATE_VERIFY_MAC | KEY_AGREEMENT */
  keyUsage: string;
  /** KeyMetadata.KeySpec, e.g. SYMMETRIC_DEFAULT. */
  keySpec?: string;
  /** kms:GetKeyPolicy {PolicyName: 'default'} → Policy; collected for CUSTOMER keys only. */
  policy?: Collected<PolicyJson>;
};

export type Item5Evidence = {
  /** s3control:GetPublicAccessBlock {AccountId}; `null` = NoSuchPublicAccessBlockConfiguration. */
  accountPublicAccessBlock: Collected<PublicAccessBlock | null>;
  /**
   * s3:ListBuckets, then per-bucket exposure calls. The collector may skip the per-bucket calls (and send an
   * empty list) when the account BPA has all four flags: scoring then passes without looking.
   */
  buckets: Collected<BucketExposure[]>;
  /** kms:ListKeys / DescribeKey / GetKeyPolicy, every ENABLED Region. */
  kmsKeys: Regional<KmsKey[]>;
  /**
   * Optional: macie2:GetMacieSession → status (not in SecurityAudit); "Macie is not enabled" → {status: "DISABLED"}.
   * Asked in the home Region and the buckets' Regions; the others are notApplicable. Absent = unknown ("not evaluated").
   */
  macie?: Regional<{ status: "ENABLED" | "PAUSED" | string }>;
};
