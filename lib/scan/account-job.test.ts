import { describe, expect, it } from "vitest";
import { collected, collectFailed, notApplicable } from "@/lib/scoring/evidence";
import { collectionErrors } from "./account-job";

describe("collectionErrors", () => {
  it("counts every failed AWS call anywhere in the evidence, and nothing else", () => {
    const evidence = {
      iam: { credentialReport: collected({ rows: [] }), accountSummary: collectFailed("AccessDenied") },
      item4: { securityGroups: { "us-east-1": collected([]), "eu-west-1": collectFailed("ThrottlingException"), "ap-east-1": notApplicable("opt-in") } },
      list: [collectFailed("InternalFailure"), collected(1)],
    };
    expect(collectionErrors(evidence)).toBe(3);
    expect(collectionErrors({ trails: collected([{ status: collectFailed("AccessDenied") }]) })).toBe(1);
  });
});
