// The shipped IAM templates parse and stay minimal: the inline policies add only read actions that
// SecurityAudit lacks, without wildcards; the member role trusts only the scanner principal with an
// ExternalId. That every call Tenfold makes is granted is checked against a real scan in
// iam-policies.int.test.ts (operations recorded by lib/aws, actions mapped by ./iam-actions).
import { describe, expect, it } from "vitest";
import { isGranted } from "./iam-actions";
import { actionsOf, MEMBER_ROLE_TEMPLATE, readInfra as read, rolesOf, SCANNER_ROLE_TEMPLATE, SECURITY_AUDIT, SECURITY_AUDIT_ACTIONS, type PolicyDocument, type RoleProperties } from "./templates";

const WRITE_VERBS =
  /^(Put|Create|Delete|Update|Attach|Detach|Tag|Untag|Set|Modify|Enable|Disable|Start|Stop|Associate|Disassociate|Add|Remove|Reset|Revoke|Authorize|Run|Terminate|Upload|Import|Register|Deregister|Accept|Decline|Invite|Change|Restore|Replace|Pass|Send|Publish|Invoke|Execute|Cancel|Reject|Apply|Batch(Put|Create|Delete|Update)|Generate(?!CredentialReport))/;

function onlyRole(file: string): RoleProperties {
  const roles = rolesOf(file);
  expect(roles).toHaveLength(1);
  return roles[0]!;
}

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
  const role = onlyRole(MEMBER_ROLE_TEMPLATE);
  const inline = role.Policies.map((policy) => policy.PolicyDocument);
  const terraformInline = JSON.parse(read("terraform/modules/member-role/member-inline-policy.json")) as PolicyDocument;
  const terraform = read("terraform/modules/member-role/main.tf");

  it("adds only read actions SecurityAudit lacks, without wildcards", () => {
    expect(role.ManagedPolicyArns).toEqual([SECURITY_AUDIT]);
    const added = inline.flatMap(actionsOf);
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((action) => isGranted(action, SECURITY_AUDIT_ACTIONS)), "already granted by SecurityAudit").toEqual([]);
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
  const role = onlyRole(SCANNER_ROLE_TEMPLATE);
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
