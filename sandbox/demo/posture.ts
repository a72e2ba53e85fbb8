// Per-item generators: each owns a disjoint slice of an account's resources and rewrites it for a
// colour, so the timeline can flip one item of one account without touching the rest.
import type { AwsSecurityFinding } from "@aws-sdk/client-securityhub";
import type { Finding } from "@aws-sdk/client-guardduty";
import type { FunctionConfiguration } from "@aws-sdk/client-lambda";
import type { SecretListEntry } from "@aws-sdk/client-secrets-manager";
import { createRng, hashString } from "../prng";
import { accessKey, bucket, ingress, inspectorFinding, inspectorState, regionData, role, securityGroup, tenfoldRole, user } from "../scenario/builder";
import { daysAgo, isoDaysAgo } from "../scenario/clock";
import type { AccountData, InstanceData, RegionData, Scenario } from "../scenario/types";
import { DEMO_LOG_ARCHIVE_ID, DEMO_SECURITY_ID, type DemoAccountSpec } from "./accounts";

export type Color = "green" | "amber" | "red";
export const ITEMS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type Item = (typeof ITEMS)[number];

export const HOME = "us-east-1";
export const SECOND = "eu-west-1";
export const LOG_BUCKET = "tenfold-demo-cloudtrail-logs";

type Gen = (s: Scenario, a: AccountData, spec: DemoAccountSpec, color: Color, rng: () => number) => void;

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const slug = (name: string) => name.replace(/[^a-z0-9]/g, "");

function eachRegion(a: AccountData, fn: (r: Partial<RegionData>, region: string) => void): void {
  for (const region of a.enabledRegions) fn(regionData(a, region), region);
}

const contacts: Gen = (_s, a, spec, color) => {
  const team = spec.owner.split("@")[0] ?? "team";
  a.contacts = {
    SECURITY: { AlternateContactType: "SECURITY", EmailAddress: `aws-security+${slug(a.name)}@example.com`, Name: "Security Operations", PhoneNumber: "+1-555-0100", Title: "Security" },
    BILLING: { AlternateContactType: "BILLING", EmailAddress: "aws-billing@example.com", Name: "Cloud Finance", PhoneNumber: "+1-555-0101", Title: "Billing" },
    OPERATIONS: { AlternateContactType: "OPERATIONS", EmailAddress: `${team}@example.com`, Name: "On-call", PhoneNumber: "+1-555-0102", Title: "Operations" },
  };
  if (color === "amber") {
    // All three exist, but two share one person's mailbox.
    a.contacts.SECURITY = { ...a.contacts.SECURITY!, EmailAddress: "jane.doe@example.com", Name: "Jane Doe" };
    a.contacts.OPERATIONS = { ...a.contacts.OPERATIONS!, EmailAddress: "jane.doe@example.com", Name: "Jane Doe" };
  } else if (color === "red") {
    delete a.contacts.SECURITY;
    delete a.contacts.OPERATIONS;
  }
};

const mfa: Gen = (s, a, _spec, color, rng) => {
  a.iam.users = a.iam.users.filter((u) => !u.name.endsWith(".console"));
  a.iam.root = { ...a.iam.root, hasPassword: true, mfa: "hardware", passwordLastUsed: daysAgo(s.clock, 200) };
  a.iam.users.push(user(s, "oncall.console", { console: true, passwordLastUsedDaysAgo: 3, mfa: "virtual", createdDaysAgo: 300 }));
  if (color === "amber") a.iam.root.mfa = "virtual";
  if (color === "red") {
    // Root has a password, no MFA at all, and was used recently; one console user lacks MFA when rng says so.
    a.iam.root = { ...a.iam.root, mfa: "none", passwordLastUsed: daysAgo(s.clock, 4) };
    if (rng() < 0.5) a.iam.users.push(user(s, "contractor.console", { console: true, passwordLastUsedDaysAgo: 1, mfa: "none", createdDaysAgo: 40 }));
  }
};

const FAKE_PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKE0000000000000000\n-----END RSA PRIVATE KEY-----\n";

