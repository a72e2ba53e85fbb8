import { isRegionCode } from "@/lib/region-code";
import type { ResourceRef } from "@/lib/scoring/types";

// Deep links into the AWS console for the resources check results name (ResourceRef.kind). Where the
// exact page fragment is not certain, the link opens the service page that lists the resource in its Region.

export type ConsoleLink = { label: string; url: string };

export type ConsoleLinkContext = {
  /** The account the resource lives in. */
  accountId: string;
  /** Fallback Region when neither the resource nor its ARN carries one. */
  region?: string;
  /** The check that emitted the resource: disambiguates kinds shared by several checks ("account", "region"). */
  checkId?: string;
};

const GLOBAL = "https://console.aws.amazon.com";
const IAM = `${GLOBAL}/iam/home`;
const regional = (region: string) => `https://${region}.console.aws.amazon.com`;
const enc = encodeURIComponent;

type Arn = { partition: string; service: string; region: string; account: string; resource: string };

/** `arn:partition:service:region:account:resource` (the resource part may itself contain colons). */
export const parseArn = (value: string): Arn | undefined => {
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition = "", service = "", region = "", account = ""] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(":") };
};

/** The last segment of an IAM resource path: `user/path/alice` → `alice`. */
const iamName = (resource: string) => resource.slice(resource.lastIndexOf("/") + 1);

/** Secrets Manager appends `-` and six random characters to the name in the ARN. */
const secretName = (resource: string) => resource.replace(/^secret:/, "").replace(/-[A-Za-z0-9]{6}$/, "");

const iamPrincipalLink = (arnText: string, section: string, what: string): ConsoleLink | null => {
  const arn = parseArn(arnText);
  if (!arn || arn.service !== "iam") return null;
  const name = iamName(arn.resource);
  if (arn.resource.startsWith("user/")) return { label: `${what} of IAM user ${name}`, url: `${IAM}#/users/details/${enc(name)}?section=${section}` };
  if (arn.resource.startsWith("role/")) return { label: `${what} of IAM role ${name}`, url: `${IAM}#/roles/details/${enc(name)}?section=${section}` };
  if (arn.resource.startsWith("group/")) return { label: `${what} of IAM group ${name}`, url: `${IAM}#/groups/details/${enc(name)}?section=${section}` };
  return null;
};

const regionOf = (resource: ResourceRef, context: ConsoleLinkContext): string | undefined => {
  const fromArn = parseArn(resource.id)?.region;
  return resource.region ?? (fromArn !== undefined && fromArn !== "" ? fromArn : undefined) ?? context.region;
};

/**
 * The Region goes into the console's host name and query unencoded, and comes from scan data (a resource's
 * Region, an ARN): anything not shaped like a Region code counts as no Region, so it can never pick the host.
 */
const linkRegion = (region: string | undefined): string | undefined => (isRegionCode(region) ? region : undefined);

const accountLink = (resource: ResourceRef, context: ConsoleLinkContext): ConsoleLink => {
  const accountId = resource.id || context.accountId;
  const detail = resource.detail ?? "";
  if (context.checkId === "i5.account_s3_bpa" || /block public access/i.test(detail))
    return { label: "S3 Block Public Access settings for this account", url: `${GLOBAL}/s3/settings` };
  if (context.checkId === "i6.trail_tamper_protected")
    return { label: "Service control policies (management account)", url: `${GLOBAL}/organizations/v2/home/policies/service-control-policy` };
  return { label: `Account ${accountId} in AWS Organizations (management account)`, url: `${GLOBAL}/organizations/v2/home/accounts/${enc(accountId)}` };
};

type Builder = (resource: ResourceRef, context: ConsoleLinkContext, region: string | undefined) => ConsoleLink | null;

const needRegion =
  (build: (resource: ResourceRef, context: ConsoleLinkContext, region: string) => ConsoleLink | null): Builder =>
  (resource, context, region) =>
    region === undefined ? null : build(resource, context, region);

