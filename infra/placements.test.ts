// The templates agree with where the scanner may run (README "Deploying to AWS", lib/aws/placement.ts):
// the scanner reads its own account with its own role, so that role holds the member role's
// permissions; the member role is deployed to the management account only as a plain stack.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.join(path.dirname(new URL(import.meta.url).pathname), "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type Policy = { PolicyName: string; PolicyDocument: unknown };
type Template = { Description: string; Resources: Record<string, { Type: string; Properties: { ManagedPolicyArns: unknown[]; Policies: Policy[] } }> };

// Only the roles' policies are compared: CloudFormation's short-form tags are read as plain strings.
const anyTag = ["Ref", "Sub", "GetAtt"].flatMap((name) => [{ tag: `!${name}`, resolve: (value: string) => value }]);
const role = (file: string) => {
  const template = parse(read(file), { customTags: anyTag }) as Template;
  const roles = Object.values(template.Resources).filter((resource) => resource.Type === "AWS::IAM::Role");
  expect(roles).toHaveLength(1);
  return { description: template.Description, ...roles[0]!.Properties };
};
const additions = (policies: Policy[]) => policies.find((policy) => policy.PolicyName === "TenfoldReadOnlyAdditions")?.PolicyDocument;

describe("scanner placements in the IAM templates", () => {
  const scanner = role("infra/cloudformation/scanner-role.yaml");
  const member = role("infra/cloudformation/member-role-stackset.yaml");

  it("gives the scanner role what the member role has, for the account it runs in", () => {
    expect(scanner.ManagedPolicyArns).toEqual(member.ManagedPolicyArns);
    expect(additions(scanner.Policies)).toEqual(additions(member.Policies));
    expect(additions(scanner.Policies)).toEqual(JSON.parse(read("infra/terraform/modules/member-role/member-inline-policy.json")));
    expect(read("infra/terraform/modules/scanner-role/main.tf")).toContain('file("${path.module}/../member-role/member-inline-policy.json")');
  });

  it("names the three places the scanner may run, and where the member role goes for each", () => {
    expect(scanner.description).toMatch(/management account, a delegated administrator account .* or an account outside\s+the organisation/);
    expect(member.description).toMatch(/skip the management account/);
    expect(member.description).toMatch(/delegated administrator account or outside the organisation, deploy this template\s+there too, as a plain stack/);
    for (const file of ["infra/terraform/modules/member-role-stackset/main.tf", "infra/terraform/modules/member-role/main.tf"])
      expect(read(file).replace(/\n# /g, " ")).toMatch(/management account.*(delegated\s+administrator|outside)/);
  });

  it("documents the variable an outside scanner needs, in the README and lib/env.ts", () => {
    expect(read("lib/env.ts")).toContain("TENFOLD_MANAGEMENT_ACCOUNT_ID");
    expect(read("README.md")).toMatch(/\| `TENFOLD_MANAGEMENT_ACCOUNT_ID` \|/);
    expect(read("infra/terraform/README.md")).toContain("TENFOLD_MANAGEMENT_ACCOUNT_ID");
  });
});