function fakeKey(n: number): string {
  return `AKIAEXAMPLEFAKE${String(n % 100000).padStart(5, "0")}`;
}

const secrets: Gen = (s, a, spec, color, rng) => {
  const r = regionData(a, HOME);
  const acct = a.id;
  const secretArn = `arn:aws:secretsmanager:${HOME}:${acct}:secret:app-db-Ab12Cd`;
  const fn = (name: string, env: Record<string, string>): FunctionConfiguration => ({
    FunctionName: name,
    FunctionArn: `arn:aws:lambda:${HOME}:${acct}:function:${name}`,
    Runtime: "nodejs22.x",
    Role: `arn:aws:iam::${acct}:role/${name}-exec`,
    Handler: "index.handler",
    CodeSize: 4096,
    MemorySize: 256,
    Timeout: 10,
    LastModified: "2026-08-01T12:00:00.000+0000",
    PackageType: "Zip",
    Architectures: ["arm64"],
    Environment: { Variables: env },
  });
  const functions = [fn(`${a.name}-api`, { STAGE: "prod", DB_SECRET_ARN: secretArn }), fn(`${a.name}-worker`, { QUEUE_URL: `https://sqs.${HOME}.amazonaws.com/${acct}/jobs` })];
  const instances: InstanceData[] = [
    { instance: { InstanceId: `i-0${acct.slice(-6)}00000001`, InstanceType: "t3.small", ImageId: "ami-0demo", State: { Code: 16, Name: "running" }, LaunchTime: daysAgo(s.clock, 30), VpcId: "vpc-0demo", Tags: [{ Key: "Name", Value: "bastion" }] }, userData: "#!/bin/bash\nyum update -y\n" },
  ];
  const project = (vars: { name: string; value: string; type: "PLAINTEXT" | "PARAMETER_STORE" | "SECRETS_MANAGER" }[]) => ({
    name: `${a.name}-build`,
    arn: `arn:aws:codebuild:${HOME}:${acct}:project/${a.name}-build`,
    source: { type: "CODECOMMIT" as const, location: `https://git-codecommit.${HOME}.amazonaws.com/v1/repos/${a.name}` },
    artifacts: { type: "NO_ARTIFACTS" as const },
    environment: { type: "LINUX_CONTAINER" as const, image: "aws/codebuild/standard:7.0", computeType: "BUILD_GENERAL1_SMALL" as const, environmentVariables: vars },
    serviceRole: `arn:aws:iam::${acct}:role/codebuild`,
    created: daysAgo(s.clock, 200),
  });
  let buildVars: Parameters<typeof project>[0] = [{ name: "DB_PASSWORD", value: "/app/db/password", type: "PARAMETER_STORE" }];
  let ecsEnv = [{ name: "STAGE", value: "prod" }];
  const secretList: SecretListEntry[] = [
    { ARN: secretArn, Name: "app-db", RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: daysAgo(s.clock, 12), NextRotationDate: daysAgo(s.clock, -18), LastAccessedDate: daysAgo(s.clock, 1), CreatedDate: daysAgo(s.clock, 400) },
  ];
  if (color === "amber") {
    const api = functions[0]!;
    api.Environment = { Variables: { ...api.Environment?.Variables, DB_PASSWORD: "Winter2026!" } };
    secretList.push({ ARN: `arn:aws:secretsmanager:${HOME}:${acct}:secret:legacy-token-Xy98Zw`, Name: "legacy-token", RotationEnabled: false, CreatedDate: daysAgo(s.clock, 500), LastAccessedDate: daysAgo(s.clock, 3) });
  }
  if (color === "red") {
    const n = hashString(a.name);
    const where = spec.workloads === false ? "userdata" : pick(rng, ["lambda", "userdata", "codebuild", "ecs"] as const);
    if (where === "lambda") functions[1]!.Environment = { Variables: { AWS_ACCESS_KEY_ID: fakeKey(n), AWS_SECRET_ACCESS_KEY: "fakeSecretKeyForTheDemoOnly0000000000000" } };
    if (where === "userdata") instances[0]!.userData = `#!/bin/bash\ncat > /etc/ssl/private/app.key <<'PEM'\n${FAKE_PEM}PEM\n`;
    if (where === "codebuild") buildVars = [{ name: "DATABASE_URL", value: "postgres://app:hunter2hunter2@db/app", type: "PLAINTEXT" }];
    if (where === "ecs") ecsEnv = [{ name: "GITHUB_TOKEN", value: "ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000" }];
    // Always one more plant in Lambda, so the red shows in the most common check.
    functions[0]!.Environment = { Variables: { ...functions[0]!.Environment?.Variables, LEGACY_DSN: "postgres://app:hunter2hunter2@db/app" } };
  }
  r.lambdaFunctions = spec.workloads === false ? [] : functions;
  r.instances = instances;
  r.launchTemplateVersions = [{ LaunchTemplateId: `lt-0${acct.slice(-6)}0001`, LaunchTemplateName: "app", VersionNumber: 1, DefaultVersion: true, CreateTime: daysAgo(s.clock, 90), LaunchTemplateData: { InstanceType: "t3.small", UserData: Buffer.from("#!/bin/bash\necho app\n").toString("base64") } }];
  r.codeBuildProjects = [project(buildVars)];
  r.ecsTaskDefinitions = spec.workloads === false ? [] : [
    {
      family: `${a.name}-svc`,
      revision: 3,
      status: "ACTIVE",
      taskDefinitionArn: `arn:aws:ecs:${HOME}:${acct}:task-definition/${a.name}-svc:3`,
      containerDefinitions: [{ name: "app", image: `${acct}.dkr.ecr.${HOME}.amazonaws.com/app:1.4.2`, environment: ecsEnv, secrets: [{ name: "DB_PASSWORD", valueFrom: secretArn }], environmentFiles: [] }],
      registeredAt: daysAgo(s.clock, 20),
    },
  ];
  r.secrets = secretList;
};

