import { describe, expect, it } from "vitest";
import { rateBoundS, scanFloor } from "./floor";

const rules = [
  { service: "securityhub", operation: "GetFindings", perSecond: 3, burst: 6 },
  { service: "securityhub", operation: /^(?!GetFindings$)/, perSecond: 10, burst: 30 },
  { service: "organizations", perSecond: 20, burst: 40 },
  { service: "sts", perSecond: 100, burst: 200 },
];

describe("scan floor", () => {
  it("a token bucket allows its burst at once, then its refill rate (first matching rule wins)", () => {
    expect(rateBoundS({ "securityhub:GetFindings": 36, "securityhub:DescribeHub": 30 }, rules)).toBe(10);
    expect(rateBoundS({ "securityhub:DescribeHub": 50 }, rules)).toBe(2);
    expect(rateBoundS({ "ec2:DescribeRegions": 1000 }, rules)).toBe(0);
  });

  it("is the org phase plus the account phase's largest lower bound", () => {
    const floor = scanFloor({
      latencyMs: 20,
      perAccount: 8,
      accountsAtOnce: 2,
      rateLimits: rules,
      serviceWaitMs: 200,
      org: { management: { "organizations:ListParents": 240 }, members: [] },
      accounts: { a: { "ec2:DescribeRegions": 400 }, b: { "ec2:DescribeRegions": 400 }, c: { "ec2:DescribeRegions": 400 }, d: { "securityhub:GetFindings": 36 } },
      accountPhaseAssumeRoles: 4,
    });
    expect(floor.orgS).toBe(10); // (240 − 40) / 20 per second, above 240 × 20 ms / 8
    // Each ec2 account: 400 × 20 ms / 8 = 1 s; d: (36 − 6) / 3 = 10 s alone; 2 at once → (3 + 10) / 2 = 6.5 < 10.
    expect(floor.accountS).toBe(10);
    expect(floor.bound).toContain("account d alone (its rate limits)");
    expect(floor.totalS).toBe(20);
  });
});
