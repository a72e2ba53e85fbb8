import { describe, expect, it } from "vitest";
import { defineScoringConfig } from "./config";
import { creditOf, scoreAccountItems, scoreItem, scoreOrg, statusOf } from "./score";
import type { CheckResult, ResultValue, Severity } from "./types";
import type { CheckId } from "./catalogue";

const config = defineScoringConfig();
const check = (result: ResultValue, severity: Severity = "medium", reason = `${result} reason`, id: CheckId = "i2.root_mfa"): CheckResult => ({
  id, item: 2, result, severity, reason, resources: [],
});

describe("scoreItem", () => {
  it.each<[string, CheckResult[], number | null, string, number]>([
    ["all pass", [check("pass", "critical"), check("pass", "low")], 100, "green", 1],
    ["weights: critical fail vs low pass", [check("fail", "critical"), check("pass", "low")], 9, "red", 1],
    ["weights: low fail vs critical pass", [check("pass", "critical"), check("fail", "low")], 90.9, "amber", 1],
    ["warn earns half credit", [check("warn", "high")], 50, "red", 1],
    ["warn + pass of equal weight", [check("warn", "medium"), check("pass", "medium")], 75, "amber", 1],
    ["excepted and attested count as pass", [check("excepted", "high"), check("attested", "medium")], 100, "green", 1],
    ["unknown leaves the denominator and lowers coverage", [check("pass", "high"), check("unknown", "critical")], 100, "green", 0.5],
    ["not_applicable leaves both", [check("pass", "high"), check("not_applicable", "critical")], 100, "green", 1],
    ["grey when nothing evaluable", [check("unknown"), check("not_applicable")], null, "grey", 0],
    ["grey when everything is not applicable", [check("not_applicable")], null, "grey", 0],
    ["99.96 is not shown as 100", [...Array.from({ length: 2499 }, () => check("pass", "low")), check("fail", "low")], 99.9, "amber", 1],
  ])("%s", (_name, checks, score, status, coverage) => {
    const r = scoreItem(2, checks, config);
    expect(r.score).toBe(score);
    expect(r.status).toBe(status);
    expect(r.coverage).toBeCloseTo(coverage);
    expect(r.key).toBe("mfa");
  });

  it("explains itself", () => {
    const r = scoreItem(2, [check("pass"), check("pass"), check("pass"), check("fail", "critical", "root has no hardware MFA")], config);
    expect(r.explanation).toBe("3 of 4 checks pass; failing: root has no hardware MFA");
  });
  it("explains warnings, unknowns and grey items", () => {
    expect(scoreItem(2, [check("pass"), check("warn", "low", "x warned"), check("unknown")], config).explanation).toBe("1 of 2 checks pass; warning: x warned; 1 unknown");
    expect(scoreItem(2, [check("pass"), check("unknown", "medium", "needs attestation")], config).explanation).toBe("1 of 1 checks pass; 1 awaiting attestation");
    expect(scoreItem(2, [check("unknown", "low", "AccessDenied: iam:GetAccountSummary")], config).explanation).toBe("nothing evaluable; 1 unknown: AccessDenied: iam:GetAccountSummary");
  });
  it("uses configured weights and thresholds", () => {
    const custom = defineScoringConfig({ weights: { critical: 1, high: 1, medium: 1, low: 1 }, thresholds: { green: 90, amber: 40 } });
    const r = scoreItem(2, [check("fail", "critical"), check("pass", "low")], custom);
    expect(r).toMatchObject({ score: 50, status: "amber" });
  });
});

describe("creditOf / statusOf", () => {
  it.each<[ResultValue, number | null]>([
    ["pass", 1], ["excepted", 1], ["attested", 1], ["warn", 0.5], ["fail", 0], ["unknown", null], ["not_applicable", null],
  ])("%s → %s", (r, credit) => expect(creditOf(r, config)).toBe(credit));
  it.each<[number | null, string]>([[100, "green"], [99.9, "amber"], [60, "amber"], [59.9, "red"], [0, "red"], [null, "grey"]])("%s → %s", (s, status) =>
    expect(statusOf(s, config)).toBe(status),
  );
});

describe("account and org scores", () => {
  const items = [
    scoreItem(1, [check("pass")], config),
    scoreItem(2, [check("fail")], config),
    scoreItem(3, [check("unknown")], config), // grey: does not count
  ];
  it("account score = mean of non-null item scores; coverage over all applicable checks", () => {
    expect(scoreAccountItems("1", items, config)).toMatchObject({ score: 50, status: "red", coverage: 2 / 3 });
  });
  it("account with nothing evaluable is grey", () => {
    expect(scoreAccountItems("1", [items[2]!], config)).toMatchObject({ score: null, status: "grey" });
  });
  it("org score = mean of account scores, unscored accounts counted apart", () => {
    expect(scoreOrg([{ score: 100 }, { score: 50 }, { score: null }], config)).toEqual({ score: 75, status: "amber", accounts: 3, unscored: 1 });
    expect(scoreOrg([], config)).toEqual({ score: null, status: "grey", accounts: 0, unscored: 0 });
  });
});
