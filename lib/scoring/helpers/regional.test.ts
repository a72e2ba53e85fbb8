import { describe, expect, it } from "vitest";
import { collapseRegions, verdictsByRegion, type RegionEntry, type RegionVerdict } from "./regional";
import { collected, collectFailed } from "../evidence";

const e = (region: string, result: RegionVerdict["result"], reason = result): RegionEntry => ({ region, verdict: { result, reason, resources: result === "fail" ? [{ kind: "x", id: region }] : [] } });

describe("collapseRegions (checks.md §1.1)", () => {
  it.each<[string, RegionEntry[], string]>([
    ["any fail → fail", [e("a", "pass"), e("b", "unknown"), e("c", "fail")], "fail"],
    ["else any unknown → unknown (never pass from part of the Regions)", [e("a", "pass"), e("b", "unknown"), e("c", "warn")], "unknown"],
    ["else any warn → warn", [e("a", "pass"), e("b", "warn")], "warn"],
    ["else pass", [e("a", "pass"), e("b", "pass")], "pass"],
    ["not_applicable Regions are ignored", [e("a", "pass"), e("b", "not_applicable")], "pass"],
    ["all not_applicable → not_applicable", [e("a", "not_applicable")], "not_applicable"],
    ["no Regions → not_applicable", [], "not_applicable"],
  ])("%s", (_n, entries, expected) => {
    expect(collapseRegions("i8.guardduty_enabled", entries).result).toBe(expected);
  });

  it("keeps the failing Regions' resources, tagged with the Region", () => {
    const r = collapseRegions("i8.guardduty_enabled", [e("us-east-1", "fail"), e("eu-west-1", "pass")]);
    expect(r.resources).toEqual([{ kind: "x", id: "us-east-1", region: "us-east-1" }]);
    expect(r.reason).toBe("fail (us-east-1)");
  });

  it("caps resources at 50 and counts the rest", () => {
    const many: RegionEntry = { region: "r", verdict: { result: "fail", reason: "x", resources: Array.from({ length: 70 }, (_, i) => ({ kind: "k", id: String(i) })) } };
    const r = collapseRegions("i8.guardduty_enabled", [many]);
    expect(r.resources).toHaveLength(50);
    expect(r.truncated).toBe(20);
  });
});

describe("verdictsByRegion (checks.md §1.4)", () => {
  it.each<[string, string, string]>([
    ["AccessDenied", "unknown", "AccessDenied: svc:Call"],
    ["UnauthorizedOperation", "unknown", "AccessDenied: svc:Call"],
    ["ThrottlingException", "unknown", "throttled"],
    ["InternalServerException", "unknown", "InternalServerException"],
    ["UnrecognizedClientException", "not_applicable", "UnrecognizedClientException"],
    ["AuthFailure", "not_applicable", "AuthFailure"],
  ])("%s → %s", (code, result, reason) => {
    const [entry] = verdictsByRegion({ r: collectFailed(code) }, "svc:Call", () => ({ result: "pass", reason: "" }));
    expect(entry?.verdict).toMatchObject({ result, reason });
  });
  it("uses the action recorded by the collector when present", () => {
    const [entry] = verdictsByRegion({ r: collectFailed("AccessDenied", "no", "svc:Other") }, "svc:Call", () => ({ result: "pass", reason: "" }));
    expect(entry?.verdict.reason).toBe("AccessDenied: svc:Other");
  });
  it("evaluates collected values and passes notApplicable through", () => {
    const out = verdictsByRegion({ a: collected(1), b: { notApplicable: "Region disabled" } }, "x", (v) => ({ result: v === 1 ? "pass" : "fail", reason: "" }));
    expect(out.map((o) => o.verdict.result)).toEqual(["pass", "not_applicable"]);
  });
});
