import { describe, expect, it } from "vitest";
import { collected, collectFailed, notApplicable, type Analyzer, type Regional } from "@/lib/scoring/evidence";
import { mergeAnalyzers } from "./org-evidence";

// Organization analyzers are looked for in Access Analyzer's delegated admin and in the management
// account (checks.md §8): a Region is covered if either has one, and unknown (not uncovered) if one of
// them could not be read while the other has none.

const analyzer = (owner: string, type = "ORGANIZATION", status = "ACTIVE"): Analyzer => ({
  arn: `arn:aws:access-analyzer:us-east-1:${owner}:analyzer/${type.toLowerCase()}`,
  name: type,
  type,
  status,
});
const DA = "222200000001";
const MGMT = "111111111111";
const denied = collectFailed<Analyzer[]>("AccessDenied", "AssumeRole denied", "sts:AssumeRole");

describe("mergeAnalyzers", () => {
  it.each<{ name: string; lists: Regional<Analyzer[]>[]; expected: "covered" | "uncovered" | "error" | "notApplicable" }>([
    { name: "organization analyzer in the management account only", lists: [{ "us-east-1": collected([]) }, { "us-east-1": collected([analyzer(MGMT)]) }], expected: "covered" },
    { name: "organization analyzer in the delegated admin only", lists: [{ "us-east-1": collected([analyzer(DA)]) }, { "us-east-1": collected([]) }], expected: "covered" },
    { name: "covered by one, the other unreadable", lists: [{ "us-east-1": collected([analyzer(DA)]) }, { "us-east-1": denied }], expected: "covered" },
    { name: "none where read, the other unreadable", lists: [{ "us-east-1": collected([]) }, { "us-east-1": denied }], expected: "error" },
    { name: "none anywhere", lists: [{ "us-east-1": collected([analyzer(DA, "ACCOUNT")]) }, { "us-east-1": collected([]) }], expected: "uncovered" },
    { name: "a disabled organization analyzer does not cover", lists: [{ "us-east-1": collected([analyzer(MGMT, "ORGANIZATION", "DISABLED")]) }], expected: "uncovered" },
    { name: "Region disabled in one, empty in the other", lists: [{ "us-east-1": notApplicable("Region disabled") }, { "us-east-1": collected([]) }], expected: "uncovered" },
    { name: "Region disabled everywhere", lists: [{ "us-east-1": notApplicable("Region disabled") }], expected: "notApplicable" },
  ])("$name → $expected", ({ lists, expected }) => {
    const entry = mergeAnalyzers(lists)["us-east-1"]!;
    const got =
      "notApplicable" in entry ? "notApplicable" : !entry.ok ? "error" : entry.value.some((a) => a.type === "ORGANIZATION" && a.status === "ACTIVE") ? "covered" : "uncovered";
    expect(got).toBe(expected);
  });

  it("keeps every analyzer found, from both accounts", () => {
    const merged = mergeAnalyzers([{ "eu-west-1": collected([analyzer(DA, "ACCOUNT_UNUSED_ACCESS")]) }, { "eu-west-1": collected([analyzer(MGMT)]) }]);
    expect(merged["eu-west-1"]).toEqual(collected([analyzer(DA, "ACCOUNT_UNUSED_ACCESS"), analyzer(MGMT)]));
  });
});