const securityGroups: Gen = (_s, a, _spec, color, rng) => {
  eachRegion(a, (r, region) => {
    const def = securityGroup(a.id, `sg-0${a.id.slice(-6)}${hashString(region).toString(16).slice(0, 6)}`, { name: "default", vpcId: `vpc-0${a.id.slice(-6)}` });
    r.securityGroups = [def];
  });
  for (const region of [HOME, SECOND]) {
    const r = regionData(a, region);
    const base = `sg-1${a.id.slice(-6)}${region === HOME ? "e1" : "w1"}`;
    r.securityGroups!.push(
      securityGroup(a.id, `${base}000001`, { name: "web-alb", vpcId: `vpc-0${a.id.slice(-6)}`, ingress: [ingress(443), ingress(443, "::/0")], egress: [ingress("all")] }),
      securityGroup(a.id, `${base}000002`, { name: "app-db", vpcId: `vpc-0${a.id.slice(-6)}`, ingress: [ingress(5432, "10.0.0.0/8")], egress: [ingress("all")] }),
    );
  }
  const home = regionData(a, HOME).securityGroups!;
  const vpc = `vpc-0${a.id.slice(-6)}`;
  if (color === "amber") home.push(securityGroup(a.id, `sg-2${a.id.slice(-6)}0000a1`, { name: "admin-portal", vpcId: vpc, ingress: [ingress(8443)] }));
  if (color === "red") {
    const v = pick(rng, ["ssh", "rdp", "mysql", "all"] as const);
    const perm = v === "ssh" ? ingress(22) : v === "rdp" ? ingress(3389) : v === "mysql" ? ingress(3306) : ingress("all");
    home.push(securityGroup(a.id, `sg-2${a.id.slice(-6)}0000r1`, { name: `debug-${v}`, vpcId: vpc, ingress: [perm] }));
  }
};

