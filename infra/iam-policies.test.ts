// The shipped IAM templates parse, and grant exactly what checks.md §16 says: every action Tenfold
// calls is covered by SecurityAudit or the inline policy; the inline policies hold no wildcard and
// no write action; the member role trusts only the scanner principal with an ExternalId.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, type CollectionTag, type ScalarTag } from "yaml";

const here = path.dirname(new URL(import.meta.url).pathname);
const read = (file: string) => readFileSync(path.join(here, file), "utf8");

// checks.md §16, SecurityAudit v91: the actions Tenfold calls, and whether SecurityAudit grants them.
const TENFOLD_ACTIONS: Record<string, boolean> = {
  "account:GetAlternateContact": true, "account:GetPrimaryEmail": true, "account:GetAccountInformation": true, "account:GetRegionOptStatus": true,
  "account:GetContactInformation": false,
  "iam:GenerateCredentialReport": true, "iam:GetCredentialReport": true, "iam:GetAccountSummary": true, "iam:GetAccountAuthorizationDetails": true,
  "iam:ListVirtualMFADevices": true, "iam:ListOrganizationsFeatures": true, "iam:ListSAMLProviders": true,
  "ec2:DescribeRegions": true, "ec2:DescribeSecurityGroups": true, "ec2:DescribeInstances": true, "ec2:DescribeInstanceAttribute": true,
  "ec2:DescribeLaunchTemplateVersions": true, "ec2:DescribeNetworkInterfaces": true, "ec2:GetManagedPrefixListEntries": true,
  "lambda:ListFunctions": true, "ecs:ListTaskDefinitions": true, "ecs:DescribeTaskDefinition": true,
  "codebuild:ListProjects": true, "codebuild:BatchGetProjects": true, "secretsmanager:ListSecrets": true, "cloudformation:DescribeStacks": true,
  "s3:GetAccountPublicAccessBlock": true, "s3:ListAllMyBuckets": true, "s3:GetBucketPolicyStatus": true, "s3:GetBucketPublicAccessBlock": true,
  "s3:GetBucketAcl": true, "s3:GetBucketPolicy": true, "s3:GetBucketVersioning": true, "s3:GetBucketObjectLockConfiguration": true, "s3:GetBucketLocation": true,
  "kms:ListKeys": true, "kms:DescribeKey": true, "kms:GetKeyPolicy": true,
  "macie2:GetMacieSession": false,
  "organizations:ListAccounts": true, "organizations:ListParents": true, "organizations:ListTagsForResource": true, "organizations:DescribeOrganization": true,
  "organizations:ListDelegatedAdministrators": true, "organizations:ListAWSServiceAccessForOrganization": true, "organizations:ListPolicies": true,
  "organizations:DescribePolicy": true, "organizations:ListPoliciesForTarget": true, "organizations:ListTargetsForPolicy": true,
  "cloudtrail:DescribeTrails": true, "cloudtrail:GetTrailStatus": true, "cloudtrail:GetEventSelectors": true,
  "access-analyzer:ListAnalyzers": true, "access-analyzer:ListFindings": true,
  "guardduty:ListDetectors": true, "guardduty:GetDetector": true, "guardduty:ListFindings": true, "guardduty:GetFindings": true, "guardduty:DescribeOrganizationConfiguration": true,
  "securityhub:DescribeHub": true, "securityhub:GetEnabledStandards": true, "securityhub:GetFindings": true, "securityhub:ListAutomationRules": true,
  "securityhub:ListFindingAggregators": true, "securityhub:GetFindingAggregator": true,
  "events:ListRules": true,
  "inspector2:BatchGetAccountStatus": true, "inspector2:ListFindingAggregations": true, "inspector2:ListFindings": true,
  "ecr:DescribeRepositories": true, "ecr:GetRegistryScanningConfiguration": true,
  "sso:ListInstances": true,
};

const WRITE_VERBS =
  /^(Put|Create|Delete|Update|Attach|Detach|Tag|Untag|Set|Modify|Enable|Disable|Start|Stop|Associate|Disassociate|Add|Remove|Reset|Revoke|Authorize|Run|Terminate|Upload|Import|Register|Deregister|Accept|Decline|Invite|Change|Restore|Replace|Pass|Send|Publish|Invoke|Execute|Cancel|Reject|Apply|Batch(Put|Create|Delete|Update)|Generate(?!CredentialReport))/;

// CloudFormation's short-form intrinsics (!Ref, !Sub, !GetAtt…) as plain { "Fn::X": … } objects.
const INTRINSICS = ["Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "ImportValue", "Base64", "GetAZs", "Condition"];
const cfnTags = INTRINSICS.flatMap((name): (ScalarTag | CollectionTag)[] => {
  const key = name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
  const wrap = (value: unknown) => ({ [key]: name === "GetAtt" && typeof value === "string" ? value.split(".") : value });
  return [
    { tag: `!${name}`, resolve: (value: string) => wrap(value) },
    { tag: `!${name}`, collection: "seq", resolve: (value) => wrap((value as unknown as { toJSON(): unknown }).toJSON()) },
  ];
});

type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: Record<string, Record<string, unknown>>; NotAction?: unknown };
type PolicyDocument = { Version: string; Statement: Statement[] };
type RoleProperties = {
  RoleName: unknown;
  MaxSessionDuration: number;
  AssumeRolePolicyDocument: PolicyDocument;
  ManagedPolicyArns: unknown[];
  Policies: { PolicyName: string; PolicyDocument: PolicyDocument }[];
};

function loadTemplate(file: string) {
  return parse(read(file), { customTags: cfnTags }) as { Resources: Record<string, { Type: string; Properties: RoleProperties }> };
}

