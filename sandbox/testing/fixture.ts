// A rich scenario for the contract suite: every operation has data, several have more than one page.
import type { AwsSecurityFinding } from "@aws-sdk/client-securityhub";
import type { Finding as GuardDutyFinding } from "@aws-sdk/client-guardduty";
import type { FunctionConfiguration } from "@aws-sdk/client-lambda";
import { daysAgo, isoDaysAgo } from "../scenario/clock";
import {
  accessKey, addAccount, addOu, bucket, createScenario, ingress, inspectorFinding, inspectorState, regionData, role, securityGroup, secureRegion, tenfoldRole, user,
} from "../scenario/builder";
import type { Scenario } from "../scenario/types";

export const A = "222222222222";
export const B = "333333333333";
export const DENIED = "444444444444";
export const SUSPENDED = "555555555555";
export const OTHER_EXTERNAL_ID = "444-specific-external-id";
export const R = "us-east-1";

function shFinding(s: Scenario, account: string, region: string, id: string, label: string, ageDays: number, workflow = "NEW"): AwsSecurityFinding {
  return {
    SchemaVersion: "2018-10-08",
    Id: `arn:aws:securityhub:${region}:${account}:finding/${id}`,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/securityhub`,
    ProductName: "Security Hub",
    GeneratorId: "security-control/EC2.19",
    AwsAccountId: account,
    Region: region,
    Types: ["Software and Configuration Checks"],
    FirstObservedAt: isoDaysAgo(s.clock, ageDays),
    CreatedAt: isoDaysAgo(s.clock, ageDays),
    UpdatedAt: isoDaysAgo(s.clock, 0),
    Severity: { Label: label as "HIGH", Normalized: label === "CRITICAL" ? 90 : label === "HIGH" ? 70 : 40 },
    Title: `Finding ${id}`,
    Description: `Finding ${id} description`,
    Resources: [{ Type: "AwsEc2SecurityGroup", Id: `arn:aws:ec2:${region}:${account}:security-group/sg-${id}` }],
    Compliance: { Status: "FAILED" },
    Workflow: { Status: workflow as "NEW" },
    RecordState: "ACTIVE",
  };
}

/** A GuardDuty finding in the fixture Region (us-east-1), `ageDays` old. */
export function gdFinding(s: Scenario, account: string, detectorId: string, id: string, severity: number, ageDays: number, archived = false): GuardDutyFinding {
  return {
    AccountId: account,
    Arn: `arn:aws:guardduty:${R}:${account}:detector/${detectorId}/finding/${id}`,
    CreatedAt: isoDaysAgo(s.clock, ageDays),
    UpdatedAt: isoDaysAgo(s.clock, 0),
    Id: id,
    Partition: "aws",
    Region: R,
    Resource: { ResourceType: "Instance" },
    SchemaVersion: "2.0",
    Severity: severity,
    Title: `GuardDuty finding ${id}`,
    Type: "Recon:EC2/PortProbeUnprotectedPort",
    Service: { Archived: archived, Count: 3, DetectorId: detectorId, ServiceName: "guardduty" },
  };
}

export function contractScenario(): Scenario {
  const s = createScenario({ clock: new Date("2026-11-29T10:00:00Z"), seed: 7 });
  const security = addOu(s, "Security", undefined, "ou-sbx1-security");
  const workloads = addOu(s, "Workloads", undefined, "ou-sbx1-workload");
  const prod = addOu(s, "Prod", workloads, "ou-sbx1-prod0000");
  const org = s.organization!;
  org.policies.push({
    summary: { Id: "p-denytrail", Name: "DenyCloudTrailTamper", Description: "No trail changes", Type: "SERVICE_CONTROL_POLICY", AwsManaged: false },
    content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], Resource: "*" }] }),
    targets: [workloads],
  });
  for (const p of ["access-analyzer.amazonaws.com", "securityhub.amazonaws.com", "guardduty.amazonaws.com", "inspector2.amazonaws.com"]) {
    org.delegatedAdministrators.push({ accountId: A, servicePrincipal: p, since: daysAgo(s.clock, 200) });
    org.serviceAccess.push({ servicePrincipal: p, since: daysAgo(s.clock, 200) });
  }

  // Organization trail in the management account (members see it as a shadow trail).
  const mgmt = s.accounts[s.management.accountId]!;
  const orgTrailArn = `arn:aws:cloudtrail:${R}:${mgmt.id}:trail/org-trail`;
  regionData(mgmt, R).trails = [
    {
      trail: {
        Name: "org-trail", TrailARN: orgTrailArn, HomeRegion: R, IsMultiRegionTrail: true, IsOrganizationTrail: true,
        S3BucketName: "org-cloudtrail-logs", KmsKeyId: `arn:aws:kms:${R}:${mgmt.id}:key/1111-org`, LogFileValidationEnabled: true,
        IncludeGlobalServiceEvents: true, HasCustomEventSelectors: false, HasInsightSelectors: false,
      },
      status: { IsLogging: true, LatestDeliveryTime: daysAgo(s.clock, 0.01), StartLoggingTime: daysAgo(s.clock, 400) },
      eventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
    },
  ];

  const a = addAccount(s, {
    id: A,
    name: "security-tooling",
    parentId: security,
    tags: { owner: "team-security@example.com", "data-classification": "confidential" },
    root: { mfa: "virtual", hasPassword: true, passwordLastUsed: daysAgo(s.clock, 3), accessKeys: [accessKey(s, { id: "AKIAROOTKEY000000001", createdDaysAgo: 400, lastUsedDaysAgo: 30 })] },
  });
  delete a.contacts.OPERATIONS;
  a.contactInformation = { FullName: "Example Corp", AddressLine1: "1 Main St", City: "Seattle", PostalCode: "98101", CountryCode: "US", PhoneNumber: "+1-555-0199" };
  a.iam.users = [
    user(s, "alice", { console: true, passwordLastUsedDaysAgo: 2, mfa: "none", keys: [accessKey(s, { id: "AKIAALICE00000000001", createdDaysAgo: 120, lastUsedDaysAgo: 1 }), accessKey(s, { id: "AKIAALICE00000000002", createdDaysAgo: 10 })] }),
    user(s, "bob", { keys: [accessKey(s, { id: "AKIABOB0000000000001", createdDaysAgo: 50, status: "Inactive" })] }),
    user(s, "carol", { console: true, mfa: "virtual", path: "/admins/" }),
  ];
  a.iam.roles = [
    tenfoldRole(s, A),
    role(s, A, "stale-deploy-role", { createdDaysAgo: 500, lastUsedDaysAgo: 200 }),
    role(s, A, "never-used", { createdDaysAgo: 450, lastUsedDaysAgo: null }),
    role(s, A, "AWSServiceRoleForSupport", { path: "/aws-service-role/support.amazonaws.com/", lastUsedDaysAgo: 5 }),
  ];
  a.iam.samlProviders = [{ Arn: `arn:aws:iam::${A}:saml-provider/okta`, CreateDate: daysAgo(s.clock, 300), ValidUntil: daysAgo(s.clock, -365) }];
  a.iam.oidcProviders = [{ Arn: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` }];
  a.s3.publicAccessBlock = { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true };
  a.s3.buckets = [
    bucket(s, "a-public-site", {
      policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::a-public-site/*" }] }),
      policyIsPublic: true,
      grants: [{ Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AllUsers" }, Permission: "READ" }],
      versioning: { Status: "Suspended" },
    }),
    bucket(s, "a-locked-logs", {
      region: "eu-west-1",
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      versioning: { Status: "Enabled", MFADelete: "Disabled" },
      objectLock: { ObjectLockEnabled: "Enabled", Rule: { DefaultRetention: { Mode: "COMPLIANCE", Days: 365 } } },
    }),
    bucket(s, "a-plain"),
  ];

  const r = regionData(a, R);
  Object.assign(r, secureRegion(s, A, R));
  r.securityGroups = Array.from({ length: 7 }, (_, i) =>
    securityGroup(A, `sg-a${String(i).padStart(16, "0")}`, {
      name: i === 0 ? "default" : `app-${i}`,
      ingress: i === 1 ? [ingress(22), ingress(443, "::/0")] : i === 2 ? [ingress("all")] : i === 3 ? [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: "sg-a0000000000000001", UserId: A }] }] : [],
      egress: [ingress("all")],
    }),
  );
  r.instances = Array.from({ length: 6 }, (_, i) => ({
    instance: {
      InstanceId: `i-a${String(i).padStart(16, "0")}`,
      InstanceType: "t3.micro",
      ImageId: "ami-0sandbox",
      State: { Code: i === 5 ? 48 : 16, Name: i === 5 ? "terminated" : "running" },
      LaunchTime: daysAgo(s.clock, 10 + i),
      VpcId: "vpc-0sandbox0001",
      SubnetId: "subnet-0sandbox01",
      PrivateIpAddress: `10.0.0.${10 + i}`,
      SecurityGroups: [{ GroupId: "sg-a0000000000000001", GroupName: "app-1" }],
      Tags: [{ Key: "Name", Value: `web-${i}` }],
    },
    userData: i === 0 ? "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAEXAMPLEFAKE00001\n" : i === 1 ? undefined : `#!/bin/bash\necho web-${i}\n`,
  }));
  r.launchTemplateVersions = [1, 2].map((v) => ({
    LaunchTemplateId: "lt-0sandbox00000001",
    LaunchTemplateName: "web",
    VersionNumber: v,
    DefaultVersion: v === 1,
    CreateTime: daysAgo(s.clock, 30 - v),
    LaunchTemplateData: { InstanceType: "t3.micro", UserData: Buffer.from(`#!/bin/bash\necho v${v}\n`).toString("base64") },
  }));
  r.prefixLists = { "pl-0office": [{ Cidr: "203.0.113.0/24", Description: "office" }, { Cidr: "198.51.100.0/24", Description: "vpn" }] };
  r.networkInterfaces = [
    { NetworkInterfaceId: "eni-0sandbox0000001", VpcId: "vpc-0sandbox0001", SubnetId: "subnet-0sandbox01", Status: "in-use", Groups: [{ GroupId: "sg-a0000000000000001", GroupName: "app-1" }], PrivateIpAddress: "10.0.0.10", TagSet: [] },
  ];
  r.trails = [
    {
      trail: { Name: "local-trail", TrailARN: `arn:aws:cloudtrail:${R}:${A}:trail/local-trail`, HomeRegion: R, IsMultiRegionTrail: false, IsOrganizationTrail: false, S3BucketName: "a-plain", LogFileValidationEnabled: false, IncludeGlobalServiceEvents: true, HasCustomEventSelectors: false, HasInsightSelectors: false },
      status: { IsLogging: false, StopLoggingTime: daysAgo(s.clock, 20) },
      eventSelectors: [{ ReadWriteType: "WriteOnly", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
    },
  ];
  const analyzer = r.analyzers![0]!;
  analyzer.summary.type = "ORGANIZATION";
  analyzer.findings = Array.from({ length: 3 }, (_, i) => ({
    id: `finding-${i}`,
    resource: `arn:aws:s3:::bucket-${i}`,
    resourceType: "AWS::S3::Bucket",
    resourceOwnerAccount: i === 2 ? B : A,
    principal: { AWS: i === 0 ? "*" : "999999999999" },
    action: ["s3:GetObject"],
    condition: {},
    isPublic: i === 0,
    status: i === 1 ? "ARCHIVED" : "ACTIVE",
    createdAt: daysAgo(s.clock, 40 + i),
    updatedAt: daysAgo(s.clock, 1),
    analyzedAt: daysAgo(s.clock, 1),
  }));
  r.analyzers!.push({
    summary: { arn: `arn:aws:access-analyzer:${R}:${A}:analyzer/unused`, name: "unused", type: "ACCOUNT_UNUSED_ACCESS", status: "ACTIVE", createdAt: daysAgo(s.clock, 100), tags: {} },
    findings: [],
    findingsV2: [{ id: "unused-1", resource: `arn:aws:iam::${A}:role/never-used`, resourceType: "AWS::IAM::Role", resourceOwnerAccount: A, status: "ACTIVE", findingType: "UnusedIAMRole", createdAt: daysAgo(s.clock, 5), updatedAt: daysAgo(s.clock, 1), analyzedAt: daysAgo(s.clock, 1) }],
  });
  const det = r.detectors![0]!;
  det.findings = [gdFinding(s, A, det.id, "gd-high", 8, 40), gdFinding(s, A, det.id, "gd-medium", 5, 3), gdFinding(s, A, det.id, "gd-critical-archived", 9, 60, true), gdFinding(s, A, det.id, "gd-critical", 9.5, 2)];
  const hub = r.securityHub!;
  hub.findings = [shFinding(s, A, R, "f1", "CRITICAL", 12), shFinding(s, A, R, "f2", "HIGH", 45, "NOTIFIED"), shFinding(s, A, R, "f3", "MEDIUM", 5), shFinding(s, A, R, "f4", "HIGH", 1, "RESOLVED")];
  hub.standards.push({
    StandardsSubscriptionArn: `arn:aws:securityhub:${R}:${A}:subscription/cis-aws-foundations-benchmark/v/3.0.0`,
    StandardsArn: `arn:aws:securityhub:${R}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
    StandardsInput: {},
    StandardsStatus: "READY",
  });
  hub.automationRules = [{ RuleArn: `arn:aws:securityhub:${R}:${A}:automation-rule/r1`, RuleStatus: "ENABLED", RuleOrder: 1, RuleName: "suppress-dev", IsTerminal: false, CreatedAt: daysAgo(s.clock, 30), UpdatedAt: daysAgo(s.clock, 2), CreatedBy: `arn:aws:iam::${A}:role/admin`, Description: "Suppress dev findings" }];
  hub.aggregator = { arn: `arn:aws:securityhub:${R}:${A}:finding-aggregator/agg-1`, regionLinkingMode: "ALL_REGIONS", regions: ["eu-west-1"] };
  const eu = regionData(a, "eu-west-1");
  Object.assign(eu, secureRegion(s, A, "eu-west-1"));
  eu.securityHub!.findings = [shFinding(s, A, "eu-west-1", "eu1", "CRITICAL", 20)];
  r.inspector = { status: "ENABLED", resourceState: { ec2: inspectorState("ENABLED"), ecr: inspectorState("ENABLED"), lambda: inspectorState("ENABLED"), lambdaCode: inspectorState("DISABLED"), codeRepository: inspectorState("DISABLED") }, severityCounts: { all: 12, critical: 2, high: 4, medium: 6 } };
  r.inspector.findings = [
    inspectorFinding(s, A, R, { n: 1, severity: "CRITICAL", firstSeenDaysAgo: 40, cve: "CVE-2024-3094", pkg: "xz-utils" }),
    inspectorFinding(s, A, R, { n: 2, severity: "HIGH", firstSeenDaysAgo: 12, cve: "CVE-2023-44487", pkg: "nghttp2" }),
    inspectorFinding(s, A, R, { n: 3, severity: "CRITICAL", firstSeenDaysAgo: 2, cve: "CVE-2024-6387", pkg: "openssh", repository: "worker" }),
    inspectorFinding(s, A, R, { n: 4, severity: "CRITICAL", firstSeenDaysAgo: 90, cve: "CVE-2022-22965", pkg: "spring-beans", status: "SUPPRESSED" }),
  ];
  r.macie = { status: "ENABLED", createdAt: daysAgo(s.clock, 120) };
  r.ecrRepositories = ["api", "worker", "web"].map((n) => ({
    repositoryArn: `arn:aws:ecr:${R}:${A}:repository/${n}`,
    registryId: A,
    repositoryName: n,
    repositoryUri: `${A}.dkr.ecr.${R}.amazonaws.com/${n}`,
    createdAt: daysAgo(s.clock, 90),
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: n !== "web" },
    encryptionConfiguration: { encryptionType: "AES256" },
  }));
  r.ecrScanning = { scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }] };
  r.lambdaFunctions = Array.from({ length: 62 }, (_, i): FunctionConfiguration => ({
    FunctionName: `fn-${String(i).padStart(3, "0")}`,
    FunctionArn: `arn:aws:lambda:${R}:${A}:function:fn-${String(i).padStart(3, "0")}`,
    Runtime: "nodejs22.x",
    Role: `arn:aws:iam::${A}:role/lambda-exec`,
    Handler: "index.handler",
    CodeSize: 1024 + i,
    MemorySize: 128,
    Timeout: 3,
    LastModified: "2026-11-01T10:00:00.000+0000",
    Environment: { Variables: i === 0 ? { DB_URL: "postgres://app:hunter2hunter2@db/app", STAGE: "prod" } : { STAGE: "prod" } },
    PackageType: "Zip",
    Architectures: ["arm64"],
  }));
  r.lambdaTags = { [`arn:aws:lambda:${R}:${A}:function:fn-000`]: { "tenfold:secrets-scan": "ignore", team: "data" } };
  r.ecsTaskDefinitionTags = { "api:2": [{ key: "tenfold:secrets-scan", value: "ignore" }] };
  r.ecsTaskDefinitions = [1, 2, 3].map((rev) => ({
    family: rev === 3 ? "worker" : "api",
    revision: rev === 3 ? 1 : rev,
    taskDefinitionArn: `arn:aws:ecs:${R}:${A}:task-definition/${rev === 3 ? "worker" : "api"}:${rev === 3 ? 1 : rev}`,
    status: "ACTIVE",
    containerDefinitions: [
      {
        name: "main",
        image: `${A}.dkr.ecr.${R}.amazonaws.com/api:latest`,
        environment: rev === 2 ? [{ name: "API_KEY", value: "sk_live_fakefakefakefakefake" }] : [{ name: "STAGE", value: "prod" }],
        secrets: [{ name: "DB_PASSWORD", valueFrom: `arn:aws:secretsmanager:${R}:${A}:secret:db-AbCdEf` }],
        environmentFiles: [],
      },
    ],
    registeredAt: daysAgo(s.clock, 10 * rev),
  }));
  r.codeBuildProjects = ["build-api", "build-web"].map((n, i) => ({
    name: n,
    arn: `arn:aws:codebuild:${R}:${A}:project/${n}`,
    source: { type: "GITHUB", location: `https://github.com/example/${n}` },
    artifacts: { type: "NO_ARTIFACTS" },
    environment: {
      type: "LINUX_CONTAINER",
      image: "aws/codebuild/standard:7.0",
      computeType: "BUILD_GENERAL1_SMALL",
      environmentVariables: i === 0 ? [{ name: "NPM_TOKEN", value: "npm_fake_token_value_123456", type: "PLAINTEXT" }, { name: "DB", value: "/prod/db", type: "PARAMETER_STORE" }] : [],
    },
    serviceRole: `arn:aws:iam::${A}:role/codebuild`,
    created: daysAgo(s.clock, 200),
  }));
  r.secrets = [
    { ARN: `arn:aws:secretsmanager:${R}:${A}:secret:db-AbCdEf`, Name: "db", RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: daysAgo(s.clock, 10), NextRotationDate: daysAgo(s.clock, -20), LastAccessedDate: daysAgo(s.clock, 1), CreatedDate: daysAgo(s.clock, 300) },
    { ARN: `arn:aws:secretsmanager:${R}:${A}:secret:api-XyZ123`, Name: "api", RotationEnabled: false, CreatedDate: daysAgo(s.clock, 200) },
    { ARN: `arn:aws:secretsmanager:${R}:${A}:secret:old-QwErTy`, Name: "old", RotationEnabled: false, CreatedDate: daysAgo(s.clock, 500), DeletedDate: daysAgo(s.clock, 2) },
  ];
  r.kmsKeys = ["k1", "k2"].map((k, i) => ({
    metadata: {
      KeyId: `1234abcd-0000-0000-0000-00000000000${i}`,
      Arn: `arn:aws:kms:${R}:${A}:key/1234abcd-0000-0000-0000-00000000000${i}`,
      AWSAccountId: A,
      CreationDate: daysAgo(s.clock, 100),
      Enabled: true,
      Description: k,
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "Enabled",
      Origin: "AWS_KMS",
      KeyManager: i === 0 ? "CUSTOMER" : "AWS",
      KeySpec: "SYMMETRIC_DEFAULT",
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      MultiRegion: false,
    },
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "root", Effect: "Allow", Principal: { AWS: i === 0 ? "*" : `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" }] }),
  }));
  r.eventRules = [
    { Name: "securityhub-to-slack", Arn: `arn:aws:events:${R}:${A}:rule/securityhub-to-slack`, EventPattern: JSON.stringify({ source: ["aws.securityhub"] }), State: "ENABLED", EventBusName: "default" },
    { Name: "nightly", Arn: `arn:aws:events:${R}:${A}:rule/nightly`, ScheduleExpression: "cron(0 3 * * ? *)", State: "DISABLED", EventBusName: "default" },
  ];

  const b = addAccount(s, { id: B, name: "payments-prod", parentId: prod, tags: { owner: "team-payments@example.com", "data-classification": "restricted" }, root: { mfa: "none" } });
  regionData(b, R).securityGroups = [securityGroup(B, "sg-b0000000000000001", { name: "default" })];
  b.s3.buckets = [bucket(s, "b-private")];
  b.s3.publicAccessBlock = undefined;
  b.enabledRegions = ["us-east-1", "eu-west-1"];
  addAccount(s, { id: DENIED, name: "legacy-no-role", parentId: workloads, assumeRole: { allowed: true, externalId: OTHER_EXTERNAL_ID } });
  addAccount(s, { id: SUSPENDED, name: "closed-sandbox", state: "SUSPENDED", parentId: workloads });
  // Filler accounts so ListAccounts spans two pages of 20.
  for (let i = 0; i < 20; i++) addAccount(s, { id: String(600000000000 + i), name: `filler-${i}`, parentId: prod });
  return s;
}
