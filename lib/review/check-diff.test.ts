import { describe, expect, it } from "vitest";
import { diffCheck } from "./check-diff";

const sg = (id: string) => ({ kind: "security-group", id, region: "us-east-1" });

describe("diffCheck", () => {
  it("names every failing resource of a check that started failing", () => {
    expect(diffCheck({ result: "pass", resources: [] }, { result: "fail", resources: [sg("a"), sg("b")] })).toEqual({
      newlyFailing: [{ scope: "check", resource: sg("a") }, { scope: "check", resource: sg("b") }],
      fixed: [],
    });
  });

  it("keeps a check without resources as one row", () => {
    expect(diffCheck({ result: "fail", resources: [] }, { result: "pass", resources: [] })).toEqual({ newlyFailing: [], fixed: [{ scope: "check", resource: null }] });
    expect(diffCheck({ result: "not_applicable", resources: [] }, { result: "warn", resources: [] }).newlyFailing).toEqual([{ scope: "check", resource: null }]);
  });

  it("compares resources when the check fails on both dates", () => {
    expect(diffCheck({ result: "fail", resources: [sg("a"), sg("b")] }, { result: "warn", resources: [sg("b"), sg("c")] })).toEqual({
      newlyFailing: [{ scope: "resource", resource: sg("c") }],
      fixed: [{ scope: "resource", resource: sg("a") }],
    });
  });

  it("tells resources apart by Region", () => {
    const other = { ...sg("a"), region: "eu-west-1" };
    expect(diffCheck({ result: "fail", resources: [sg("a")] }, { result: "fail", resources: [sg("a"), other] }).newlyFailing).toEqual([{ scope: "resource", resource: other }]);
  });

  it.each([
    ["unknown", "fail"],
    ["fail", "unknown"],
    ["pass", "excepted"],
  ])("reports nothing for %s → %s", (from, to) => {
    expect(diffCheck({ result: from, resources: [] }, { result: to, resources: [sg("a")] })).toEqual({ newlyFailing: [], fixed: [] });
  });

  it("counts an exception that turned a failure excepted as fixed", () => {
    expect(diffCheck({ result: "fail", resources: [sg("a")] }, { result: "excepted", resources: [sg("a")] }).fixed).toEqual([{ scope: "check", resource: sg("a") }]);
  });
});
