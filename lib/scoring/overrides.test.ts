import { describe, expect, it } from "vitest";
import { applyOverrides, type CheckException } from "./overrides";
import type { CheckResult } from "./types";

const NOW = "2026-11-29T00:00:00Z";
const failing: CheckResult = {
  id: "i4.sg_admin_ports_open", item: 4, result: "fail", severity: "high", reason: "1 rule open", resources: [{ kind: "security-group", id: "sg-bastion" }],
};
const manual: CheckResult = { id: "i1.contacts_attested", item: 1, result: "unknown", severity: "medium", reason: "needs attestation", resources: [] };
const exc = (over: Partial<CheckException> = {}): CheckException => ({ id: "e1", checkId: "i4.sg_admin_ports_open", expiresAt: "2027-01-01T00:00:00Z", ...over });

describe("applyOverrides — exceptions", () => {
  it.each<[string, CheckResult, CheckException, string]>([
    ["valid exception on a fail", failing, exc(), "excepted"],
    ["valid exception on a warn", { ...failing, result: "warn" }, exc(), "excepted"],
    ["expired exception", failing, exc({ expiresAt: "2026-11-01T00:00:00Z" }), "fail"],
    ["not yet valid", failing, exc({ createdAt: "2026-12-01T00:00:00Z" }), "fail"],
    ["another check", failing, exc({ checkId: "i4.sg_all_ports_open" }), "fail"],
    ["narrowed to the only failing resource", failing, exc({ resourceId: "sg-bastion" }), "excepted"],
    ["narrowed, but another resource fails too", { ...failing, resources: [{ kind: "security-group", id: "sg-bastion" }, { kind: "security-group", id: "sg-new" }] }, exc({ resourceId: "sg-bastion" }), "fail"],
    ["narrowed to a different resource", failing, exc({ resourceId: "sg-other" }), "fail"],
    ["narrowed to the one resource behind several findings", { ...failing, resources: [{ kind: "lambda-function", id: "fn-a", detail: "A" }, { kind: "lambda-function", id: "fn-a", detail: "B" }] }, exc({ resourceId: "fn-a" }), "excepted"],
    ["narrowed, truncated resource list", { ...failing, truncated: 3 }, exc({ resourceId: "sg-bastion" }), "fail"],
    ["a passing check is left alone", { ...failing, result: "pass" }, exc(), "pass"],
    ["an unknown check is left alone", { ...failing, result: "unknown" }, exc(), "unknown"],
  ])("%s → %s", (_n, c, e, expected) => {
    const [out] = applyOverrides([c], { exceptions: [e], now: NOW });
    expect(out?.result).toBe(expected);
    if (expected === "excepted") expect(out).toMatchObject({ originalResult: c.result, overrideId: "e1" });
  });
});

describe("applyOverrides — resource-scoped exceptions together", () => {
  const two: CheckResult = { ...failing, resources: [{ kind: "security-group", id: "sg-a" }, { kind: "security-group", id: "sg-b" }] };
  it.each<[string, CheckException[], string, string | undefined]>([
    ["one exception per resource → excepted, named after the first to expire", [exc({ id: "ea", resourceId: "sg-a", expiresAt: "2027-02-01T00:00:00Z" }), exc({ id: "eb", resourceId: "sg-b" })], "excepted", "eb"],
    ["one resource uncovered → fail", [exc({ id: "ea", resourceId: "sg-a" })], "fail", undefined],
    ["one of the two expired → fail", [exc({ id: "ea", resourceId: "sg-a" }), exc({ id: "eb", resourceId: "sg-b", expiresAt: "2026-11-01T00:00:00Z" })], "fail", undefined],
  ])("%s", (_n, exceptions, expected, overrideId) => {
    const [out] = applyOverrides([two], { exceptions, now: NOW });
    expect(out?.result).toBe(expected);
    expect(out?.overrideId).toBe(overrideId);
  });
});

describe("applyOverrides — attestations", () => {
  it.each([
    ["valid attestation", "2026-10-01T00:00:00Z", "2027-04-01T00:00:00Z", "attested"],
    ["expired attestation", "2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z", "unknown"],
    ["future attestation", "2026-12-01T00:00:00Z", "2027-06-01T00:00:00Z", "unknown"],
  ])("%s → %s", (_n, attestedAt, expiresAt, expected) => {
    const [out] = applyOverrides([manual], { attestations: [{ id: "a1", checkId: "i1.contacts_attested", attestedAt, expiresAt }], now: NOW });
    expect(out?.result).toBe(expected);
  });
  it("only manual checks can be attested", () => {
    const automated: CheckResult = { ...failing, result: "unknown" };
    const [out] = applyOverrides([automated], { attestations: [{ id: "a1", checkId: "i4.sg_admin_ports_open", attestedAt: "2026-10-01T00:00:00Z", expiresAt: "2027-01-01T00:00:00Z" }], now: NOW });
    expect(out?.result).toBe("unknown");
  });
  it("accepts epoch milliseconds for now", () => {
    const [out] = applyOverrides([failing], { exceptions: [exc()], now: Date.parse(NOW) });
    expect(out?.result).toBe("excepted");
  });
});