const PUBLIC_POLICY = (b: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${b}/*` }] });

const data: Gen = (s, a, spec, color) => {
  const own = a.s3.buckets.filter((b) => b.name === LOG_BUCKET);
  const assets = `${a.name}-assets-${a.id.slice(-4)}`;
  const full = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
  a.s3.publicAccessBlock = full;
  a.s3.buckets = [...own, bucket(s, assets, { publicAccessBlock: full, versioning: { Status: "Enabled" } }), bucket(s, `${a.name}-backups-${a.id.slice(-4)}`, { region: SECOND, versioning: { Status: "Enabled" } })];
  if (spec.classification) a.tags["data-classification"] = spec.classification;
  else delete a.tags["data-classification"];
  const key = (policy: string) => ({
    metadata: {
      KeyId: `mrk-${a.id.slice(-6)}0000000000000000000001`,
      Arn: `arn:aws:kms:${HOME}:${a.id}:key/mrk-${a.id.slice(-6)}0000000000000000000001`,
      AWSAccountId: a.id,
      CreationDate: daysAgo(s.clock, 300),
      Enabled: true,
      Description: "application data key",
      KeyUsage: "ENCRYPT_DECRYPT" as const,
      KeyState: "Enabled" as const,
      Origin: "AWS_KMS" as const,
      KeyManager: "CUSTOMER" as const,
      KeySpec: "SYMMETRIC_DEFAULT" as const,
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT" as const],
      MultiRegion: false,
    },
    policy,
  });
  const rootOnly = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${a.id}:root` }, Action: "kms:*", Resource: "*" }] });
  regionData(a, HOME).kmsKeys = [key(rootOnly)];
  // Macie: on in every Region (green, and the public-data account), only in the home Region (amber), nowhere (red).
  const macieFrom = daysAgo(s.clock, 200);
  eachRegion(a, (r, region) => {
    const on = color === "green" || spec.classification === "public" || (color === "amber" && region === HOME);
    if (on) r.macie = { status: "ENABLED", createdAt: macieFrom };
    else delete r.macie;
  });
  if (spec.classification === "public") {
    a.s3.publicAccessBlock = undefined;
    a.s3.buckets.push(bucket(s, `${a.name}-static-site`, { policy: PUBLIC_POLICY(`${a.name}-static-site`), policyIsPublic: true }));
    return;
  }
  if (color === "amber") a.s3.publicAccessBlock = { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true };
  if (color === "red") {
    a.s3.publicAccessBlock = undefined;
    const name = `${a.name}-exports-${a.id.slice(-4)}`;
    a.s3.buckets.push(bucket(s, name, { policy: PUBLIC_POLICY(name), policyIsPublic: true, grants: [{ Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AllUsers" }, Permission: "READ" }] }));
    regionData(a, HOME).kmsKeys = [key(JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "open", Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" }] }))];
  }
};

const trails: Gen = (s, a, _spec, color) => {
  for (const r of Object.values(a.regions)) if (r.trails) r.trails = r.trails.filter((t) => t.trail.IsOrganizationTrail);
  if (color === "red") return; // no trail of its own
  const arn = `arn:aws:cloudtrail:${HOME}:${a.id}:trail/account-trail`;
  regionData(a, HOME).trails = [
    ...(regionData(a, HOME).trails ?? []),
    {
      trail: {
        Name: "account-trail", TrailARN: arn, HomeRegion: HOME, IsMultiRegionTrail: true, IsOrganizationTrail: false, S3BucketName: LOG_BUCKET,
        S3KeyPrefix: a.id, IncludeGlobalServiceEvents: true, LogFileValidationEnabled: color === "green", HasCustomEventSelectors: false, HasInsightSelectors: false,
        KmsKeyId: color === "green" ? `arn:aws:kms:${HOME}:${DEMO_LOG_ARCHIVE_ID}:key/trail-logs` : undefined,
      },
      status: { IsLogging: true, LatestDeliveryTime: daysAgo(s.clock, 0.01), StartLoggingTime: daysAgo(s.clock, 300) },
      eventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
    },
  ];
};

/** Access Analyzer findings live on the organization analyzer in the security account. */
const roles: Gen = (s, a, _spec, color) => {
  a.iam.roles = [
    tenfoldRole(s, a.id),
    role(s, a.id, "OrganizationAccountAccessRole", { createdDaysAgo: 600, lastUsedDaysAgo: 20 }),
    role(s, a.id, "AWSServiceRoleForSupport", { path: "/aws-service-role/support.amazonaws.com/", createdDaysAgo: 600, lastUsedDaysAgo: 300 }),
    role(s, a.id, "app-deploy", { createdDaysAgo: 300, lastUsedDaysAgo: 1 }),
  ];
  const sec = s.accounts[DEMO_SECURITY_ID];
  const analyzer = sec?.regions[HOME]?.analyzers?.[0];
  if (!analyzer) return;
  analyzer.findings = analyzer.findings.filter((f) => f.resourceOwnerAccount !== a.id);
  const finding = (n: number, isPublic: boolean, principal: string) => ({
    id: `${a.id}-finding-${n}`,
    resource: isPublic ? `arn:aws:s3:::${a.name}-shared-${n}` : `arn:aws:iam::${a.id}:role/partner-access`,
    resourceType: isPublic ? ("AWS::S3::Bucket" as const) : ("AWS::IAM::Role" as const),
    resourceOwnerAccount: a.id,
    principal: { AWS: principal },
    action: isPublic ? ["s3:GetObject"] : ["sts:AssumeRole"],
    condition: {},
    isPublic,
    status: "ACTIVE" as const,
    createdAt: daysAgo(s.clock, 25),
    updatedAt: daysAgo(s.clock, 1),
    analyzedAt: daysAgo(s.clock, 1),
  });
  if (color === "amber") analyzer.findings.push(finding(1, false, "444455556666"));
  if (color === "red") {
    a.iam.roles.push(role(s, a.id, "old-migration-role", { createdDaysAgo: 700, lastUsedDaysAgo: 380 }), role(s, a.id, "poc-lambda-role", { createdDaysAgo: 450, lastUsedDaysAgo: null }));
    analyzer.findings.push(finding(2, true, "*"));
  }
};

function shFinding(s: Scenario, a: AccountData, region: string, id: string, label: "CRITICAL" | "HIGH", ageDays: number): AwsSecurityFinding {
  return {
    SchemaVersion: "2018-10-08",
    Id: `arn:aws:securityhub:${region}:${a.id}:security-control/${id}/finding/${a.id}${id}`,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/securityhub`,
    ProductName: "Security Hub",
    GeneratorId: `security-control/${id}`,
    AwsAccountId: a.id,
    Region: region,
    Types: ["Software and Configuration Checks/Industry and Regulatory Standards"],
    FirstObservedAt: isoDaysAgo(s.clock, ageDays),
    CreatedAt: isoDaysAgo(s.clock, ageDays),
    UpdatedAt: isoDaysAgo(s.clock, 0.5),
    Severity: { Label: label, Normalized: label === "CRITICAL" ? 90 : 70 },
    Title: `${id} should be remediated`,
    Description: `Security Hub control ${id} failed`,
    Resources: [{ Type: "AwsAccount", Id: `AWS::::Account:${a.id}`, Region: region }],
    Compliance: { Status: "FAILED" },
    Workflow: { Status: "NEW" },
    RecordState: "ACTIVE",
  };
}

function gdFinding(s: Scenario, a: AccountData, detectorId: string, id: string, severity: number, ageDays: number): Finding {
  return {
    AccountId: a.id,
    Arn: `arn:aws:guardduty:${HOME}:${a.id}:detector/${detectorId}/finding/${id}`,
    CreatedAt: isoDaysAgo(s.clock, ageDays),
    UpdatedAt: isoDaysAgo(s.clock, 0.5),
    Id: id,
    Partition: "aws",
    Region: HOME,
    Resource: { ResourceType: "Instance", InstanceDetails: { InstanceId: `i-0${a.id.slice(-6)}00000001` } },
    SchemaVersion: "2.0",
    Severity: severity,
    Title: severity >= 9 ? "Credentials exfiltrated from an EC2 instance" : "SSH brute force attack",
    Type: severity >= 9 ? "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS" : "UnauthorizedAccess:EC2/SSHBruteForce",
    Service: { Archived: false, Count: 12, DetectorId: detectorId, ServiceName: "guardduty" },
  };
}

const findings: Gen = (s, a, _spec, color, rng) => {
  eachRegion(a, (r, region) => {
    const detectorId = `${hashString(a.id + region).toString(16).padStart(8, "0")}demo${a.id.slice(-6)}`.slice(0, 32);
    r.detectors = [{ id: detectorId, status: "ENABLED", createdAt: isoDaysAgo(s.clock, 400), updatedAt: isoDaysAgo(s.clock, 7), findings: [] }];
    r.securityHub = {
      hubArn: `arn:aws:securityhub:${region}:${a.id}:hub/default`,
      subscribedAt: isoDaysAgo(s.clock, 400),
      autoEnableControls: true,
      standards: [
        {
          StandardsSubscriptionArn: `arn:aws:securityhub:${region}:${a.id}:subscription/aws-foundational-security-best-practices/v/1.0.0`,
          StandardsArn: `arn:aws:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
          StandardsInput: {},
          StandardsStatus: "READY",
        },
      ],
      findings: [],
      automationRules: [],
    };
    r.eventRules = [];
  });
  const home = regionData(a, HOME);
  const rule = { Name: "findings-to-pagerduty", Arn: `arn:aws:events:${HOME}:${a.id}:rule/findings-to-pagerduty`, EventPattern: JSON.stringify({ source: ["aws.securityhub", "aws.guardduty"], "detail-type": ["Security Hub Findings - Imported"] }), State: "ENABLED" as const, EventBusName: "default" };
  if (color === "green") home.eventRules = [rule];
  if (color === "amber") {
    home.securityHub!.findings = [shFinding(s, a, HOME, "S3.8", "HIGH", 5)];
    home.detectors![0]!.findings = [gdFinding(s, a, home.detectors![0]!.id, `${a.id}gd0001`, 7.5, 3)];
  }
  if (color === "red") {
    home.eventRules = [rule];
    home.securityHub!.findings = [shFinding(s, a, HOME, "IAM.6", "CRITICAL", 45), shFinding(s, a, HOME, "EC2.19", "HIGH", 60)];
    home.detectors![0]!.findings = [gdFinding(s, a, home.detectors![0]!.id, `${a.id}gd0002`, 9.2, 20)];
    if (rng() < 0.5) regionData(a, SECOND).detectors![0]!.status = "DISABLED";
    else delete regionData(a, SECOND).securityHub;
  }
};

