// The ten items and every check of checks.md §18, with severity, scope, guidance and control mappings
// copied from the check tables. Guidance text (why / how to fix) lives in lib/guidance, not here.

export const ITEMS = [
  { item: 1, key: "accurate-account-info", title: "Accurate account information" },
  { item: 2, key: "mfa", title: "Use multi-factor authentication (MFA)" },
  { item: 3, key: "no-hardcoded-secrets", title: "No hard-coding secrets" },
  { item: 4, key: "limit-security-groups", title: "Limit security groups" },
  { item: 5, key: "intentional-data-policies", title: "Intentional data policies" },
  { item: 6, key: "centralized-cloudtrail", title: "Centralize CloudTrail logs" },
  { item: 7, key: "validate-iam-roles", title: "Validate IAM roles" },
  { item: 8, key: "act-on-findings", title: "Take action on findings" },
  { item: 9, key: "rotate-keys", title: "Rotate keys" },
  { item: 10, key: "dev-cycle", title: "Be involved in the dev cycle" },
] as const;

export type ItemKey = (typeof ITEMS)[number]["key"];
export const ITEM_KEYS = ITEMS.map((i) => i.key) as readonly ItemKey[];

/** AWS Security Blog post the items come from; checks.md cites "blog item N" where it has no AWS doc page. */
export const BLOG_URL = "https://aws.amazon.com/blogs/security/top-10-security-items-to-improve-in-your-aws-account/";

/** Where a check is evaluated (checks.md §1.2): in the account, once for the org, from management, or in the Log Archive account. */
export type CheckScope = "MEM" | "ORG" | "MGMT" | "LA";

export type CheckDef = {
  id: string;
  item: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
  title: string;
  severity: "critical" | "high" | "medium" | "low";
  scope: CheckScope;
  /** Marked "(opt.)" in §18: evaluated only when its optional evidence was collected. */
  optional?: boolean;
  /** ★ in §18: needs an attestation; `unknown` ("needs attestation") until one is valid. */
  manual?: boolean;
  /** Informational / supporting check (checks.md "(info)" / "(supporting)"). */
  info?: boolean;
  /** AWS documentation links exactly as checks.md gives them. */
  guidance: readonly string[];
  /** checks.md cites "blog item N" (link BLOG_URL). */
  blogItem?: number;
  securityHub?: readonly string[];
  cis14?: readonly string[];
  cis30?: readonly string[];
  prowler?: readonly string[];
};

const DOC = "https://docs.aws.amazon.com";
const CONTACT_DOCS = [
  `${DOC}/accounts/latest/reference/manage-acct-update-contact-alternate.html`,
  `${DOC}/accounts/latest/reference/manage-acct-update-contact.html`,
] as const;
const ROOT_MFA_DOC = `${DOC}/IAM/latest/UserGuide/enable-mfa-for-root.html`;
const SG_DOC = `${DOC}/vpc/latest/userguide/security-group-rules.html`;
const S3_BPA_DOC = `${DOC}/AmazonS3/latest/userguide/access-control-block-public-access.html`;
const ANALYZER_DOC = `${DOC}/IAM/latest/UserGuide/what-is-access-analyzer.html`;
const ACCESS_KEYS_DOC = `${DOC}/IAM/latest/UserGuide/id_credentials_access-keys.html`;
const SG_PROWLER = "ec2_securitygroup_allow_ingress_from_internet_to";

