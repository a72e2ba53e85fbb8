// Secret hygiene (checks.md §1.5, §4): planted fake secrets are found (location, kind, salted hash)
// and never appear in the evidence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saltedHash, type AccountEvidence, type SecretScan } from "@/lib/scoring";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { addAccount, createScenario, regionData } from "@/sandbox/scenario/builder";
import { daysAgo } from "@/sandbox/scenario/clock";
import { sandboxScanner } from "./testing/sandbox-scanner";

const ACCOUNT = "888888888888";
const R = "us-east-1";
const SALT = "test-salt";
// Obviously fake values, assembled so this file itself does not look like it holds secrets.
const FAKE = {
  githubToken: "ghp_" + "F4kE".repeat(9),
  dbPassword: "Zq8!vR3#" + "kL9@pW2$xT7m",
  slackToken: "xoxb-" + "000000-fake-fake-fake",
  jwt: "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJ0ZXN0In0" + ".ZmFrZXNpZ25hdHVyZQ",
  userDataPassword: "Pq7.Lm2$" + "Xv9!Rt4@Yw6%",
  launchTemplateKey: "AKIA" + "Q7FAKEFAKEFAKE77",
  urlPassword: "hunter2" + "hunter2",
};

let sandbox: Sandbox;
let evidence: AccountEvidence;

beforeAll(async () => {
  const s = createScenario({ organization: false });
  const a = addAccount(s, { id: ACCOUNT, name: "secrets" });
  a.enabledRegions = [R];
  const r = regionData(a, R);
  r.lambdaFunctions = [
    {
      FunctionName: "api",
      FunctionArn: `arn:aws:lambda:${R}:${ACCOUNT}:function:api`,
      Runtime: "nodejs22.x",
      Environment: { Variables: { GITHUB_TOKEN: FAKE.githubToken, DB_PASSWORD: FAKE.dbPassword, SECRET_ARN: `arn:aws:secretsmanager:${R}:${ACCOUNT}:secret:x`, STAGE: "prod" } },
    },
    { FunctionName: "clean", FunctionArn: `arn:aws:lambda:${R}:${ACCOUNT}:function:clean`, Environment: { Variables: { STAGE: "prod" } } },
    { FunctionName: "broken", FunctionArn: `arn:aws:lambda:${R}:${ACCOUNT}:function:broken`, Environment: { Error: { ErrorCode: "AccessDeniedException", Message: "KMS key not accessible" } } },
  ];
  // The ignore tag on a flagged function (read with ListTags), a clean one and a task definition.
  r.lambdaTags = {
    [`arn:aws:lambda:${R}:${ACCOUNT}:function:api`]: { "tenfold:secrets-scan": "ignore" },
    [`arn:aws:lambda:${R}:${ACCOUNT}:function:clean`]: { "tenfold:secrets-scan": "ignore" },
  };
  r.ecsTaskDefinitionTags = { "svc:3": [{ key: "tenfold:secrets-scan", value: "ignore" }] };
  r.instances = [
    {
      instance: { InstanceId: "i-0secrets00000001", State: { Code: 16, Name: "running" }, LaunchTime: daysAgo(s.clock, 3), Tags: [{ Key: "Name", Value: "web" }, { Key: "tenfold:secrets-scan", Value: "ignore" }] },
      userData: `#!/bin/bash\nexport DB_PASSWORD=${FAKE.userDataPassword}\n-----BEGIN RSA PRIVATE KEY-----\nMIIEfakefakefake\n-----END RSA PRIVATE KEY-----\n`,
    },
  ];
  r.launchTemplateVersions = [
    {
      LaunchTemplateId: "lt-0secrets0000001", LaunchTemplateName: "web", VersionNumber: 1, DefaultVersion: true, CreateTime: daysAgo(s.clock, 5),
      LaunchTemplateData: { UserData: Buffer.from(`#cloud-config\nruncmd:\n  - echo ${FAKE.launchTemplateKey}\n`).toString("base64") },
    },
  ];
  r.codeBuildProjects = [
    {
      name: "build", arn: `arn:aws:codebuild:${R}:${ACCOUNT}:project/build`,
      environment: {
        type: "LINUX_CONTAINER", image: "aws/codebuild/standard:7.0", computeType: "BUILD_GENERAL1_SMALL",
        environmentVariables: [
          { name: "SLACK_TOKEN", value: FAKE.slackToken, type: "PLAINTEXT" },
          { name: "NPM_TOKEN", value: "/ci/npm-token", type: "PARAMETER_STORE" },
        ],
      },
    },
  ];
  r.ecsTaskDefinitions = [
    {
      family: "svc", revision: 3, status: "ACTIVE", taskDefinitionArn: `arn:aws:ecs:${R}:${ACCOUNT}:task-definition/svc:3`,
      containerDefinitions: [
        { name: "app", image: "app:latest", environment: [{ name: "SESSION", value: FAKE.jwt }, { name: "DATABASE_URL", value: `postgres://app:${FAKE.urlPassword}@db/app` }], secrets: [{ name: "X", valueFrom: "arn:aws:ssm:us-east-1:888888888888:parameter/x" }] },
      ],
    },
  ];
  sandbox = await startSandbox({ scenario: s });
  const aws = sandboxScanner(sandbox, { regionsAllowList: [R], secretSalt: SALT });
  const session = await aws.enterAccount(ACCOUNT);
  evidence = await aws.collectAccountEvidence(session, { now: s.clock });
});
afterAll(() => sandbox?.stop());