const keys: Gen = (s, a, _spec, color, rng) => {
  a.iam.users = a.iam.users.filter((u) => !u.name.startsWith("svc-"));
  a.iam.root.accessKeys = [];
  const n = hashString(a.id);
  const id = (k: number) => `AKIA${(n + k).toString(36).toUpperCase().padStart(16, "Q").slice(-16)}`;
  if (color === "amber")
    a.iam.users.push(user(s, "svc-ci", { createdDaysAgo: 200, keys: [accessKey(s, { id: id(1), createdDaysAgo: 30, lastUsedDaysAgo: 0.5, service: "ecr", region: HOME }), accessKey(s, { id: id(2), createdDaysAgo: 5, lastUsedDaysAgo: 1, service: "s3", region: HOME })] }));
  if (color === "red") {
    a.iam.users.push(user(s, "svc-legacy", { createdDaysAgo: 900, keys: [accessKey(s, { id: id(3), createdDaysAgo: 400, lastUsedDaysAgo: 100, service: "s3", region: HOME })] }));
    if (rng() < 0.4) a.iam.root.accessKeys = [accessKey(s, { id: id(4), createdDaysAgo: 1200, lastUsedDaysAgo: 500 })];
  }
};

const CVES = [
  ["CVE-2024-3094", "xz-utils"],
  ["CVE-2023-44487", "nghttp2"],
  ["CVE-2024-6387", "openssh"],
  ["CVE-2023-4863", "libwebp"],
  ["CVE-2022-22965", "spring-beans"],
] as const;

