// Scenario = plain data. Resource shapes reuse the SDK's own output types, so a handler returns
// the stored object and a contract test can compare the typed SDK result with the scenario as is.
import type { AlternateContact, ContactInformation } from "@aws-sdk/client-account";
import type { AnalyzerSummary, FindingSummary, FindingSummaryV2 } from "@aws-sdk/client-accessanalyzer";
import type { AdvancedEventSelector, EventSelector, GetTrailStatusResponse, Trail } from "@aws-sdk/client-cloudtrail";
import type { Project } from "@aws-sdk/client-codebuild";
import type { Instance, LaunchTemplateVersion, NetworkInterface, PrefixListEntry, SecurityGroup } from "@aws-sdk/client-ec2";
import type { RegistryScanningConfiguration, Repository } from "@aws-sdk/client-ecr";
import type { TaskDefinition } from "@aws-sdk/client-ecs";
import type { Rule } from "@aws-sdk/client-eventbridge";
import type { Finding as GuardDutyFinding } from "@aws-sdk/client-guardduty";
import type { ManagedPolicyDetail, OpenIDConnectProviderListEntry, RoleDetail, SAMLProviderListEntry } from "@aws-sdk/client-iam";
import type { Finding as InspectorFinding, ResourceState, State as InspectorState } from "@aws-sdk/client-inspector2";
import type { KeyMetadata } from "@aws-sdk/client-kms";
import type { FunctionConfiguration } from "@aws-sdk/client-lambda";
import type { PolicySummary } from "@aws-sdk/client-organizations";
import type { Grant, ObjectLockConfiguration, PublicAccessBlockConfiguration } from "@aws-sdk/client-s3";
import type { SecretListEntry } from "@aws-sdk/client-secrets-manager";
import type { AutomationRulesMetadata, AwsSecurityFinding, StandardsSubscription } from "@aws-sdk/client-securityhub";

export type AccountState = "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED" | "PENDING_ACTIVATION";
export type ContactType = "SECURITY" | "BILLING" | "OPERATIONS";
export type MfaKind = "none" | "virtual" | "hardware";

export interface Scenario {
  /** The scenario's "now": report times, key ages, session expiry. It does not tick by itself. */
  clock: Date;
  /** Seed for fault injection and anything random the server does. */
  seed: number;
  /** The management account and the credentials of a principal in it. */
  management: ScannerIdentity;
  /**
   * Where Tenfold's scanner runs, when not in the management account (README "Deploying to AWS"): a
   * delegated administrator or an account outside the organization. Undefined = the management account.
   * The member role trusts only this principal (`aws:PrincipalArn`).
   */
  scanner?: ScannerIdentity;
  /** Accounts outside the organization (e.g. where an outside scanner runs): they can sign requests, nothing more. */
  outsideAccounts?: Record<string, AccountData>;
  /** The read-only role every account has unless an account overrides it. */
  access: { roleName: string; externalId: string };
  /** Real milliseconds between GenerateCredentialReport and a COMPLETE report. */
  credentialReportDelayMs: number;
  /** Undefined = a standalone account (Organizations answers AWSOrganizationsNotInUseException). */
  organization?: OrganizationData;
  accounts: Record<string, AccountData>;
}

export interface ScannerIdentity {
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  principalArn: string;
}

export interface OrganizationalUnitData {
  id: string;
  name: string;
  parentId: string;
}

export interface OrgPolicyData {
  summary: PolicySummary & { Id: string; Type: string };
  content: string;
  /** Root, OU or account ids the policy is attached to. */
  targets: string[];
}

export interface OrganizationData {
  id: string;
  featureSet: "ALL" | "CONSOLIDATED_BILLING";
  rootId: string;
  ous: OrganizationalUnitData[];
  policies: OrgPolicyData[];
  delegatedAdministrators: { accountId: string; servicePrincipal: string; since: Date }[];
  serviceAccess: { servicePrincipal: string; since: Date }[];
  /** IAM centralized root access features (RootCredentialsManagement, RootSessions). */
  rootFeatures: string[];
  /** Org-level auto-enable settings read by the delegated admins (defaults: everything on). */
  autoEnable?: {
    guardduty?: "ALL" | "NEW" | "NONE";
    securityhub?: boolean;
    inspector2?: { ec2: boolean; ecr: boolean; lambda: boolean; lambdaCode: boolean };
  };
}

export interface AccessKeyData {
  id: string;
  status: "Active" | "Inactive";
  createdAt: Date;
  lastUsed?: { date: Date; region: string; service: string };
}

export interface RootData {
  hasPassword: boolean;
  passwordLastUsed?: Date;
  mfa: MfaKind;
  accessKeys: AccessKeyData[];
}

export interface IamUserData {
  name: string;
  path: string;
  createdAt: Date;
  /** Console password; undefined = none. */
  password?: { lastUsed?: Date; lastChanged: Date };
  mfa: MfaKind;
  accessKeys: AccessKeyData[];
}

export interface IamData {
  root: RootData;
  users: IamUserData[];
  roles: RoleDetail[];
  policies: ManagedPolicyDetail[];
  samlProviders: SAMLProviderListEntry[];
  oidcProviders: OpenIDConnectProviderListEntry[];
}