const scanOf = (r: AccountEvidence["item3"]["lambda"]): SecretScan => {
  const v = r[R];
  if (!v || !("ok" in v) || !v.ok) throw new Error(`not collected: ${JSON.stringify(v)}`);
  return v.value;
};

describe("planted secrets", () => {
  it("never appear in the evidence", () => {
    const json = JSON.stringify(evidence);
    for (const [name, value] of Object.entries(FAKE)) expect(json.includes(value), name).toBe(false);
    expect(json).not.toContain("MIIEfakefakefake");
  });

  it("Lambda: hits with location, kind, detector and salted hash; references counted; unreadable environment recorded once", () => {
    const scan = scanOf(evidence.item3.lambda);
    expect(scan).toMatchObject({ total: 3, scanned: 2, references: 1 });
    const api = scan.flagged.find((f) => f.name === "api")!;
    expect(api.ignoreTag).toBe(true);
    expect(scan.flagged.map((f) => f.name).sort()).toEqual(["api", "broken"]);
    expect(api.hits).toEqual(
      expect.arrayContaining([
        { location: `arn:aws:lambda:${R}:${ACCOUNT}:function:api Environment.Variables.GITHUB_TOKEN`, name: "GITHUB_TOKEN", kind: "github-token", confidence: "high", hash: saltedHash(SALT, FAKE.githubToken), detector: "secretlint:github/GITHUB_TOKEN" },
        expect.objectContaining({ name: "DB_PASSWORD", kind: "named-secret", hash: saltedHash(SALT, FAKE.dbPassword) }),
      ]),
    );
    expect(scan.flagged.find((f) => f.name === "broken")?.error).toEqual({ code: "AccessDeniedException", message: "KMS key not accessible" });
  });

  it("EC2: instance and launch-template user data", () => {
    const scan = scanOf(evidence.item3.ec2UserData);
    expect(scan).toMatchObject({ total: 2, scanned: 2 });
    const kinds = scan.flagged.flatMap((f) => f.hits.map((h) => h.kind)).sort();
    expect(kinds).toEqual(["aws-access-key-id", "named-secret", "private-key"]);
    expect(scan.flagged.find((f) => f.arn.includes("launch-template"))?.hits[0]?.hash).toBe(saltedHash(SALT, FAKE.launchTemplateKey));
    expect(scan.flagged.map((f) => [f.name, f.ignoreTag === true])).toEqual(expect.arrayContaining([["web", true], ["web v1", false]]));
  });

  it("CodeBuild: PLAINTEXT scanned, PARAMETER_STORE counted as a reference", () => {
    const scan = scanOf(evidence.item3.codebuild);
    expect(scan).toMatchObject({ total: 1, scanned: 1, references: 1 });
    expect(scan.flagged[0]?.hits.map((h) => [h.name, h.kind])).toEqual([["SLACK_TOKEN", "slack-token"]]);
  });

  it("ECS: environment scanned, secrets[] counted as references", () => {
    const scan = scanOf(evidence.item3.ecs);
    expect(scan).toMatchObject({ total: 1, scanned: 1, references: 1 });
    expect(scan.flagged[0]?.hits.map((h) => h.kind).sort()).toEqual(["jwt", "url-credentials"]);
    expect(scan.flagged[0]?.ignoreTag).toBe(true);
    expect(scan.flagged[0]?.hits.every((h) => h.location.startsWith(`arn:aws:ecs:${R}:${ACCOUNT}:task-definition/svc:3 containerDefinitions[0].environment.`))).toBe(true);
  });
});

describe("a standalone account (no organization)", () => {
  it("discovery yields the scanner's own account and ORG evidence says 'no organization'", async () => {
    const aws = sandboxScanner(sandbox, { regionsAllowList: [R] });
    const { org, discovery, managementAccountId } = await aws.collectOrganization({ now: sandbox.scenario.clock });
    expect(managementAccountId).toBe(sandbox.scenario.management.accountId);
    expect(Object.keys(discovery.accounts)).toEqual([managementAccountId]);
    expect(org.organization).toEqual({ ok: true, value: null });
    expect(org.organizationTrails).toEqual({ ok: true, value: [] });
    expect(org.findingsAdmin).toBeUndefined();
  });
});