/** The home Region's Inspector findings: `critical` ages in days, plus a fixed tail of high / medium / low. */
function inspectorFindings(s: Scenario, a: AccountData, criticalAges: number[]): NonNullable<RegionData["inspector"]["findings"]> {
  const sev = [...criticalAges.map((age) => ["CRITICAL", age] as const), ...[20, 9, 4].map((age) => ["HIGH", age] as const), ...Array.from({ length: 9 }, (_, i) => ["MEDIUM", 5 + 11 * i] as const), ["LOW", 60] as const, ["LOW", 3] as const];
  return sev.map(([severity, age], n) => {
    const [cve, pkg] = CVES[n % CVES.length]!;
    return inspectorFinding(s, a.id, HOME, { n, severity, firstSeenDaysAgo: age, cve, pkg, repository: n % 2 === 0 ? "app" : "worker" });
  });
}

const devCycle: Gen = (s, a, spec, color, rng) => {
  const on = inspectorState("ENABLED");
  const off = inspectorState("DISABLED");
  if (spec.workloads === false) {
    // Nothing to scan: Inspector off, no repositories; only the owner's attestation can speak for item 10.
    eachRegion(a, (r) => {
      r.inspector = { status: "DISABLED", resourceState: { ec2: off, ecr: off, lambda: off, lambdaCode: off, codeRepository: off } };
    });
    return;
  }
  eachRegion(a, (r) => {
    r.inspector =
      color === "green"
        ? { status: "ENABLED", resourceState: { ec2: on, ecr: on, lambda: on, lambdaCode: on, codeRepository: off } }
        : color === "amber"
          ? { status: "ENABLED", resourceState: { ec2: on, ecr: off, lambda: on, lambdaCode: off, codeRepository: off } }
          : { status: "DISABLED", resourceState: { ec2: off, ecr: off, lambda: off, lambdaCode: off, codeRepository: off } };
  });
  const home = regionData(a, HOME);
  // Critical findings: amber has one past the SLA and one fresh; some green accounts one fresh; red has Inspector off.
  const critical = color === "amber" ? [3, 40] : color === "green" && rng() < 0.3 ? [2] : [];
  const found = color === "red" ? [] : inspectorFindings(s, a, critical);
  const count = (severity: string) => found.filter((f) => f.severity === severity).length;
  home.inspector!.findings = found;
  home.inspector!.severityCounts = { all: found.length, critical: count("CRITICAL"), high: count("HIGH"), medium: count("MEDIUM") };
  home.ecrRepositories = ["app", "worker"].map((n) => ({
    repositoryArn: `arn:aws:ecr:${HOME}:${a.id}:repository/${n}`,
    registryId: a.id,
    repositoryName: n,
    repositoryUri: `${a.id}.dkr.ecr.${HOME}.amazonaws.com/${n}`,
    createdAt: daysAgo(s.clock, 300),
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: color === "amber" },
    encryptionConfiguration: { encryptionType: "AES256" },
  }));
  home.ecrScanning =
    color === "amber"
      ? { scanType: "BASIC", rules: [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }] }
      : color === "green"
        ? { scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }] }
        : { scanType: "BASIC", rules: [] };
};

export const GENERATORS: Record<Item, Gen> = { 1: contacts, 2: mfa, 3: secrets, 4: securityGroups, 5: data, 6: trails, 7: roles, 8: findings, 9: keys, 10: devCycle };

/** Rewrites one item of one account for a colour (deterministic for a given account and item). */
export function applyPosture(s: Scenario, a: AccountData, spec: DemoAccountSpec, item: Item, color: Color): void {
  GENERATORS[item](s, a, spec, color, createRng(hashString(`${a.name}:${item}`)));
}

const WEIGHTS: Record<DemoAccountSpec["ou"], [number, number]> = {
  root: [0.8, 0.15],
  security: [0.85, 0.1],
  infrastructure: [0.7, 0.2],
  prod: [0.6, 0.3],
  dev: [0.4, 0.35],
  sandbox: [0.2, 0.4],
  suspended: [0.2, 0.4],
};

/** The baseline colour of each item for an account: weighted by OU, deterministic by name. */
export function baselineColor(spec: DemoAccountSpec, item: Item): Color {
  const x = createRng(hashString(`${spec.name}#${item}`))();
  const [g, am] = WEIGHTS[spec.ou];
  return x < g ? "green" : x < g + am ? "amber" : "red";
}
