import { describe, expect, it } from "vitest";
import { accountStatus, COVERAGE_ATTENTION, lowCoverage } from "./account-status";
import { DEFAULT_SCORING_CONFIG } from "./config";

const at70 = { green: 100, amber: 70 };
const at60 = DEFAULT_SCORING_CONFIG.thresholds;

describe("accountStatus", () => {
  it.each([
    // score, coverage, any grey item, thresholds, status
    [65, 1, false, at70, "red"],
    [65, 1, false, at60, "amber"],
    [69.9, 1, false, at70, "red"],
    [70, 1, false, at70, "amber"],
    [99.9, 1, false, at70, "amber"],
    [100, 1, false, at70, "green"],
    [0, 1, false, at70, "red"],
    [null, 0, true, at70, "grey"],
    [null, null, false, at60, "grey"],
  ] as const)("score %s, coverage %s, grey %s, thresholds %o → %s", (score, coverage, anyGrey, thresholds, status) => {
    expect(accountStatus(score, coverage, anyGrey, thresholds)).toBe(status);
  });

  it.each([
    ["a grey item", 100, 1, true, "amber"],
    ["coverage below 80 %", 100, 0.79, false, "amber"],
    ["both", 100, 0.3, true, "amber"],
    ["coverage exactly 80 %", 100, COVERAGE_ATTENTION, false, "green"],
    ["coverage not recorded", 100, null, false, "green"],
  ] as const)("a perfect score is never green with %s unless complete", (_case, score, coverage, anyGrey, status) => {
    expect(accountStatus(score, coverage, anyGrey, at70)).toBe(status);
  });

  it.each([
    [65, 0.5, true, at70, "red"],
    [80, 0.2, true, at70, "amber"],
    [80, 0.2, true, { green: 100, amber: 90 }, "red"],
  ] as const)("a partial reading never lifts a lower status: %s at coverage %s → %s", (score, coverage, anyGrey, thresholds, status) => {
    expect(accountStatus(score, coverage, anyGrey, thresholds)).toBe(status);
  });
});

describe("lowCoverage", () => {
  it.each([
    [0, true],
    [0.799, true],
    [0.8, false],
    [1, false],
    [null, false],
  ] as const)("coverage %s → %s", (coverage, low) => {
    expect(lowCoverage(coverage)).toBe(low);
  });
});
