import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG, defineScoringConfig, validateScoringConfig } from "./config";

describe("scoring config", () => {
  it("has the defaults of checks.md / product.md", () => {
    expect(DEFAULT_SCORING_CONFIG).toMatchObject({
      weights: { critical: 10, high: 5, medium: 3, low: 1 },
      warnCredit: 0.5,
      thresholds: { green: 100, amber: 60 },
      slaDays: { critical: 7, high: 30 },
      unusedRoleDays: 90,
      accessKeyMaxAgeDays: 90,
      unusedCredentialDays: 45,
      secretMaxAgeDays: 90,
      classification: { tag: "data-classification" },
    });
    expect(DEFAULT_SCORING_CONFIG.ports.admin).toEqual([22, 3389]);
    expect(DEFAULT_SCORING_CONFIG.ports.authorised).toEqual([80, 443]);
    expect(DEFAULT_SCORING_CONFIG.ports.highRisk).toHaveLength(33);
    expect(validateScoringConfig(DEFAULT_SCORING_CONFIG)).toEqual([]);
  });

  it("overlays nested groups one level deep", () => {
    const c = defineScoringConfig({ slaDays: { critical: 3, high: 30 }, knownCidrs: ["203.0.113.0/24"] });
    expect(c.slaDays).toEqual({ critical: 3, high: 30 });
    expect(c.weights.critical).toBe(10);
    expect(c.knownCidrs).toEqual(["203.0.113.0/24"]);
  });

  it.each([
    ["bad regex", { personalEmailPattern: "([" }, /personalEmailPattern/],
    ["bad CIDR", { knownCidrs: ["10.0.0.0/99"] }, /knownCidrs/],
    ["amber above green", { thresholds: { green: 50, amber: 60 } }, /thresholds/],
    ["bad port", { ports: { admin: [70000], highRisk: [], authorised: [] } }, /ports/],
  ])("reports %s", (_n, over, message) => {
    expect(validateScoringConfig(defineScoringConfig(over))).toEqual([expect.stringMatching(message)]);
  });
});
