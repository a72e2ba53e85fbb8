import { describe, expect, it } from "vitest";
import { collectFailed, collected, isNotApplicable, notApplicable, toCollectError } from "./common";
import { goodAccount, goodOrg } from "../testing/fixtures";

describe("toCollectError", () => {
  class AccessDeniedException extends Error {
    override name = "AccessDeniedException";
  }
  it.each<[string, unknown, { code: string; message: string }]>([
    ["SDK v3 modeled error", new AccessDeniedException("User is not authorized"), { code: "AccessDeniedException", message: "User is not authorized" }],
    ["unmodeled awsQuery error", Object.assign(new Error("Rate exceeded"), { name: "Throttling" }), { code: "Throttling", message: "Rate exceeded" }],
    ["DNS failure in a missing Region", Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }), { code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND" }],
    ["plain Error", new Error("boom"), { code: "UnknownError", message: "boom" }],
    ["a string", "bad", { code: "UnknownError", message: "bad" }],
  ])("%s", (_n, err, expected) => expect(toCollectError(err)).toEqual(expected));
  it("records the action", () => expect(toCollectError(new AccessDeniedException("x"), "kms:GetKeyPolicy").action).toBe("kms:GetKeyPolicy"));
});

describe("constructors", () => {
  it("build the three shapes", () => {
    expect(collected(1)).toEqual({ ok: true, value: 1 });
    expect(collectFailed("AccessDenied")).toEqual({ ok: false, error: { code: "AccessDenied", message: "AccessDenied" } });
    expect(isNotApplicable(notApplicable("Region disabled"))).toBe(true);
    expect(isNotApplicable(collected(1))).toBe(false);
  });
});

describe("evidence is plain JSON", () => {
  it.each([
    ["account", goodAccount()],
    ["org", goodOrg()],
  ])("%s evidence survives a JSON round trip unchanged", (_n, ev) => {
    expect(JSON.parse(JSON.stringify(ev))).toEqual(ev);
  });
});
