// The shipped IAM role templates, parsed (CloudFormation short-form intrinsics included), and what each
// role is granted: SecurityAudit's actions (committed copy, ./security-audit-v91.json) plus its inline policies.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, type CollectionTag, type ScalarTag } from "yaml";
import type { RoleGrants } from "./iam-actions";
import securityAudit from "./security-audit-v91.json";

const here = path.dirname(new URL(import.meta.url).pathname);
export const readInfra = (file: string) => readFileSync(path.join(here, file), "utf8");

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

export type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: Record<string, Record<string, unknown>>; NotAction?: unknown };
export type PolicyDocument = { Version: string; Statement: Statement[] };
export type RoleProperties = {
  RoleName: unknown;
  MaxSessionDuration: number;
  AssumeRolePolicyDocument: PolicyDocument;
  ManagedPolicyArns: unknown[];
  Policies: { PolicyName: string; PolicyDocument: PolicyDocument }[];
};

export function loadTemplate(file: string) {
  return parse(readInfra(file), { customTags: cfnTags }) as { Resources: Record<string, { Type: string; Properties: RoleProperties }> };
}

/** The template's IAM roles (the role templates hold exactly one each; the tests assert it). */
export const rolesOf = (file: string): RoleProperties[] =>
  Object.values(loadTemplate(file).Resources)
    .filter((resource) => resource.Type === "AWS::IAM::Role")
    .map((resource) => resource.Properties);

export const actionsOf = (document: PolicyDocument) => document.Statement.filter((s) => s.Effect === "Allow").flatMap((statement) => [statement.Action].flat());
export const SECURITY_AUDIT = { "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/SecurityAudit" };
export const SECURITY_AUDIT_ACTIONS: readonly string[] = securityAudit.actions;

/** Actions a role template grants: SecurityAudit's when attached, plus every Allow of its inline policies. */
function grantsOf(role: RoleProperties): string[] {
  const managed = role.ManagedPolicyArns.some((arn) => JSON.stringify(arn) === JSON.stringify(SECURITY_AUDIT)) ? SECURITY_AUDIT_ACTIONS : [];
  return [...managed, ...role.Policies.flatMap((policy) => actionsOf(policy.PolicyDocument))];
}

export const MEMBER_ROLE_TEMPLATE = "cloudformation/member-role-stackset.yaml";
export const SCANNER_ROLE_TEMPLATE = "cloudformation/scanner-role.yaml";

export function roleGrants(): RoleGrants {
  const [member] = rolesOf(MEMBER_ROLE_TEMPLATE);
  const [scanner] = rolesOf(SCANNER_ROLE_TEMPLATE);
  return { member: member ? grantsOf(member) : [], scanner: scanner ? grantsOf(scanner) : [] };
}