export const CHECKS = [
  // Item 1 — accurate account information
  { id: "i1.security_contact", item: 1, title: "Security alternate contact is set", severity: "high", scope: "MEM", guidance: CONTACT_DOCS, securityHub: ["Account.1"], cis14: ["1.2"], cis30: ["1.2"], prowler: ["account_security_contact_information_is_registered"] },
  { id: "i1.billing_contact", item: 1, title: "Billing alternate contact is set", severity: "medium", scope: "MEM", guidance: CONTACT_DOCS, cis14: ["1.1"], cis30: ["1.1"], prowler: ["account_maintain_current_contact_details"] },
  { id: "i1.operations_contact", item: 1, title: "Operations alternate contact is set", severity: "medium", scope: "MEM", guidance: CONTACT_DOCS, cis14: ["1.1"], cis30: ["1.1"], prowler: ["account_maintain_current_contact_details"] },
  { id: "i1.contacts_distinct_shared", item: 1, title: "Contacts are distinct shared aliases", severity: "medium", scope: "MEM", guidance: [`${DOC}/accounts/latest/reference/using-orgs-trusted-access.html`], prowler: ["account_maintain_different_contact_details_to_security_billing_and_operations"] },
  { id: "i1.contacts_attested", item: 1, title: "Contacts confirmed reachable by the owner", severity: "medium", scope: "MEM", manual: true, guidance: [], blogItem: 1, cis14: ["1.1 (manual)"] },

  // Item 2 — MFA
  { id: "i2.root_mfa", item: 2, title: "Root user has MFA", severity: "critical", scope: "MEM", guidance: [ROOT_MFA_DOC], securityHub: ["IAM.9"], cis14: ["1.5"], cis30: ["1.5"], prowler: ["iam_root_mfa_enabled"] },
  { id: "i2.root_hardware_mfa", item: 2, title: "Root user has hardware MFA", severity: "critical", scope: "MEM", guidance: [ROOT_MFA_DOC], securityHub: ["IAM.6"], cis14: ["1.6"], cis30: ["1.6"], prowler: ["iam_root_hardware_mfa_enabled"] },
  { id: "i2.console_users_mfa", item: 2, title: "Console users have MFA", severity: "high", scope: "MEM", guidance: [`${DOC}/IAM/latest/UserGuide/id_credentials_mfa.html`], securityHub: ["IAM.5", "IAM.19"], cis14: ["1.10"], cis30: ["1.10"], prowler: ["iam_user_mfa_enabled_console_access"] },
  { id: "i2.org_root_access_centralized", item: 2, title: "Centralized root access is enabled", severity: "medium", scope: "ORG", guidance: [`${DOC}/IAM/latest/UserGuide/id_root-enable-root-access.html`], prowler: ["iam_root_credentials_management_enabled"] },
  { id: "i2.root_recent_use", item: 2, title: "Root user not used recently", severity: "low", scope: "MEM", info: true, guidance: [`${DOC}/IAM/latest/UserGuide/root-user-best-practices.html`], cis14: ["1.7"], cis30: ["1.7"], prowler: ["iam_avoid_root_usage"] },
  { id: "i2.idp_mfa_attested", item: 2, title: "MFA enforced at the IdP / Identity Center", severity: "medium", scope: "MEM", manual: true, guidance: [`${DOC}/singlesignon/latest/userguide/mfa-getting-started.html`], cis14: ["1.21"], prowler: ["iam_check_saml_providers_sts"] },

  // Item 3 — no hard-coded secrets
  { id: "i3.lambda_env_secrets", item: 3, title: "No secrets in Lambda environment variables", severity: "critical", scope: "MEM", guidance: [`${DOC}/secretsmanager/latest/userguide/retrieving-secrets_lambda.html`], prowler: ["awslambda_function_no_secrets_in_variables"] },
  { id: "i3.ecs_env_secrets", item: 3, title: "No secrets in ECS task definition environments", severity: "critical", scope: "MEM", guidance: [`${DOC}/AmazonECS/latest/developerguide/specifying-sensitive-data.html`], securityHub: ["ECS.8"], prowler: ["ecs_task_definitions_no_environment_secrets"] },
  { id: "i3.ec2_userdata_secrets", item: 3, title: "No secrets in EC2 user data", severity: "high", scope: "MEM", guidance: [`${DOC}/AWSEC2/latest/UserGuide/user-data.html`], prowler: ["ec2_instance_secrets_user_data", "ec2_launch_template_no_secrets"] },
  { id: "i3.codebuild_plaintext_secrets", item: 3, title: "No secrets in CodeBuild plaintext variables", severity: "critical", scope: "MEM", guidance: [`${DOC}/codebuild/latest/userguide/build-spec-ref.html`], securityHub: ["CodeBuild.2"], prowler: ["codebuild_project_no_secrets_in_variables"] },
  { id: "i3.secrets_rotation", item: 3, title: "Secrets Manager secrets rotate", severity: "medium", scope: "MEM", guidance: [`${DOC}/secretsmanager/latest/userguide/rotating-secrets.html`], securityHub: ["SecretsManager.1", "SecretsManager.2", "SecretsManager.4"], prowler: ["secretsmanager_automatic_rotation_enabled", "secretsmanager_secret_rotated_periodically"] },
  { id: "i3.secret_store_in_use", item: 3, title: "A secret store is in use", severity: "low", scope: "MEM", info: true, guidance: [], blogItem: 3 },

  // Item 4 — limit security groups
  { id: "i4.sg_all_ports_open", item: 4, title: "No security group open to the internet on all ports", severity: "critical", scope: "MEM", guidance: [SG_DOC], securityHub: ["EC2.18", "EC2.19"], cis14: ["5.2"], cis30: ["5.2", "5.3"], prowler: [`${SG_PROWLER}_all_ports`] },
  { id: "i4.sg_admin_ports_open", item: 4, title: "No admin ports (22, 3389) open to the internet", severity: "high", scope: "MEM", guidance: [SG_DOC], securityHub: ["EC2.13", "EC2.14", "EC2.53", "EC2.54"], cis14: ["5.2"], cis30: ["5.2", "5.3"], prowler: [`${SG_PROWLER}_tcp_port_22`, `${SG_PROWLER}_tcp_port_3389`] },
  { id: "i4.sg_db_highrisk_ports_open", item: 4, title: "No database / high-risk ports open to the internet", severity: "high", scope: "MEM", guidance: [SG_DOC], securityHub: ["EC2.19"], prowler: [`${SG_PROWLER}_high_risk_tcp_ports`] },
  { id: "i4.sg_other_ports_open", item: 4, title: "No other unauthorised ports open to the internet", severity: "medium", scope: "MEM", guidance: [SG_DOC], securityHub: ["EC2.18"], prowler: [`${SG_PROWLER}_any_port`] },
  { id: "i4.default_sg_restricted", item: 4, title: "Default security groups have no rules", severity: "medium", scope: "MEM", guidance: [`${DOC}/vpc/latest/userguide/default-security-group.html`], securityHub: ["EC2.2"], cis14: ["5.3"], cis30: ["5.4"], prowler: ["ec2_securitygroup_default_restrict_traffic"] },
  { id: "i4.sg_unknown_public_source", item: 4, title: "Public sources are known network ranges", severity: "low", scope: "MEM", guidance: [], blogItem: 4, prowler: ["ec2_securitygroup_allow_wide_open_public_ipv4"] },

  // Item 5 — intentional data policies
  { id: "i5.account_s3_bpa", item: 5, title: "Account-level S3 Block Public Access is on", severity: "high", scope: "MEM", guidance: [S3_BPA_DOC], securityHub: ["S3.1"], cis14: ["2.1.5"], cis30: ["2.1.4"], prowler: ["s3_account_level_public_access_blocks"] },
  { id: "i5.public_buckets_intentional", item: 5, title: "Public buckets only in public-data accounts", severity: "critical", scope: "MEM", guidance: [S3_BPA_DOC], securityHub: ["S3.2", "S3.3", "S3.8"], cis14: ["2.1.5"], cis30: ["2.1.4"], prowler: ["s3_bucket_public_access", "s3_bucket_level_public_access_block", "s3_bucket_policy_public_write_access"] },
  { id: "i5.classification_tagged", item: 5, title: "Account has a data-classification tag", severity: "medium", scope: "MGMT", guidance: [`${DOC}/organizations/latest/userguide/orgs_tagging.html`], prowler: ["organizations_tags_policies_enabled_and_attached"] },
  { id: "i5.kms_key_not_public", item: 5, title: "No KMS key policy open to everyone", severity: "critical", scope: "MEM", guidance: [`${DOC}/kms/latest/developerguide/key-policies.html`], securityHub: ["KMS.5"], prowler: ["kms_key_not_publicly_accessible"] },
  { id: "i5.kms_encrypt_decrypt_separated", item: 5, title: "KMS encrypt and decrypt are separated", severity: "low", scope: "MEM", guidance: [], blogItem: 5, securityHub: ["KMS.1", "KMS.2"], prowler: ["iam_policy_no_full_access_to_kms", "iam_inline_policy_no_full_access_to_kms"] },
  { id: "i5.macie_enabled", item: 5, title: "Macie is enabled", severity: "low", scope: "MEM", optional: true, guidance: [`${DOC}/macie/latest/user/what-is-macie.html`], securityHub: ["Macie.1"], cis14: ["2.1.4"], cis30: ["2.1.3"], prowler: ["macie_is_enabled"] },
  { id: "i5.classification_attested", item: 5, title: "Data-classification policy attested", severity: "medium", scope: "MEM", manual: true, guidance: [], blogItem: 5 },

  // Item 6 — centralized CloudTrail
  { id: "i6.trail_all_regions_logging", item: 6, title: "A multi-Region trail logs management events", severity: "high", scope: "MEM", guidance: [`${DOC}/awscloudtrail/latest/userguide/creating-trail-organization.html`], securityHub: ["CloudTrail.1", "CloudTrail.3"], cis14: ["3.1"], cis30: ["3.1"], prowler: ["cloudtrail_multi_region_enabled", "cloudtrail_multi_region_enabled_logging_management_events"] },
  { id: "i6.trail_centralized", item: 6, title: "Trail logs go to a separate Log Archive account", severity: "high", scope: "MEM", guidance: [`${DOC}/prescriptive-guidance/latest/security-reference-architecture/log-archive.html`] },
  { id: "i6.log_file_validation", item: 6, title: "Log file validation is on", severity: "medium", scope: "MEM", guidance: [`${DOC}/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html`], securityHub: ["CloudTrail.4"], cis14: ["3.2"], cis30: ["3.2"], prowler: ["cloudtrail_log_file_validation_enabled"] },
  { id: "i6.kms_encryption", item: 6, title: "Trail logs are encrypted with KMS", severity: "medium", scope: "MEM", guidance: [`${DOC}/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html`], securityHub: ["CloudTrail.2"], cis14: ["3.7"], cis30: ["3.5"], prowler: ["cloudtrail_kms_encryption_enabled"] },
  { id: "i6.log_bucket_deletion_protected", item: 6, title: "Log bucket is protected from deletion", severity: "high", scope: "LA", guidance: [`${DOC}/AmazonS3/latest/userguide/object-lock.html`], securityHub: ["S3.15", "S3.20"], cis14: ["2.1.3"], cis30: ["2.1.2"], prowler: ["s3_bucket_object_lock", "cloudtrail_bucket_requires_mfa_delete"] },
  { id: "i6.log_bucket_not_public", item: 6, title: "Log bucket is not public", severity: "critical", scope: "LA", guidance: [S3_BPA_DOC], securityHub: ["CloudTrail.6"], cis14: ["3.3"], prowler: ["cloudtrail_logs_s3_bucket_is_not_publicly_accessible"] },
  { id: "i6.trail_tamper_protected", item: 6, title: "Trail cannot be stopped from the account", severity: "medium", scope: "ORG", guidance: [`${DOC}/organizations/latest/userguide/orgs_manage_policies_scps.html`] },

  // Item 7 — validate IAM roles
  { id: "i7.access_analyzer_enabled", item: 7, title: "IAM Access Analyzer covers every Region", severity: "medium", scope: "MEM", guidance: [ANALYZER_DOC], securityHub: ["IAM.28"], cis14: ["1.20"], cis30: ["1.20"], prowler: ["accessanalyzer_enabled"] },
  { id: "i7.external_access_findings", item: 7, title: "No unreviewed external access", severity: "high", scope: "MEM", guidance: [`${DOC}/IAM/latest/UserGuide/access-analyzer-findings.html`], prowler: ["accessanalyzer_enabled_without_findings"] },
  { id: "i7.unused_roles", item: 7, title: "No unused IAM roles", severity: "medium", scope: "MEM", guidance: [`${DOC}/IAM/latest/UserGuide/access_policies_access-advisor.html`] },
  { id: "i7.unused_access_analyzer", item: 7, title: "An unused-access analyzer exists", severity: "low", scope: "MEM", optional: true, info: true, guidance: [ANALYZER_DOC] },

  // Item 8 — act on findings
  { id: "i8.securityhub_enabled", item: 8, title: "Security Hub is enabled with a standard", severity: "high", scope: "MEM", guidance: [`${DOC}/securityhub/latest/userguide/securityhub-settingup.html`], cis30: ["4.16"], prowler: ["securityhub_enabled"] },
  { id: "i8.guardduty_enabled", item: 8, title: "GuardDuty is enabled", severity: "high", scope: "MEM", guidance: [`${DOC}/guardduty/latest/ug/guardduty_settingup.html`], securityHub: ["GuardDuty.1"], prowler: ["guardduty_is_enabled"] },
  { id: "i8.guardduty_findings_sla", item: 8, title: "GuardDuty high findings handled within SLA", severity: "high", scope: "MEM", guidance: [`${DOC}/guardduty/latest/ug/guardduty_findings-severity.html`], prowler: ["guardduty_no_high_severity_findings"] },
  { id: "i8.securityhub_findings_sla", item: 8, title: "Security Hub critical/high findings handled within SLA", severity: "high", scope: "MEM", guidance: [`${DOC}/securityhub/latest/userguide/securityhub-findings.html`] },
  { id: "i8.findings_automation", item: 8, title: "Findings trigger automation", severity: "low", scope: "MEM", guidance: [`${DOC}/securityhub/latest/userguide/securityhub-cloudwatch-events.html`] },

  // Item 9 — rotate keys
  { id: "i9.access_key_age", item: 9, title: "Access keys rotated within 90 days", severity: "medium", scope: "MEM", guidance: [ACCESS_KEYS_DOC], securityHub: ["IAM.3"], cis14: ["1.14"], cis30: ["1.14"], prowler: ["iam_rotate_access_key_90_days"] },
  { id: "i9.unused_access_keys", item: 9, title: "No unused access keys or passwords", severity: "medium", scope: "MEM", guidance: [`${DOC}/IAM/latest/UserGuide/id_credentials_finding-unused.html`], securityHub: ["IAM.22", "IAM.8"], cis14: ["1.12"], cis30: ["1.12"], prowler: ["iam_user_accesskey_unused", "iam_user_console_access_unused"] },
  { id: "i9.single_active_key", item: 9, title: "At most one active key per user", severity: "low", scope: "MEM", guidance: [ACCESS_KEYS_DOC], cis14: ["1.13"], cis30: ["1.13"], prowler: ["iam_user_two_active_access_key"] },
  { id: "i9.root_access_keys", item: 9, title: "Root user has no access keys", severity: "critical", scope: "MEM", guidance: [`${DOC}/IAM/latest/UserGuide/id_root-user_manage_delete-key.html`], securityHub: ["IAM.4"], cis14: ["1.4"], cis30: ["1.4"], prowler: ["iam_no_root_access_key"] },
  { id: "i9.long_term_keys_present", item: 9, title: "No long-term IAM user keys", severity: "low", scope: "MEM", info: true, guidance: [`${DOC}/IAM/latest/UserGuide/best-practices.html`], cis14: ["1.21"], prowler: ["iam_user_with_temporary_credentials"] },

  // Item 10 — be involved in the dev cycle
  { id: "i10.container_image_scanning", item: 10, title: "Container images are scanned", severity: "medium", scope: "MEM", guidance: [`${DOC}/inspector/latest/user/scanning-ecr.html`], securityHub: ["Inspector.2", "ECR.1"], prowler: ["inspector2_is_enabled", "ecr_registry_scan_images_on_push_enabled"] },
  { id: "i10.lambda_scanning", item: 10, title: "Lambda functions are scanned", severity: "medium", scope: "MEM", guidance: [`${DOC}/inspector/latest/user/scanning-lambda.html`], securityHub: ["Inspector.4", "Inspector.3"], prowler: ["inspector2_is_enabled"] },
  { id: "i10.inspector_critical_findings", item: 10, title: "No stale critical Inspector findings", severity: "medium", scope: "MEM", optional: true, guidance: [`${DOC}/inspector/latest/user/findings-understanding.html`], prowler: ["inspector2_active_findings_exist"] },
  { id: "i10.dev_cycle_attested", item: 10, title: "Security is involved in the dev cycle (attested)", severity: "medium", scope: "MEM", manual: true, guidance: [], blogItem: 10 },
] as const satisfies readonly CheckDef[];

export type CheckId = (typeof CHECKS)[number]["id"];

export const CHECK_BY_ID = Object.fromEntries(CHECKS.map((c): [string, CheckDef] => [c.id, c])) as Readonly<
  Record<CheckId, CheckDef>
>;

export const getCheck = (id: CheckId): CheckDef => CHECK_BY_ID[id];

export const checksOfItem = (item: number): readonly CheckDef[] => CHECKS.filter((c) => c.item === item);
