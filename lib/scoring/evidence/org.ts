import type { Collected, IsoDate, PolicyJson, Regional } from "./common";
import type { LogBucketProtection, Trail } from "./item6";
import type { Analyzer } from "./item7";
import type { EventRule } from "./item8";

// Organization-level evidence, collected once per scan from the management account (or a delegated admin,
// or the Log Archive account for bucket protection) and shared by every account's scoring.

/** One SCP on the account's path (organizations:ListPoliciesForTarget {Filter: SERVICE_CONTROL_POLICY} + DescribePolicy). */
export type ServiceControlPolicy = {
  policyId: string;
  name: string;
  /** The root, OU or account the policy is attached to. */
  targetId: string;
  /** Policy.Content (JSON). */
  content: PolicyJson;
};

/** One account of organizations:ListAccounts, with its OU path, tags and SCPs. */
export type OrgAccount = {
  id: string;
  name: string;
  /** Account.Email — the root user's email (item 1). */
  email: string;
  /** Account.State: ACTIVE | SUSPENDED | PENDING_CLOSURE | CLOSED | PENDING_ACTIVATION. */
  state: string;
  /** organizations:ListParents repeated up to the root; account's parent first. */
  ouPath: Collected<{ id: string; type: "ROOT" | "ORGANIZATIONAL_UNIT"; name?: string }[]>;
  /** organizations:ListTagsForResource {ResourceId: accountId}. */
  tags: Collected<Record<string, string>>;
  /** SCPs attached to the account, each OU on its path and the root. */
  scps: Collected<ServiceControlPolicy[]>;
};

export type OrgEvidence = {
  collectedAt: IsoDate;
  /**
   * organizations:DescribeOrganization. `null` = AWSOrganizationsNotInUseException (standalone account):
   * ORG checks become not_applicable.
   */
  organization: Collected<{ id: string; featureSet: "ALL" | "CONSOLIDATED_BILLING"; managementAccountId: string } | null>;
  /**
   * iam:ListOrganizationsFeatures → EnabledFeatures (RootCredentialsManagement, RootSessions). Errors kept as-is:
   * ServiceAccessNotEnabledException, AccountNotManagementOrDelegatedAdministratorException, OrganizationNotFoundException, …
   */
  organizationsFeatures: Collected<{ enabledFeatures: string[] }>;
  /** Accounts by id (organizations:ListAccounts …). */
  accounts: Record<string, OrgAccount>;
  /** cloudtrail:DescribeTrails + GetTrailStatus + GetEventSelectors in the management (or DA:cloudtrail) account, organization trails only. */
  organizationTrails: Collected<Trail[]>;
  /** access-analyzer:ListAnalyzers in the Access Analyzer delegated admin (or management) account, every Region. */
  orgAnalyzers: Regional<Analyzer[]>;
  /** s3:ListBuckets in every account → bucket name → owning account id (item 6 centralisation). */
  bucketOwners: Collected<Record<string, string>>;
  /** TENFOLD_LOG_ARCHIVE_ACCOUNT_ID, or inferred (the owner of the organization trail's bucket). */
  logArchiveAccountId?: string;
  /** Trail bucket name → protection read with the LA role. A bucket the LA role could not read → error. */
  logBuckets: Record<string, Collected<LogBucketProtection>>;
  /** Automation in the Security Hub / GuardDuty admin account (item 8); absent when there is no admin account. */
  findingsAdmin?: {
    accountId: string;
    /** events:ListRules in the admin account. */
    eventRules: Regional<EventRule[]>;
    /** securityhub:ListAutomationRules → AutomationRulesMetadata[]. */
    automationRules: Collected<{ ruleArn: string; ruleName: string; ruleStatus: "ENABLED" | "DISABLED" | string }[]>;
  };
};
