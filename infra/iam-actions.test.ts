import { describe, expect, it } from "vitest";
import { actionMatches, iamActionFor, isGranted, ungrantedCalls, type ApiCall } from "./iam-actions";
import securityAudit from "./security-audit-v91.json";

const SA = securityAudit.actions;

describe("SDK operation → IAM action", () => {
  it.each([
    ["iam", "GetAccountSummary", "iam:GetAccountSummary"],
    ["s3", "GetBucketPolicy", "s3:GetBucketPolicy"],
    ["s3", "ListBuckets", "s3:ListAllMyBuckets"],
    ["s3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"],
    ["s3", "GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration"],
    ["s3", "ListObjectsV2", "s3:ListBucket"],
    ["s3", "HeadBucket", "s3:ListBucket"],
    ["s3control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"],
    ["accessanalyzer", "ListFindingsV2", "access-analyzer:ListFindings"],
    ["accessanalyzer", "ListAnalyzers", "access-analyzer:ListAnalyzers"],
    ["eventbridge", "ListRules", "events:ListRules"],
    ["lambda", "GetFunctionConfiguration", "lambda:GetFunctionConfiguration"],
    ["macie2", "GetMacieSession", "macie2:GetMacieSession"],
    ["sts", "AssumeRole", "sts:AssumeRole"],
    ["sts", "GetCallerIdentity", null],
  ])("%s %s → %s", (service, operation, action) => expect(iamActionFor(service, operation)).toBe(action));
});

describe("IAM action patterns", () => {
  it.each([
    ["iam:Get*", "iam:GetAccountSummary", true],
    ["iam:Get*", "iam:PutRolePolicy", false],
    ["iam:List*", "IAM:listvirtualmfadevices", true], // prefix and name are case-insensitive
    ["s3:GetBucket*", "s3:GetBucketObjectLockConfiguration", true],
    ["s3:GetBucket*", "s3:GetAccountPublicAccessBlock", false],
    ["ec2:Describe*", "ec2:DescribeRegions", true],
    ["ec2:Describe*", "ec2:DescribeRegions2", true],
    ["kms:Get?eyPolicy", "kms:GetKeyPolicy", true],
    ["kms:Get?eyPolicy", "kms:GetKKeyPolicy", false],
    ["macie2:ListFindings", "macie2:GetMacieSession", false],
    ["s3:*", "s3control:GetPublicAccessBlock", false], // a prefix is not a wildcard for another service
  ])("%s vs %s → %s", (pattern, action, match) => expect(actionMatches(pattern, action)).toBe(match));

  it("SecurityAudit (v91, committed subset) grants the reads it is known for and not macie2:GetMacieSession", () => {
    for (const a of ["iam:GenerateCredentialReport", "iam:GetCredentialReport", "ec2:GetManagedPrefixListEntries", "s3:GetAccountPublicAccessBlock", "inspector2:ListFindings", "organizations:ListAccounts"])
      expect(isGranted(a, SA), a).toBe(true);
    for (const a of ["macie2:GetMacieSession", "account:GetContactInformation", "sts:AssumeRole"]) expect(isGranted(a, SA), a).toBe(false);
  });
});

describe("ungrantedCalls", () => {
  const grants = { member: [...SA, "macie2:GetMacieSession", "account:GetContactInformation"], scanner: [...SA, "sts:AssumeRole"] };
  const calls: ApiCall[] = [
    { service: "sts", operation: "AssumeRole", scope: "org" },
    { service: "organizations", operation: "ListAccounts", scope: "org" },
    { service: "macie2", operation: "GetMacieSession", scope: "100000000010" },
    { service: "s3", operation: "ListBuckets", scope: "100000000010" },
    { service: "sts", operation: "GetCallerIdentity", scope: "org" },
  ];

  it("passes calls the roles grant", () => expect(ungrantedCalls(calls, grants)).toEqual([]));

  it.each([
    ["a new Macie read outside SecurityAudit", { service: "macie2", operation: "ListClassificationJobs", scope: "100000000010" }, ["member role lacks macie2:ListClassificationJobs (macie2 ListClassificationJobs)"]],
    ["a write call", { service: "ec2", operation: "ModifyInstanceAttribute", scope: "100000000010" }, ["member role lacks ec2:ModifyInstanceAttribute (ec2 ModifyInstanceAttribute)"]],
    ["an org-level call only the member role grants", { service: "macie2", operation: "GetMacieSession", scope: "org" }, ["scanner role lacks macie2:GetMacieSession (macie2 GetMacieSession)"]],
    ["AssumeRole from a member role's grants alone", { service: "sts", operation: "AssumeRole", scope: "org" }, ["scanner role lacks sts:AssumeRole (sts AssumeRole)"]],
  ] as const)("fails on %s", (_n, fake, expected) => {
    const g = fake.operation === "AssumeRole" ? { ...grants, scanner: SA } : grants;
    expect(ungrantedCalls([...calls, fake], g)).toEqual(expected);
  });
});
