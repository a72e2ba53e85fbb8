import type { Collected, IsoDate, PolicyJson } from "./common";
import type { CredentialReport } from "./credential-report";

// Account-wide IAM data read once per account and shared by items 2, 5, 7 and 9.

/** iam:GetAccountSummary → SummaryMap (values 0/1). Keys as AWS spells them. */
export type AccountSummary = {
  AccountMFAEnabled: number;
  AccountAccessKeysPresent: number;
  /** Added to the IAM model 2024-11-14; absent on an old endpoint → scoring treats root password as unknown. */
  AccountPasswordPresent?: number;
};

/** iam:GetAccountAuthorizationDetails → RoleDetailList[] (ListRoles lacks RoleLastUsed). */
export type IamRole = {
  roleName: string;
  arn: string;
  path: string;
  createDate: IsoDate;
  /** RoleLastUsed.LastUsedDate; absent = not used within the 400-day tracking window. */
  lastUsedDate?: IsoDate;
  lastUsedRegion?: string;
};

/** An identity policy document (inline or the default version of a customer-managed policy). */
export type IamPolicyDoc = {
  /** Managed policy ARN, or "<principal arn>#<inline policy name>" for inline policies. */
  id: string;
  kind: "managed" | "inline";
  /** For inline policies: the user / role / group ARN it is embedded in. */
  principalArn?: string;
  document: PolicyJson;
};

/** iam:GetAccountAuthorizationDetails {Filter: [Role, User, Group, LocalManagedPolicy]}. */
export type AuthorizationDetails = {
  roles: IamRole[];
  /** Customer-managed (LocalManagedPolicy) default versions plus every inline policy of users, roles and groups. */
  policies: IamPolicyDoc[];
};

export type IamEvidence = {
  /** iam:GenerateCredentialReport + iam:GetCredentialReport (state machine, checks.md §12). */
  credentialReport: Collected<CredentialReport>;
  /** iam:GetAccountSummary. */
  accountSummary: Collected<AccountSummary>;
  /** iam:GetAccountAuthorizationDetails. */
  authorizationDetails: Collected<AuthorizationDetails>;
};