export interface BucketData {
  name: string;
  region: string;
  createdAt: Date;
  policy?: string;
  /** What GetBucketPolicyStatus answers when a policy exists. */
  policyIsPublic: boolean;
  publicAccessBlock?: PublicAccessBlockConfiguration;
  grants: Grant[];
  versioning: { Status?: "Enabled" | "Suspended"; MFADelete?: "Enabled" | "Disabled" };
  objectLock?: ObjectLockConfiguration;
}

export interface TrailData {
  trail: Trail & { Name: string; TrailARN: string; HomeRegion: string };
  status: Omit<GetTrailStatusResponse, "$metadata">;
  eventSelectors?: EventSelector[];
  advancedEventSelectors?: AdvancedEventSelector[];
}

export interface AnalyzerData {
  summary: AnalyzerSummary & { arn: string; name: string; type: string };
  findings: FindingSummary[];
  findingsV2: FindingSummaryV2[];
}

export interface DetectorData {
  id: string;
  status: "ENABLED" | "DISABLED";
  createdAt: string;
  updatedAt: string;
  findingPublishingFrequency?: string;
  findings: GuardDutyFinding[];
}

export interface SecurityHubData {
  hubArn: string;
  subscribedAt: string;
  autoEnableControls: boolean;
  standards: StandardsSubscription[];
  findings: AwsSecurityFinding[];
  automationRules: AutomationRulesMetadata[];
  /** Cross-Region aggregation with this Region as home. */
  aggregator?: { arn: string; regionLinkingMode: string; regions: string[] };
}

export interface InstanceData {
  instance: Instance & { InstanceId: string };
  /** Plain text; the sandbox base64-encodes it as EC2 does. */
  userData?: string;
}

export interface KmsKeyData {
  metadata: KeyMetadata & { KeyId: string; Arn: string };
  policy: string;
}

export interface RegionData {
  securityGroups: SecurityGroup[];
  instances: InstanceData[];
  launchTemplateVersions: LaunchTemplateVersion[];
  networkInterfaces: NetworkInterface[];
  trails: TrailData[];
  analyzers: AnalyzerData[];
  detectors: DetectorData[];
  /** Undefined = Security Hub not enabled in this Region. */
  securityHub?: SecurityHubData;
  inspector: {
    status: InspectorState["status"] & string;
    resourceState: ResourceState;
    severityCounts?: { all: number; critical: number; high: number; medium: number };
    /** ListFindings answers (the SDK's `Finding` shape); none when absent. */
    findings?: InspectorFinding[];
  };
  ecrRepositories: Repository[];
  ecrScanning: RegistryScanningConfiguration;
  lambdaFunctions: FunctionConfiguration[];
  /** Lambda ListTags by function ARN (ListFunctions carries no tags, as in AWS). */
  lambdaTags: Record<string, Record<string, string>>;
  ecsTaskDefinitions: TaskDefinition[];
  /** ECS task-definition tags by `family:revision`, returned by DescribeTaskDefinition with include: ["TAGS"]. */
  ecsTaskDefinitionTags: Record<string, { key: string; value: string }[]>;
  codeBuildProjects: Project[];
  secrets: SecretListEntry[];
  kmsKeys: KmsKeyData[];
  eventRules: Rule[];
  /** Undefined = Macie not enabled in this Region (GetMacieSession → AccessDeniedException "Macie is not enabled."). */
  macie?: { status: "ENABLED" | "PAUSED"; createdAt: Date; updatedAt?: Date };
  /** CloudFormation stacks (optional check; served when @aws-sdk/client-cloudformation is installed). */
  stacks?: { StackName: string; StackId: string; CreationTime: Date; StackStatus: string; Outputs?: { OutputKey?: string; OutputValue?: string; Description?: string }[] }[];
  /** IAM Identity Center instances (SSO Admin ListInstances, usually the management account's home Region). */
  ssoInstances?: { InstanceArn: string; IdentityStoreId: string; OwnerAccountId: string; Name?: string; CreatedDate: Date; Status: string }[];
  /** Customer-managed prefix lists by id (EC2 GetManagedPrefixListEntries). */
  prefixLists: Record<string, PrefixListEntry[]>;
}

export interface AccountData {
  id: string;
  name: string;
  email: string;
  state: AccountState;
  joinedAt: Date;
  joinedMethod: "CREATED" | "INVITED";
  /** Root id or OU id. */
  parentId: string;
  tags: Record<string, string>;
  /** Root user creation time (credential report). */
  createdAt: Date;
  /**
   * Who may enter: false = the role is missing; a string = a different ExternalId is required. The role
   * must also be in `iam.roles` (AssumeRole into a role that does not exist is AccessDenied).
   */
  assumeRole: { allowed: boolean; externalId?: string };
  enabledRegions: string[];
  contacts: Partial<Record<ContactType, AlternateContact>>;
  contactInformation?: ContactInformation;
  iam: IamData;
  s3: { publicAccessBlock?: PublicAccessBlockConfiguration; buckets: BucketData[] };
  /** Regional resources; a Region absent here has nothing in it (and every service off). */
  regions: Record<string, Partial<RegionData>>;
}
