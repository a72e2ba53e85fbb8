import { AccessAnalyzerClient, ListAnalyzersCommand, ListFindingsCommand as AAListFindings, ListFindingsV2Command } from "@aws-sdk/client-accessanalyzer";
import { AccountClient, GetAlternateContactCommand, GetContactInformationCommand, GetPrimaryEmailCommand } from "@aws-sdk/client-account";
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { BatchGetProjectsCommand, CodeBuildClient, ListProjectsCommand } from "@aws-sdk/client-codebuild";
import { DescribeRepositoriesCommand, ECRClient, GetRegistryScanningConfigurationCommand } from "@aws-sdk/client-ecr";
import { DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { EventBridgeClient, ListRulesCommand } from "@aws-sdk/client-eventbridge";
import { DescribeOrganizationConfigurationCommand as GDDescribeOrgConfig, GetDetectorCommand, GetFindingsCommand as GDGetFindings, GuardDutyClient, ListDetectorsCommand, ListFindingsCommand as GDListFindings } from "@aws-sdk/client-guardduty";
import { BatchGetAccountStatusCommand, DescribeOrganizationConfigurationCommand as InspectorDescribeOrgConfig, Inspector2Client, ListFindingAggregationsCommand, ListFindingsCommand as InspectorListFindings } from "@aws-sdk/client-inspector2";
import { GetMacieSessionCommand, Macie2Client } from "@aws-sdk/client-macie2";
import { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient, ListKeysCommand } from "@aws-sdk/client-kms";
import { LambdaClient, ListTagsCommand, paginateListFunctions } from "@aws-sdk/client-lambda";
import { ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import {
  DescribeHubCommand, DescribeOrganizationConfigurationCommand as SHDescribeOrgConfig, GetEnabledStandardsCommand, GetFindingAggregatorCommand, GetFindingsCommand, ListAutomationRulesCommand, ListFindingAggregatorsCommand,
  SecurityHubClient, paginateGetFindings,
} from "@aws-sdk/client-securityhub";
import { describe, expect, it } from "vitest";
import { A, B, R } from "../testing/fixture";
import { errorOf, sandboxForSuite } from "./setup";

const h = sandboxForSuite();
const reg = () => h.s.accounts[A]!.regions[R]!;

describe("Account (restJson1)", () => {
  it("GetAlternateContact in-account, ResourceNotFoundException when unset", async () => {
    const acct = await h.client(AccountClient, A, { maxAttempts: 1 });
    expect((await acct.send(new GetAlternateContactCommand({ AlternateContactType: "SECURITY" }))).AlternateContact).toEqual(h.s.accounts[A]!.contacts.SECURITY);
    const err = await errorOf(acct.send(new GetAlternateContactCommand({ AlternateContactType: "OPERATIONS" })));
    expect(err.name).toBe("ResourceNotFoundException");
    expect(err.$metadata?.httpStatusCode).toBe(404);
    expect((await acct.send(new GetContactInformationCommand({}))).ContactInformation).toEqual(h.s.accounts[A]!.contactInformation);
  });

  it("AccountId is for the management account reading members only", async () => {
    const mgmt = await h.client(AccountClient, undefined, { maxAttempts: 1 });
    expect((await mgmt.send(new GetAlternateContactCommand({ AlternateContactType: "BILLING", AccountId: B }))).AlternateContact).toEqual(h.s.accounts[B]!.contacts.BILLING);
    expect((await errorOf(mgmt.send(new GetAlternateContactCommand({ AlternateContactType: "BILLING", AccountId: "111111111111" })))).name).toBe("AccessDeniedException");
    expect((await mgmt.send(new GetPrimaryEmailCommand({ AccountId: B }))).PrimaryEmail).toBe("aws+payments-prod@example.com");
    const member = await h.client(AccountClient, A, { maxAttempts: 1 });
    expect((await errorOf(member.send(new GetAlternateContactCommand({ AlternateContactType: "SECURITY", AccountId: B })))).name).toBe("AccessDeniedException");
  });
});

describe("CloudTrail (awsJson1_1)", () => {
  it("DescribeTrails shows own trails and the organization trail as a shadow", async () => {
    const ct = await h.client(CloudTrailClient, A, { maxAttempts: 1 });
    const trails = (await ct.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
    const orgTrail = h.s.accounts["111111111111"]!.regions[R]!.trails![0]!;
    expect(trails).toEqual([reg().trails![0]!.trail, orgTrail.trail]);
    expect((await ct.send(new DescribeTrailsCommand({ includeShadowTrails: false }))).trailList?.map((t) => t.Name)).toEqual(["local-trail"]);
    expect(await ct.send(new GetTrailStatusCommand({ Name: orgTrail.trail.TrailARN }))).toMatchObject(orgTrail.status);
    expect((await errorOf(ct.send(new GetTrailStatusCommand({ Name: "org-trail" })))).name).toBe("TrailNotFoundException");
    expect((await errorOf(ct.send(new GetEventSelectorsCommand({ TrailName: orgTrail.trail.TrailARN })))).name).toBe("CloudTrailARNInvalidException");
    const sel = await ct.send(new GetEventSelectorsCommand({ TrailName: "local-trail" }));
    expect(sel.EventSelectors).toEqual(reg().trails![0]!.eventSelectors);
    const mgmt = await h.client(CloudTrailClient);
    expect((await mgmt.send(new GetEventSelectorsCommand({ TrailName: "org-trail" }))).EventSelectors).toEqual(orgTrail.eventSelectors);
  });
});

describe("Access Analyzer (restJson1)", () => {
  it("ListAnalyzers, ListFindings with filters and pages, ListFindingsV2", async () => {
    const aa = await h.client(AccessAnalyzerClient, A, { maxAttempts: 1 });
    const analyzers = (await aa.send(new ListAnalyzersCommand({}))).analyzers;
    expect(analyzers).toEqual(reg().analyzers!.map((x) => x.summary));
    expect((await aa.send(new ListAnalyzersCommand({ type: "ORGANIZATION" }))).analyzers?.map((x) => x.name)).toEqual(["account-analyzer"]);
    const arn = reg().analyzers![0]!.summary.arn;
    const p1 = await aa.send(new AAListFindings({ analyzerArn: arn, maxResults: 2 }));
    const p2 = await aa.send(new AAListFindings({ analyzerArn: arn, maxResults: 2, nextToken: p1.nextToken }));
    expect([...(p1.findings ?? []), ...(p2.findings ?? [])]).toEqual(reg().analyzers![0]!.findings);
    expect(p2.nextToken).toBeUndefined();
    const active = await aa.send(new AAListFindings({ analyzerArn: arn, filter: { status: { eq: ["ACTIVE"] }, resourceOwnerAccount: { eq: [A] } } }));
    expect(active.findings?.map((f) => f.id)).toEqual(["finding-0"]);
    const unused = reg().analyzers![1]!;
    expect((await aa.send(new ListFindingsV2Command({ analyzerArn: unused.summary.arn }))).findings).toEqual(unused.findingsV2);
    expect((await errorOf(aa.send(new AAListFindings({ analyzerArn: unused.summary.arn })))).name).toBe("ValidationException");
    expect((await errorOf(aa.send(new AAListFindings({ analyzerArn: "arn:aws:access-analyzer:us-east-1:1:analyzer/x" })))).name).toBe("ResourceNotFoundException");
  });
});

describe("GuardDuty (restJson1, lowerCamel jsonName)", () => {
  it("ListDetectors, GetDetector, ListFindings with criteria, GetFindings", async () => {
    const gd = await h.client(GuardDutyClient, A, { maxAttempts: 1 });
    const det = reg().detectors![0]!;
    expect((await gd.send(new ListDetectorsCommand({}))).DetectorIds).toEqual([det.id]);
    expect(await gd.send(new GetDetectorCommand({ DetectorId: det.id }))).toMatchObject({ Status: "ENABLED", CreatedAt: det.createdAt, UpdatedAt: det.updatedAt });
    const ids = await gd.send(new GDListFindings({ DetectorId: det.id, FindingCriteria: { Criterion: { severity: { Gte: 7 }, "service.archived": { Eq: ["false"] } } }, MaxResults: 50 }));
    expect(ids.FindingIds).toEqual(["gd-high", "gd-critical"]);
    const found = await gd.send(new GDGetFindings({ DetectorId: det.id, FindingIds: ids.FindingIds }));
    expect(found.Findings).toEqual([det.findings[0], det.findings[3]]);
    const sorted = async (AttributeName: string, OrderBy: "ASC" | "DESC") =>
      (await gd.send(new GDListFindings({ DetectorId: det.id, FindingCriteria: { Criterion: { "service.archived": { Eq: ["false"] } } }, SortCriteria: { AttributeName, OrderBy } }))).FindingIds;
    expect(await sorted("createdAt", "ASC")).toEqual(["gd-high", "gd-medium", "gd-critical"]); // 40, 3, 2 days old
    expect(await sorted("createdAt", "DESC")).toEqual(["gd-critical", "gd-medium", "gd-high"]);
    expect(await sorted("severity", "DESC")).toEqual(["gd-critical", "gd-high", "gd-medium"]);
    expect((await gd.send(new ListDetectorsCommand({}))).DetectorIds).toHaveLength(1);
    const b = await h.client(GuardDutyClient, B);
    expect((await b.send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);
    expect((await errorOf(gd.send(new GetDetectorCommand({ DetectorId: "nope" })))).name).toBe("BadRequestException");
    expect(await gd.send(new GDDescribeOrgConfig({ DetectorId: det.id }))).toMatchObject({ AutoEnable: true, AutoEnableOrganizationMembers: "ALL" });
  });
});

describe("Security Hub (restJson1)", () => {
  it("DescribeHub and standards; InvalidAccessException (401) when not enabled", async () => {
    const sh = await h.client(SecurityHubClient, A, { maxAttempts: 1 });
    expect(await sh.send(new DescribeHubCommand({}))).toMatchObject({ HubArn: reg().securityHub!.hubArn, SubscribedAt: reg().securityHub!.subscribedAt, AutoEnableControls: true });
    const s1 = await sh.send(new GetEnabledStandardsCommand({ MaxResults: 1 }));
    const s2 = await sh.send(new GetEnabledStandardsCommand({ MaxResults: 1, NextToken: s1.NextToken }));
    expect([...(s1.StandardsSubscriptions ?? []), ...(s2.StandardsSubscriptions ?? [])]).toEqual(reg().securityHub!.standards);
    const off = await h.client(SecurityHubClient, B, { maxAttempts: 1 });
    const err = await errorOf(off.send(new DescribeHubCommand({})));
    expect(err.name).toBe("InvalidAccessException");
    expect(err.$metadata?.httpStatusCode).toBe(401);
  });

  it("GetFindings filters (EQUALS OR-ed), sorts, pages, and aggregates linked Regions", async () => {
    const sh = await h.client(SecurityHubClient, A);
    const pages = [];
    for await (const p of paginateGetFindings(
      { client: sh, pageSize: 1 },
      {
        Filters: {
          SeverityLabel: [{ Field: undefined, Value: "CRITICAL", Comparison: "EQUALS" }, { Value: "HIGH", Comparison: "EQUALS" }],
          WorkflowStatus: [{ Value: "NEW", Comparison: "EQUALS" }, { Value: "NOTIFIED", Comparison: "EQUALS" }],
          RecordState: [{ Value: "ACTIVE", Comparison: "EQUALS" }],
          ComplianceStatus: [{ Value: "PASSED", Comparison: "NOT_EQUALS" }],
          AwsAccountId: [{ Value: A, Comparison: "EQUALS" }],
        } as never,
        SortCriteria: [{ Field: "FirstObservedAt", SortOrder: "asc" }],
      },
    ))
      pages.push(...(p.Findings ?? []));
    const eu = h.s.accounts[A]!.regions["eu-west-1"]!.securityHub!.findings[0]!;
    const [f1, f2] = reg().securityHub!.findings;
    expect(pages).toEqual([f2, eu, f1]);
    const one = await sh.send(new GetFindingsCommand({ MaxResults: 100 }));
    expect(one.Findings).toHaveLength(5);
  });

  it("automation rules and the finding aggregator", async () => {
    const sh = await h.client(SecurityHubClient, A);
    expect((await sh.send(new ListAutomationRulesCommand({}))).AutomationRulesMetadata).toEqual(reg().securityHub!.automationRules);
    const aggs = (await sh.send(new ListFindingAggregatorsCommand({}))).FindingAggregators ?? [];
    expect(aggs).toEqual([{ FindingAggregatorArn: reg().securityHub!.aggregator!.arn }]);
    const agg = await sh.send(new GetFindingAggregatorCommand({ FindingAggregatorArn: aggs[0]!.FindingAggregatorArn }));
    expect(agg).toMatchObject({ FindingAggregationRegion: R, RegionLinkingMode: "ALL_REGIONS", Regions: ["eu-west-1"] });
    expect(await sh.send(new SHDescribeOrgConfig({}))).toMatchObject({ AutoEnable: true, AutoEnableStandards: "DEFAULT" });
  });
});

describe("Inspector2, Lambda, Secrets Manager, ECS, CodeBuild, KMS, ECR, EventBridge", () => {
  it("Inspector2 BatchGetAccountStatus and ListFindingAggregations", async () => {
    const ins = await h.client(Inspector2Client, A);
    const st = await ins.send(new BatchGetAccountStatusCommand({}));
    expect(st.accounts).toEqual([{ accountId: A, state: { status: "ENABLED", errorCode: "ALREADY_ENABLED", errorMessage: "" }, resourceState: reg().inspector!.resourceState }]);
    const agg = await ins.send(new ListFindingAggregationsCommand({ aggregationType: "ACCOUNT" }));
    expect(agg.responses).toEqual([{ accountAggregation: { accountId: A, severityCounts: reg().inspector!.severityCounts } }]);
    const off = await (await h.client(Inspector2Client, B)).send(new BatchGetAccountStatusCommand({ accountIds: [B, A] }));
    expect(off.accounts?.[0]?.state?.status).toBe("DISABLED");
    expect(off.failedAccounts?.map((f) => f.accountId)).toEqual([A]);
    expect((await ins.send(new InspectorDescribeOrgConfig({}))).autoEnable).toEqual({ ec2: true, ecr: true, lambda: true, lambdaCode: true });
    const notAdmin = await h.client(Inspector2Client, B, { maxAttempts: 1 });
    expect((await errorOf(notAdmin.send(new InspectorDescribeOrgConfig({})))).name).toBe("AccessDeniedException");
  });

  it("Inspector2 ListFindings: string filters (EQUALS OR-ed, NOT_EQUALS AND-ed, fields AND-ed) and pages", async () => {
    const ins = await h.client(Inspector2Client, A);
    const arns = (fs: { findingArn?: string }[] | undefined) => (fs ?? []).map((f) => f.findingArn);
    const all = reg().inspector!.findings!;
    const criticalActive = { severity: [{ comparison: "EQUALS" as const, value: "CRITICAL" }], findingStatus: [{ comparison: "EQUALS" as const, value: "ACTIVE" }] };
    const got = await ins.send(new InspectorListFindings({ filterCriteria: criticalActive, maxResults: 100 }));
    expect(arns(got.findings)).toEqual([all[0]!.findingArn, all[2]!.findingArn]);
    expect(got.findings?.[0]).toEqual(all[0]); // the SDK parses the Finding shape back (dates included)
    expect(got.nextToken).toBeUndefined();
    const either = await ins.send(new InspectorListFindings({ filterCriteria: { severity: [{ comparison: "EQUALS", value: "HIGH" }, { comparison: "EQUALS", value: "CRITICAL" }], findingStatus: [{ comparison: "NOT_EQUALS", value: "SUPPRESSED" }] } }));
    expect(arns(either.findings)).toEqual([all[0]!.findingArn, all[1]!.findingArn, all[2]!.findingArn]);
    const first = await ins.send(new InspectorListFindings({ maxResults: 3 }));
    const second = await ins.send(new InspectorListFindings({ maxResults: 3, nextToken: first.nextToken }));
    expect([...arns(first.findings), ...arns(second.findings)]).toEqual(arns(all));
    expect(second.nextToken).toBeUndefined();
    // sortCriteria on a date: oldest (or newest) first across pages, as Tenfold reads critical findings.
    const byAge = [...all].sort((a, b) => a.firstObservedAt!.getTime() - b.firstObservedAt!.getTime()).map((f) => f.findingArn);
    const oldest = await ins.send(new InspectorListFindings({ sortCriteria: { field: "FIRST_OBSERVED_AT", sortOrder: "ASC" }, maxResults: 2 }));
    const oldestRest = await ins.send(new InspectorListFindings({ sortCriteria: { field: "FIRST_OBSERVED_AT", sortOrder: "ASC" }, maxResults: 100, nextToken: oldest.nextToken }));
    expect([...arns(oldest.findings), ...arns(oldestRest.findings)]).toEqual(byAge);
    const newest = await ins.send(new InspectorListFindings({ sortCriteria: { field: "FIRST_OBSERVED_AT", sortOrder: "DESC" } }));
    expect(arns(newest.findings)).toEqual([...byAge].reverse());
    const none = await (await h.client(Inspector2Client, B)).send(new InspectorListFindings({ filterCriteria: criticalActive }));
    expect(none.findings).toEqual([]);
  });

  it("Macie2 GetMacieSession; AccessDeniedException 'Macie is not enabled.' where it is off", async () => {
    const macie = await h.client(Macie2Client, A);
    const on = reg().macie!;
    expect(await macie.send(new GetMacieSessionCommand({}))).toMatchObject({ status: "ENABLED", createdAt: on.createdAt, updatedAt: on.createdAt, findingPublishingFrequency: "SIX_HOURS" });
    const off = await errorOf((await h.client(Macie2Client, A, { region: "eu-west-1", maxAttempts: 1 })).send(new GetMacieSessionCommand({})));
    expect({ name: off.name, message: off.message, status: off.$metadata?.httpStatusCode }).toEqual({ name: "AccessDeniedException", message: "Macie is not enabled.", status: 403 });
  });

  it("Lambda ListFunctions pages at most 50 per page", async () => {
    const lambda = await h.client(LambdaClient, A);
    const pages = [];
    for await (const p of paginateListFunctions({ client: lambda, pageSize: 100 }, {})) pages.push(p.Functions ?? []);
    expect(pages.map((p) => p.length)).toEqual([50, 12]);
    expect(pages.flat()).toEqual(reg().lambdaFunctions);
  });

  it("Lambda ListTags: a function's tags by ARN, none for an untagged one, ResourceNotFoundException for an unknown one", async () => {
    const lambda = await h.client(LambdaClient, A);
    const arn = (n: string) => `arn:aws:lambda:${R}:${A}:function:${n}`;
    expect((await lambda.send(new ListTagsCommand({ Resource: arn("fn-000") }))).Tags).toEqual({ "tenfold:secrets-scan": "ignore", team: "data" });
    expect((await lambda.send(new ListTagsCommand({ Resource: arn("fn-001") }))).Tags).toEqual({});
    const missing = await errorOf(lambda.send(new ListTagsCommand({ Resource: arn("nope") })));
    expect([missing.name, missing.$metadata?.httpStatusCode]).toEqual(["ResourceNotFoundException", 404]);
  });

  it("Secrets Manager ListSecrets hides deleted secrets unless asked", async () => {
    const sm = await h.client(SecretsManagerClient, A);
    expect((await sm.send(new ListSecretsCommand({}))).SecretList).toEqual(reg().secrets!.slice(0, 2));
    expect((await sm.send(new ListSecretsCommand({ IncludePlannedDeletion: true }))).SecretList).toHaveLength(3);
  });

  it("ECS ListTaskDefinitions (DESC) and DescribeTaskDefinition", async () => {
    const ecs = await h.client(ECSClient, A);
    const arns = (await ecs.send(new ListTaskDefinitionsCommand({ status: "ACTIVE", sort: "DESC" }))).taskDefinitionArns;
    expect(arns).toEqual([`arn:aws:ecs:${R}:${A}:task-definition/worker:1`, `arn:aws:ecs:${R}:${A}:task-definition/api:2`, `arn:aws:ecs:${R}:${A}:task-definition/api:1`]);
    const p1 = await ecs.send(new ListTaskDefinitionsCommand({ maxResults: 2 }));
    expect(p1.nextToken).toBeDefined();
    const td = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "api" }));
    expect(td.taskDefinition).toEqual(reg().ecsTaskDefinitions![1]);
    expect(td.tags).toBeUndefined(); // tags only when asked for
    const tagged = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "api", include: ["TAGS"] }));
    expect(tagged.tags).toEqual([{ key: "tenfold:secrets-scan", value: "ignore" }]);
  });

  it("CodeBuild ListProjects and BatchGetProjects", async () => {
    const cb = await h.client(CodeBuildClient, A);
    const names = (await cb.send(new ListProjectsCommand({}))).projects ?? [];
    expect(names).toEqual(["build-api", "build-web"]);
    const got = await cb.send(new BatchGetProjectsCommand({ names: [...names, "missing"] }));
    expect(got.projects).toEqual(reg().codeBuildProjects);
    expect(got.projectsNotFound).toEqual(["missing"]);
  });

  it("KMS ListKeys (Marker), DescribeKey, GetKeyPolicy", async () => {
    const kms = await h.client(KMSClient, A, { maxAttempts: 1 });
    const p1 = await kms.send(new ListKeysCommand({ Limit: 1 }));
    expect(p1.Truncated).toBe(true);
    const p2 = await kms.send(new ListKeysCommand({ Limit: 1, Marker: p1.NextMarker }));
    expect(p2.Truncated).toBe(false);
    const key = reg().kmsKeys![0]!;
    expect((await kms.send(new DescribeKeyCommand({ KeyId: p1.Keys?.[0]?.KeyId }))).KeyMetadata).toEqual(key.metadata);
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: key.metadata.Arn, PolicyName: "default" }))).Policy).toBe(key.policy);
    expect((await errorOf(kms.send(new DescribeKeyCommand({ KeyId: "nope" })))).name).toBe("NotFoundException");
  });

  it("ECR DescribeRepositories and GetRegistryScanningConfiguration", async () => {
    const ecr = await h.client(ECRClient, A, { maxAttempts: 1 });
    expect((await ecr.send(new DescribeRepositoriesCommand({}))).repositories).toEqual(reg().ecrRepositories);
    expect(await ecr.send(new GetRegistryScanningConfigurationCommand({}))).toMatchObject({ registryId: A, scanningConfiguration: reg().ecrScanning });
    expect((await errorOf(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ["nope"] })))).name).toBe("RepositoryNotFoundException");
  });

  it("EventBridge ListRules", async () => {
    const ev = await h.client(EventBridgeClient, A);
    expect((await ev.send(new ListRulesCommand({}))).Rules).toEqual(reg().eventRules);
    expect((await ev.send(new ListRulesCommand({ NamePrefix: "security" }))).Rules?.map((r) => r.Name)).toEqual(["securityhub-to-slack"]);
  });
});
