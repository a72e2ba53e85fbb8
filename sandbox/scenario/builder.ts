// Builder: tests state only what they care about and get sensible (compliant) defaults for the rest.
import type { RoleDetail } from "@aws-sdk/client-iam";
import type { IpPermission, SecurityGroup } from "@aws-sdk/client-ec2";
import type { Finding as InspectorFinding, State } from "@aws-sdk/client-inspector2";
import { hashString } from "../prng";
import { DEFAULT_REGIONS } from "../regions";
import { daysAgo, isoDaysAgo } from "./clock";
import type { AccessKeyData, AccountData, BucketData, IamUserData, OrganizationData, RegionData, RootData, Scenario, ScannerIdentity } from "./types";

export const DEFAULT_CLOCK = new Date("2026-11-29T10:00:00Z");
export const MANAGEMENT_ACCOUNT_ID = "111111111111";
export const MANAGEMENT_ACCESS_KEY_ID = "AKIASANDBOXMGMT00001";
export const MANAGEMENT_SECRET_ACCESS_KEY = "sandbox/management/secret/not-a-real-key00";
export const DEFAULT_ROLE_NAME = "TenfoldReadOnly";
export const DEFAULT_EXTERNAL_ID = "tenfold-sandbox-external-id";
export const SCANNER_ROLE_NAME = "TenfoldScanner";

export interface ScenarioInit {
  clock?: Date;
  seed?: number;
  managementAccountId?: string;
  managementName?: string;
  roleName?: string;
  externalId?: string;
  credentialReportDelayMs?: number;
  /** false = a standalone account without an organization. */
  organization?: boolean;
  /** Extra fields for the management account. */
  management?: AccountInit;
}

export type AccountInit = Partial<Omit<AccountData, "iam" | "s3" | "regions">> & {
  root?: Partial<RootData>;
  users?: IamUserData[];
  roles?: RoleDetail[];
  iam?: Partial<AccountData["iam"]>;
  s3?: Partial<AccountData["s3"]>;
  regions?: Record<string, Partial<RegionData>>;
};

/** A new scenario with its management account (and, by default, an organization with a root). */
export function createScenario(init: ScenarioInit = {}): Scenario {
  const clock = new Date(init.clock ?? DEFAULT_CLOCK);
  const mgmtId = init.managementAccountId ?? MANAGEMENT_ACCOUNT_ID;
  const org: OrganizationData | undefined =
    init.organization === false
      ? undefined
      : {
          id: "o-sandbox0001",
          featureSet: "ALL",
          rootId: "r-sbx1",
          ous: [],
          policies: [
            {
              summary: { Id: "p-FullAWSAccess", Name: "FullAWSAccess", Description: "Allows access to every operation", Type: "SERVICE_CONTROL_POLICY", AwsManaged: true },
              content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
              targets: ["r-sbx1"],
            },
          ],
          delegatedAdministrators: [],
          serviceAccess: [
            { servicePrincipal: "account.amazonaws.com", since: daysAgo(clock, 400) },
            { servicePrincipal: "iam.amazonaws.com", since: daysAgo(clock, 400) },
          ],
          rootFeatures: ["RootCredentialsManagement"],
        };
  const s: Scenario = {
    clock,
    seed: init.seed ?? 42,
    management: {
      accountId: mgmtId,
      accessKeyId: MANAGEMENT_ACCESS_KEY_ID,
      secretAccessKey: MANAGEMENT_SECRET_ACCESS_KEY,
      principalArn: `arn:aws:iam::${mgmtId}:user/tenfold-scanner`,
    },
    access: { roleName: init.roleName ?? DEFAULT_ROLE_NAME, externalId: init.externalId ?? DEFAULT_EXTERNAL_ID },
    credentialReportDelayMs: init.credentialReportDelayMs ?? 20,
    organization: org,
    accounts: {},
  };
  addAccount(s, { id: mgmtId, name: init.managementName ?? "management", joinedMethod: "CREATED", ...init.management });
  return s;
}

let nextAccount = 200000000000;
let nextKey = 1;

