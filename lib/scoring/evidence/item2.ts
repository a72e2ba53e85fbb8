import type { Collected } from "./common";

// Item 2 — MFA (checks.md §3). Credential report and account summary live in IamEvidence (shared with item 9);
// ListOrganizationsFeatures is ORG evidence.

/** iam:ListVirtualMFADevices {AssignmentStatus: 'Assigned'} → VirtualMFADevices[]. */
export type VirtualMfaDevice = {
  serialNumber: string;
  /** User.Arn; ends in ":root" for the root user's device. */
  userArn?: string;
};

export type Item2Evidence = {
  /** iam:ListVirtualMFADevices (Assigned). */
  virtualMfaDevices: Collected<VirtualMfaDevice[]>;
  /** iam:ListSAMLProviders + iam:ListOpenIDConnectProviders — supporting signal only (federation in use). */
  federationProviders?: Collected<{ saml: number; oidc: number }>;
};