function onlyRole(file: string): RoleProperties {
  const roles = Object.values(loadTemplate(file).Resources).filter((resource) => resource.Type === "AWS::IAM::Role");
  expect(roles).toHaveLength(1);
  return roles[0]!.Properties;
}

const actionsOf = (document: PolicyDocument) => document.Statement.flatMap((statement) => [statement.Action].flat());
const SECURITY_AUDIT = { "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/SecurityAudit" };

function expectReadOnlyInline(document: PolicyDocument) {
  expect(document.Version).toBe("2012-10-17");
  for (const statement of document.Statement) {
    expect(statement.Effect).toBe("Allow");
    expect(statement.NotAction).toBeUndefined();
    for (const action of [statement.Action].flat()) {
      expect(action, "no wildcard actions").not.toContain("*");
      expect(action, "no write actions").toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      expect(action.split(":")[1], `${action} is a write action`).not.toMatch(WRITE_VERBS);
    }
  }
}

describe("member role (CloudFormation StackSet template and Terraform module)", () => {
  const role = onlyRole("cloudformation/member-role-stackset.yaml");
  const inline = role.Policies.map((policy) => policy.PolicyDocument);
  const terraformInline = JSON.parse(read("terraform/modules/member-role/member-inline-policy.json")) as PolicyDocument;
  const terraform = read("terraform/modules/member-role/main.tf");

  it("grants every action Tenfold calls, through SecurityAudit or the inline policy", () => {
    expect(role.ManagedPolicyArns).toEqual([SECURITY_AUDIT]);
    const granted = new Set(inline.flatMap(actionsOf));
    const missing = Object.entries(TENFOLD_ACTIONS).filter(([action, inSecurityAudit]) => !inSecurityAudit && !granted.has(action));
    expect(missing).toEqual([]);
  });

  it("adds only the actions SecurityAudit lacks, read-only and without wildcards", () => {
    const added = inline.flatMap(actionsOf).sort();
    expect(added).toEqual(Object.entries(TENFOLD_ACTIONS).filter(([, inSecurityAudit]) => !inSecurityAudit).map(([action]) => action).sort());
    inline.forEach(expectReadOnlyInline);
    expectReadOnlyInline(terraformInline);
  });

  it("ships the same inline policy in CloudFormation and Terraform", () => {
    expect(inline).toEqual([terraformInline]);
    expect(terraform).toMatch(/policy\s*=\s*file\("\$\{path\.module\}\/member-inline-policy\.json"\)/);
    expect(terraform).toMatch(/policy_arn\s*=\s*"arn:\$\{data\.aws_partition\.current\.partition\}:iam::aws:policy\/SecurityAudit"/);
  });

  it("trusts only the scanner principal, with the ExternalId and a pinned principal ARN", () => {
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Sid: "TenfoldScannerOnly",
        Effect: "Allow",
        Principal: { AWS: { Ref: "ScannerPrincipalArn" } },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": { Ref: "ExternalId" }, "aws:PrincipalArn": { Ref: "ScannerPrincipalArn" } } },
      },
    ]);
    expect(terraform).toMatch(/variable\s*=\s*"sts:ExternalId"/);
    expect(terraform).toMatch(/variable\s*=\s*"aws:PrincipalArn"/);
    expect(terraform).toMatch(/identifiers\s*=\s*\[var\.scanner_principal_arn\]/);
  });

  it("limits sessions to an hour", () => {
    expect(role.MaxSessionDuration).toBe(3600);
    expect(terraform).toMatch(/max_session_duration\s*=\s*3600/);
  });

  it("is the template the Terraform StackSet module deploys, service-managed", () => {
    const stackSet = read("terraform/modules/member-role-stackset/main.tf");
    expect(stackSet).toContain('file("${path.module}/../../../cloudformation/member-role-stackset.yaml")');
    expect(stackSet).toMatch(/permission_model\s*=\s*"SERVICE_MANAGED"/);
  });
});

describe("scanner role (CloudFormation and Terraform)", () => {
  const role = onlyRole("cloudformation/scanner-role.yaml");
  const terraformPolicy = JSON.parse(
    read("terraform/modules/scanner-role/scanner-policy.json.tftpl").replace("${partition}", "aws").replace("${member_role_name}", "TenfoldReadOnly"),
  ) as PolicyDocument;

  it("has SecurityAudit for the organisation-level reads", () => {
    expect(role.ManagedPolicyArns).toEqual([SECURITY_AUDIT]);
    expect(read("terraform/modules/scanner-role/main.tf")).toContain(":iam::aws:policy/SecurityAudit");
  });

  it("may assume only the Tenfold member role, in any account", () => {
    const [document] = role.Policies.map((policy) => policy.PolicyDocument);
    expect(document!.Statement).toEqual([
      { Sid: "TenfoldAssumeMemberRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: { "Fn::Sub": "arn:${AWS::Partition}:iam::*:role/${MemberRoleName}" } },
    ]);
    expect(terraformPolicy.Statement).toEqual([
      { Sid: "TenfoldAssumeMemberRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: "arn:aws:iam::*:role/TenfoldReadOnly" },
    ]);
    expectReadOnlyInline(document!);
    expectReadOnlyInline(terraformPolicy);
  });

  it("is assumable only by the compute service of this account", () => {
    const [trust] = role.AssumeRolePolicyDocument.Statement;
    expect(trust!.Principal).toEqual({ Service: { Ref: "ComputeServicePrincipal" } });
    expect(trust!.Condition).toEqual({ StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } });
  });
});