/** The Tenfold role every account has by default, recently used by the scanner. */
export function tenfoldRole(s: Scenario, accountId: string): RoleDetail {
  return role(s, accountId, s.access.roleName, { createdDaysAgo: 300, lastUsedDaysAgo: 1 });
}

export function role(s: Scenario, accountId: string, name: string, o: { createdDaysAgo?: number; lastUsedDaysAgo?: number | null; path?: string } = {}): RoleDetail {
  const path = o.path ?? "/";
  return {
    Path: path,
    RoleName: name,
    RoleId: `AROA${accountId}${name.length.toString().padStart(5, "0")}`,
    Arn: `arn:aws:iam::${accountId}:role${path}${name}`,
    CreateDate: daysAgo(s.clock, o.createdDaysAgo ?? 200),
    AssumeRolePolicyDocument: encodeURIComponent(
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${s.management.accountId}:root` }, Action: "sts:AssumeRole" }] }),
    ),
    InstanceProfileList: [],
    RolePolicyList: [],
    AttachedManagedPolicies: [],
    Tags: [],
    RoleLastUsed: o.lastUsedDaysAgo === null || o.lastUsedDaysAgo === undefined ? {} : { LastUsedDate: daysAgo(s.clock, o.lastUsedDaysAgo), Region: "us-east-1" },
  };
}

/** Adds (or replaces) an account with compliant defaults; returns it for further edits. */
export function addAccount(s: Scenario, init: AccountInit = {}): AccountData {
  const id = init.id ?? String(nextAccount++);
  const name = init.name ?? `account-${id}`;
  const { root, users, roles, iam, s3, regions, ...rest } = init;
  const a: AccountData = {
    id,
    name,
    email: `aws+${name}@example.com`,
    state: "ACTIVE",
    joinedAt: daysAgo(s.clock, 500),
    joinedMethod: "CREATED",
    parentId: s.organization?.rootId ?? "",
    tags: {},
    createdAt: daysAgo(s.clock, 500),
    assumeRole: { allowed: true },
    enabledRegions: [...DEFAULT_REGIONS],
    contacts: {
      SECURITY: { AlternateContactType: "SECURITY", EmailAddress: "security@example.com", Name: "Security Team", PhoneNumber: "+1-555-0100", Title: "Security" },
      BILLING: { AlternateContactType: "BILLING", EmailAddress: "billing@example.com", Name: "Finance Team", PhoneNumber: "+1-555-0101", Title: "Billing" },
      OPERATIONS: { AlternateContactType: "OPERATIONS", EmailAddress: "aws-ops@example.com", Name: "Platform Team", PhoneNumber: "+1-555-0102", Title: "Operations" },
    },
    ...rest,
    iam: {
      root: { hasPassword: true, passwordLastUsed: undefined, mfa: "hardware", accessKeys: [], ...root },
      users: users ?? [],
      roles: roles ?? [tenfoldRole(s, id)],
      policies: [],
      samlProviders: [],
      oidcProviders: [],
      ...iam,
    },
    s3: {
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      buckets: [],
      ...s3,
    },
    regions: regions ?? {},
  };
  s.accounts[id] = a;
  return a;
}

/** The credentials Tenfold's scanner starts with: `scenario.scanner`, else the management account's. */
export function scannerOf(s: Scenario): ScannerIdentity {
  return s.scanner ?? s.management;
}

/**
 * Runs the scanner as the TenfoldScanner role of `accountId` (a member account, e.g. a delegated
 * administrator), or of a new account outside the organization when `outside` is given.
 */
export function placeScanner(s: Scenario, accountId: string, outside?: AccountInit): ScannerIdentity {
  if (outside) {
    const a = addAccount(s, { ...outside, id: accountId, parentId: "" });
    delete s.accounts[accountId];
    (s.outsideAccounts ??= {})[accountId] = a;
  }
  const account = s.accounts[accountId] ?? s.outsideAccounts?.[accountId];
  if (!account) throw new Error(`no account ${accountId} for the scanner`);
  account.iam.roles.push(role(s, accountId, SCANNER_ROLE_NAME, { createdDaysAgo: 300, lastUsedDaysAgo: 0 }));
  s.scanner = {
    accountId,
    accessKeyId: `AKIASANDBOXSCAN${accountId.slice(-5)}`,
    secretAccessKey: `sandbox/scanner/${accountId}/not-a-real-key`,
    principalArn: `arn:aws:iam::${accountId}:role/${SCANNER_ROLE_NAME}`,
  };
  return s.scanner;
}

/** The mutable regional data of an account (created on first use). */
export function regionData(a: AccountData, region: string): Partial<RegionData> {
  return (a.regions[region] ??= {});
}

export function addOu(s: Scenario, name: string, parentId?: string, id?: string): string {
  const org = s.organization;
  if (!org) throw new Error("scenario has no organization");
  const ouId = id ?? `ou-sbx1-${String(org.ous.length + 1).padStart(8, "0")}`;
  org.ous.push({ id: ouId, name, parentId: parentId ?? org.rootId });
  return ouId;
}

export function accessKey(s: Scenario, o: { id?: string; createdDaysAgo: number; lastUsedDaysAgo?: number; status?: "Active" | "Inactive"; service?: string; region?: string }): AccessKeyData {
  return {
    id: o.id ?? `AKIASANDBOX${String(nextKey++).padStart(9, "0")}`,
    status: o.status ?? "Active",
    createdAt: daysAgo(s.clock, o.createdDaysAgo),
    lastUsed: o.lastUsedDaysAgo === undefined ? undefined : { date: daysAgo(s.clock, o.lastUsedDaysAgo), region: o.region ?? "us-east-1", service: o.service ?? "s3" },
  };
}

export function user(
  s: Scenario,
  name: string,
  o: { console?: boolean; passwordLastUsedDaysAgo?: number; mfa?: IamUserData["mfa"]; keys?: AccessKeyData[]; createdDaysAgo?: number; path?: string } = {},
): IamUserData {
  return {
    name,
    path: o.path ?? "/",
    createdAt: daysAgo(s.clock, o.createdDaysAgo ?? 365),
    password: o.console
      ? { lastChanged: daysAgo(s.clock, 60), lastUsed: o.passwordLastUsedDaysAgo === undefined ? undefined : daysAgo(s.clock, o.passwordLastUsedDaysAgo) }
      : undefined,
    mfa: o.mfa ?? "none",
    accessKeys: o.keys ?? [],
  };
}

export function ingress(port: number | "all", cidr = "0.0.0.0/0", toPort?: number): IpPermission {
  if (port === "all") return { IpProtocol: "-1", IpRanges: cidr.includes(":") ? [] : [{ CidrIp: cidr }], Ipv6Ranges: cidr.includes(":") ? [{ CidrIpv6: cidr }] : [], PrefixListIds: [], UserIdGroupPairs: [] };
  return {
    IpProtocol: "tcp",
    FromPort: port,
    ToPort: toPort ?? port,
    IpRanges: cidr.includes(":") ? [] : [{ CidrIp: cidr }],
    Ipv6Ranges: cidr.includes(":") ? [{ CidrIpv6: cidr }] : [],
    PrefixListIds: [],
    UserIdGroupPairs: [],
  };
}

export function securityGroup(accountId: string, id: string, o: { name?: string; vpcId?: string; ingress?: IpPermission[]; egress?: IpPermission[]; description?: string } = {}): SecurityGroup {
  return {
    GroupId: id,
    GroupName: o.name ?? id,
    Description: o.description ?? `${o.name ?? id} security group`,
    OwnerId: accountId,
    VpcId: o.vpcId ?? "vpc-0sandbox0001",
    SecurityGroupArn: `arn:aws:ec2:us-east-1:${accountId}:security-group/${id}`,
    IpPermissions: o.ingress ?? [],
    IpPermissionsEgress: o.egress ?? [],
    Tags: [],
  };
}

export function bucket(s: Scenario, name: string, o: Partial<BucketData> = {}): BucketData {
  return {
    name,
    region: "us-east-1",
    createdAt: daysAgo(s.clock, 300),
    policyIsPublic: false,
    grants: [],
    versioning: {},
    ...o,
  };
}

/** An Inspector2 `State` as the API returns it (errorCode / errorMessage are always present). */
export function inspectorState(status: "ENABLED" | "DISABLED" | "ENABLING" | "SUSPENDED"): State {
  return { status, errorCode: status === "ENABLED" ? "ALREADY_ENABLED" : "RESOURCE_NOT_FOUND", errorMessage: "" };
}

/** An Inspector2 package-vulnerability finding on an ECR image, in the shape ListFindings returns. */
export function inspectorFinding(
  s: Scenario,
  accountId: string,
  region: string,
  o: { n: number; severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW"; firstSeenDaysAgo: number; cve: string; pkg: string; repository?: string; status?: "ACTIVE" | "SUPPRESSED" | "CLOSED" },
): InspectorFinding {
  const repository = o.repository ?? "app";
  const digest = `sha256:${hashString(`${accountId}${repository}`).toString(16).padStart(8, "0").repeat(8)}`;
  const first = daysAgo(s.clock, o.firstSeenDaysAgo);
  return {
    findingArn: `arn:aws:inspector2:${region}:${accountId}:finding/${hashString(`${accountId}:${region}:${o.n}`).toString(16).padStart(8, "0").repeat(4)}`,
    awsAccountId: accountId,
    type: "PACKAGE_VULNERABILITY",
    title: `${o.cve} - ${o.pkg}`,
    description: `A vulnerability in ${o.pkg} (${o.cve}).`,
    remediation: { recommendation: { text: "None Provided" } },
    severity: o.severity,
    status: o.status ?? "ACTIVE",
    firstObservedAt: first,
    lastObservedAt: daysAgo(s.clock, 0.5),
    updatedAt: daysAgo(s.clock, 0.5),
    inspectorScore: o.severity === "CRITICAL" ? 9.8 : o.severity === "HIGH" ? 7.5 : 5.3,
    resources: [{ type: "AWS_ECR_CONTAINER_IMAGE", id: `arn:aws:ecr:${region}:${accountId}:repository/${repository}/${digest}`, partition: "aws", region }],
    packageVulnerabilityDetails: { vulnerabilityId: o.cve, source: "NVD", vulnerablePackages: [{ name: o.pkg, version: "1.0.0", packageManager: "OS" }] },
    fixAvailable: "YES",
    exploitAvailable: "NO",
  };
}

/** A Region where every detective service is on and clean: the green baseline. */
export function secureRegion(s: Scenario, accountId: string, region: string): Partial<RegionData> {
  return {
    securityGroups: [securityGroup(accountId, `sg-default${region.replace(/-/g, "")}`.slice(0, 20), { name: "default" })],
    analyzers: [
      {
        summary: {
          arn: `arn:aws:access-analyzer:${region}:${accountId}:analyzer/account-analyzer`,
          name: "account-analyzer",
          type: "ACCOUNT",
          status: "ACTIVE",
          createdAt: daysAgo(s.clock, 300),
          tags: {},
        },
        findings: [],
        findingsV2: [],
      },
    ],
    detectors: [{ id: `d${accountId}${region.replace(/-/g, "")}`.slice(0, 32), status: "ENABLED", createdAt: isoDaysAgo(s.clock, 300), updatedAt: isoDaysAgo(s.clock, 10), findings: [] }],
    securityHub: {
      hubArn: `arn:aws:securityhub:${region}:${accountId}:hub/default`,
      subscribedAt: isoDaysAgo(s.clock, 300),
      autoEnableControls: true,
      standards: [
        {
          StandardsSubscriptionArn: `arn:aws:securityhub:${region}:${accountId}:subscription/aws-foundational-security-best-practices/v/1.0.0`,
          StandardsArn: `arn:aws:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
          StandardsInput: {},
          StandardsStatus: "READY",
        },
      ],
      findings: [],
      automationRules: [],
    },
    inspector: {
      status: "ENABLED",
      resourceState: {
        ec2: inspectorState("ENABLED"),
        ecr: inspectorState("ENABLED"),
        lambda: inspectorState("ENABLED"),
        lambdaCode: inspectorState("ENABLED"),
        codeRepository: inspectorState("DISABLED"),
      },
    },
  };
}