const BUILDERS: Record<string, Builder> = {
  "iam-user": (r) => iamPrincipalLink(r.id, "security_credentials", "Security credentials"),
  "access-key": (r) => iamPrincipalLink(r.id.split("#")[0] ?? r.id, "security_credentials", "Access keys"),
  "iam-role": (r) => {
    const arn = parseArn(r.id);
    const name = arn ? iamName(arn.resource) : r.id;
    return { label: `IAM role ${name}`, url: `${IAM}#/roles/details/${enc(name)}` };
  },
  "iam-policy": (r) => ({ label: `IAM policy ${iamName(parseArn(r.id)?.resource ?? r.id)}`, url: `${IAM}#/policies/details/${enc(r.id)}` }),
  "iam-inline-policy": (r) => iamPrincipalLink(r.id.split("#")[0] ?? r.id, "permissions", "Inline policies"),
  "root-user": () => ({ label: "Root user security credentials (sign in as the root user)", url: `${IAM}#/security_credentials` }),
  "alternate-contact": () => ({ label: "Alternate contacts on the Account page", url: `${GLOBAL}/billing/home#/account` }),
  account: (r, c) => accountLink(r, c),
  "s3-bucket": (r, _c, region) => ({
    label: `S3 bucket ${r.id} (Permissions tab)`,
    url: `https://s3.console.aws.amazon.com/s3/buckets/${enc(r.id)}?${region ? `region=${enc(region)}&` : ""}tab=permissions`,
  }),
  "security-group": needRegion((r, _c, region) => ({
    label: `Security group ${r.id} in ${region}`,
    url: `${regional(region)}/ec2/home?region=${region}#SecurityGroup:groupId=${enc(r.id)}`,
  })),
  "kms-key": needRegion((r, _c, region) => {
    const keyId = parseArn(r.id)?.resource.replace(/^key\//, "") ?? r.id;
    return { label: `KMS key ${keyId} in ${region}`, url: `${regional(region)}/kms/home?region=${region}#/kms/keys/${enc(keyId)}` };
  }),
  trail: needRegion((r, _c, region) => ({
    label: `CloudTrail trail ${iamName(parseArn(r.id)?.resource ?? r.id)} (home Region ${region})`,
    url: `${regional(region)}/cloudtrail/home?region=${region}#/trails/${enc(r.id)}`,
  })),
  "lambda-function": needRegion((r, _c, region) => {
    const name = parseArn(r.id)?.resource.split(":")[1] ?? r.id;
    return { label: `Lambda function ${name}: configuration`, url: `${regional(region)}/lambda/home?region=${region}#/functions/${enc(name)}?tab=configure` };
  }),
  "ecs-task-definition": needRegion((r, _c, region) => {
    const [family = r.id, revision] = (parseArn(r.id)?.resource.replace(/^task-definition\//, "") ?? r.id).split(":");
    const path = revision ? `${enc(family)}/${enc(revision)}/containers` : enc(family);
    return { label: `ECS task definition ${family}${revision ? `:${revision}` : ""}`, url: `${regional(region)}/ecs/v2/task-definitions/${path}?region=${region}` };
  }),
  "ec2-user-data": needRegion((r, _c, region) => {
    const resource = parseArn(r.id)?.resource ?? r.id;
    const base = `${regional(region)}/ec2/home?region=${region}`;
    if (resource.startsWith("launch-template/") || resource.startsWith("lt-")) {
      const id = resource.replace(/^launch-template\//, "");
      return { label: `Launch template ${id}`, url: `${base}#LaunchTemplateDetails:launchTemplateId=${enc(id)}` };
    }
    const id = resource.replace(/^instance\//, "");
    return { label: `EC2 instance ${id} (Actions → Instance settings → Edit user data)`, url: `${base}#InstanceDetails:instanceId=${enc(id)}` };
  }),
  "codebuild-project": needRegion((r, _c, region) => {
    const name = parseArn(r.id)?.resource.replace(/^project\//, "") ?? r.id;
    return { label: `CodeBuild project ${name}`, url: `${regional(region)}/codesuite/codebuild/projects/${enc(name)}?region=${region}` };
  }),
  secret: needRegion((r, _c, region) => {
    const arn = parseArn(r.id);
    const name = arn ? secretName(arn.resource) : r.id;
    return { label: `Secrets Manager secret ${name}`, url: `${regional(region)}/secretsmanager/secret?name=${enc(name)}&region=${region}` };
  }),
  "access-analyzer-finding": needRegion((_r, _c, region) => ({
    label: `IAM Access Analyzer findings in ${region}`,
    url: `${regional(region)}/access-analyzer/home?region=${region}#/findings`,
  })),
  region: needRegion((_r, c, region) =>
    c.checkId === undefined || c.checkId.startsWith("i7.")
      ? { label: `IAM Access Analyzer in ${region}`, url: `${regional(region)}/access-analyzer/home?region=${region}` }
      : { label: `AWS console in ${region}`, url: `${regional(region)}/console/home?region=${region}` },
  ),
  "securityhub-finding": needRegion((_r, _c, region) => ({
    label: `Security Hub findings in ${region}`,
    url: `${regional(region)}/securityhub/home?region=${region}#/findings`,
  })),
  "guardduty-finding": needRegion((r, _c, region) => ({
    label: `GuardDuty finding ${r.id}`,
    url: `${regional(region)}/guardduty/home?region=${region}#/findings?macros=current&fId=${enc(r.id)}`,
  })),
  "inspector-finding": needRegion((_r, _c, region) => ({
    label: `Amazon Inspector findings in ${region}`,
    url: `${regional(region)}/inspector/v2/home?region=${region}#/findings/all`,
  })),
  "lambda-region": needRegion((_r, _c, region) => ({
    label: `Amazon Inspector settings in ${region} (activate Lambda scanning)`,
    url: `${regional(region)}/inspector/v2/home?region=${region}`,
  })),
  "ecr-registry": needRegion((_r, _c, region) => ({
    label: `ECR private registry in ${region} (Settings → Scanning)`,
    url: `${regional(region)}/ecr/private-registry/repositories?region=${region}`,
  })),
  "eventbridge-rule": needRegion((r, _c, region) => ({
    label: `EventBridge rule ${r.id}`,
    url: `${regional(region)}/events/home?region=${region}#/eventbus/default/rules/${enc(r.id)}`,
  })),
};

/** Resource kinds that consoleLinkFor knows. */
export const LINKED_KINDS = Object.keys(BUILDERS);

/**
 * A console link to the resource behind a result, or null when the kind is unknown or a regional resource
 * has no Region. Regional kinds whose id is the Region itself ("region", "ecr-registry", "lambda-region") use it.
 */
export const consoleLinkFor = (resource: ResourceRef, context: ConsoleLinkContext): ConsoleLink | null => {
  const build = BUILDERS[resource.kind];
  if (!build) return null;
  const idIsRegion = resource.kind === "region" || resource.kind === "ecr-registry" || resource.kind === "lambda-region";
  const region = linkRegion(idIsRegion ? (resource.region ?? resource.id) : regionOf(resource, context));
  return build(resource, context, region);
};

/**
 * IAM Identity Center shortcut link: signs the user into `accountId` with the permission set `roleName`
 * and opens `destination` (a console URL). `startUrl` is the AWS access portal URL, e.g.
 * `https://d-1234567890.awsapps.com/start`.
 */
export const ssoShortcut = (startUrl: string, accountId: string, roleName: string, destination: string): string => {
  const base = startUrl.replace(/#.*$/, "").replace(/\/+$/, "");
  const query = `account_id=${enc(accountId)}&role_name=${enc(roleName)}&destination=${enc(destination)}`;
  return `${base}/#/console?${query}`;
};

type CheckPage = (region: string, accountId: string) => ConsoleLink;

const page =
  (label: string, path: (region: string) => string, opts: { global?: boolean } = {}): CheckPage =>
  (region) => ({ label: opts.global ? label : `${label} in ${region}`, url: opts.global ? `${GLOBAL}${path(region)}` : `${regional(region)}${path(region)}` });

const ACCOUNT_PAGE = page("Account page (alternate contacts)", () => "/billing/home#/account", { global: true });
const ROOT_PAGE = page("Root user security credentials (sign in as the root user)", () => "/iam/home#/security_credentials", { global: true });
const USERS_PAGE = page("IAM users", () => "/iam/home#/users", { global: true });
const SG_PAGE = page("Security groups", (r) => `/ec2/home?region=${r}#SecurityGroups:`);
const TRAILS_PAGE = page("CloudTrail trails", (r) => `/cloudtrail/home?region=${r}#/trails`);
const S3_PAGE = page("Amazon S3 buckets", () => "/s3/home", { global: true });
const ANALYZER_PAGE = page("IAM Access Analyzer", (r) => `/access-analyzer/home?region=${r}`);
const INSPECTOR_PAGE = page("Amazon Inspector", (r) => `/inspector/v2/home?region=${r}`);
const SECURITY_HUB_PAGE = page("Security Hub", (r) => `/securityhub/home?region=${r}`);
const GUARDDUTY_PAGE = page("GuardDuty", (r) => `/guardduty/home?region=${r}`);
const ORG_ACCOUNT_PAGE: CheckPage = (_r, accountId) => ({
  label: `Account ${accountId} in AWS Organizations (management account)`,
  url: `${GLOBAL}/organizations/v2/home/accounts/${enc(accountId)}`,
});

/** Where each check is fixed, for results that name no resource (e.g. a service off in a Region). */
const CHECK_PAGES: Record<string, CheckPage> = {
  "i1.security_contact": ACCOUNT_PAGE,
  "i1.billing_contact": ACCOUNT_PAGE,
  "i1.operations_contact": ACCOUNT_PAGE,
  "i1.contacts_distinct_shared": ACCOUNT_PAGE,
  "i1.contacts_attested": ACCOUNT_PAGE,
  "i2.root_mfa": ROOT_PAGE,
  "i2.root_hardware_mfa": ROOT_PAGE,
  "i2.console_users_mfa": USERS_PAGE,
  "i2.org_root_access_centralized": page("IAM console of the management account (Root access management)", () => "/iam/home", { global: true }),
  "i2.root_recent_use": page("CloudTrail event history", (r) => `/cloudtrail/home?region=${r}#/events`),
  "i2.idp_mfa_attested": page("IAM Identity Center", (r) => `/singlesignon/home?region=${r}`),
  "i3.lambda_env_secrets": page("Lambda functions", (r) => `/lambda/home?region=${r}#/functions`),
  "i3.ecs_env_secrets": page("ECS task definitions", (r) => `/ecs/v2/task-definitions?region=${r}`),
  "i3.ec2_userdata_secrets": page("EC2 instances", (r) => `/ec2/home?region=${r}#Instances:`),
  "i3.codebuild_plaintext_secrets": page("CodeBuild projects", (r) => `/codesuite/codebuild/projects?region=${r}`),
  "i3.secrets_rotation": page("Secrets Manager", (r) => `/secretsmanager/listsecrets?region=${r}`),
  "i3.secret_store_in_use": page("Secrets Manager", (r) => `/secretsmanager/listsecrets?region=${r}`),
  "i4.sg_all_ports_open": SG_PAGE,
  "i4.sg_admin_ports_open": SG_PAGE,
  "i4.sg_db_highrisk_ports_open": SG_PAGE,
  "i4.sg_other_ports_open": SG_PAGE,
  "i4.default_sg_restricted": SG_PAGE,
  "i4.sg_unknown_public_source": SG_PAGE,
  "i5.account_s3_bpa": page("S3 Block Public Access settings for this account", () => "/s3/settings", { global: true }),
  "i5.public_buckets_intentional": S3_PAGE,
  "i5.classification_tagged": ORG_ACCOUNT_PAGE,
  "i5.kms_key_not_public": page("KMS customer managed keys", (r) => `/kms/home?region=${r}#/kms/keys`),
  "i5.kms_encrypt_decrypt_separated": page("KMS customer managed keys", (r) => `/kms/home?region=${r}#/kms/keys`),
  "i5.macie_enabled": page("Amazon Macie", (r) => `/macie/home?region=${r}`),
  "i5.classification_attested": ORG_ACCOUNT_PAGE,
  "i6.trail_all_regions_logging": TRAILS_PAGE,
  "i6.trail_centralized": TRAILS_PAGE,
  "i6.log_file_validation": TRAILS_PAGE,
  "i6.kms_encryption": TRAILS_PAGE,
  "i6.log_bucket_deletion_protected": S3_PAGE,
  "i6.log_bucket_not_public": S3_PAGE,
  "i6.trail_tamper_protected": page("Service control policies (management account)", () => "/organizations/v2/home/policies/service-control-policy", { global: true }),
  "i7.access_analyzer_enabled": ANALYZER_PAGE,
  "i7.external_access_findings": page("IAM Access Analyzer findings", (r) => `/access-analyzer/home?region=${r}#/findings`),
  "i7.unused_roles": page("IAM roles", () => "/iam/home#/roles", { global: true }),
  "i7.unused_access_analyzer": ANALYZER_PAGE,
  "i8.securityhub_enabled": SECURITY_HUB_PAGE,
  "i8.guardduty_enabled": GUARDDUTY_PAGE,
  "i8.guardduty_findings_sla": page("GuardDuty findings", (r) => `/guardduty/home?region=${r}#/findings?macros=current`),
  "i8.securityhub_findings_sla": page("Security Hub findings", (r) => `/securityhub/home?region=${r}#/findings`),
  "i8.findings_automation": page("EventBridge rules", (r) => `/events/home?region=${r}#/rules`),
  "i9.access_key_age": USERS_PAGE,
  "i9.unused_access_keys": USERS_PAGE,
  "i9.single_active_key": USERS_PAGE,
  "i9.root_access_keys": ROOT_PAGE,
  "i9.long_term_keys_present": USERS_PAGE,
  "i10.container_image_scanning": INSPECTOR_PAGE,
  "i10.lambda_scanning": INSPECTOR_PAGE,
  "i10.inspector_critical_findings": page("Amazon Inspector findings", (r) => `/inspector/v2/home?region=${r}#/findings/all`),
};

/** Region used for a check page when the context names none (global services sign in us-east-1). */
export const DEFAULT_CONSOLE_REGION = "us-east-1";

/**
 * The console page where a check is fixed, for results that list no resource (a service off in a
 * Region, no trail at all). Null for checks fixed outside the console (the dev-cycle attestation).
 */
export const checkConsoleLink = (checkId: string, context: { accountId: string; region?: string }): ConsoleLink | null =>
  CHECK_PAGES[checkId]?.(linkRegion(context.region) ?? DEFAULT_CONSOLE_REGION, context.accountId) ?? null;
