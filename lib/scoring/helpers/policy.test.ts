import { describe, expect, it } from "vitest";
import { parsePolicy, statementGrantsAnyOf } from "./policy";

const statement = (over: object) => parsePolicy(JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Resource: "*", ...over }] }))![0]!;

describe("statementGrantsAnyOf (an action family such as the spec's s3:Put*)", () => {
  it.each([
    ["s3:PutObject", true],
    ["s3:PutBucketPolicy", true],
    ["s3:Put*", true],
    ["s3:P*", true],
    ["s3:*", true],
    ["*", true],
    ["s3:?utObjectAcl", true],
    ["S3:PUTOBJECTACL", true],
    ["s3:GetObject", false],
    ["s3:Get*", false],
    ["s3:*Object", true],
    ["kms:Put*", false],
  ])("%s → %s", (action, expected) => expect(statementGrantsAnyOf(statement({ Action: action }), "s3:Put")).toBe(expected));
});

describe("parsePolicy conditions and NotPrincipal", () => {
  it("keeps each condition's operator beside its lower-cased key", () => {
    const s = statement({ Effect: "Deny", Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/bg" }, Bool: { "aws:SecureTransport": "false" } } });
    expect(s.conditions).toEqual([
      { operator: "ArnNotLike", key: "aws:principalarn" },
      { operator: "Bool", key: "aws:securetransport" },
    ]);
    expect(s.conditionKeys).toEqual(["aws:principalarn", "aws:securetransport"]);
  });
  it("marks NotPrincipal", () => {
    expect(statement({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::1:role/bg" } }).hasNotPrincipal).toBe(true);
    expect(statement({}).hasNotPrincipal).toBe(false);
  });
});
