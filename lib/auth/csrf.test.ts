import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./csrf";

const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/accounts/1/rescan", { method: "POST", headers: { host: "localhost:3000", ...headers } });

describe("isSameOriginRequest", () => {
  it("lets reads through", () => {
    expect(isSameOriginRequest(new Request("http://localhost:3000/api/x"), undefined)).toBe(true);
  });

  it.each([
    ["same-origin fetch metadata", { "sec-fetch-site": "same-origin" }, true],
    ["cross-site fetch metadata", { "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }, false],
    ["same-site sibling", { "sec-fetch-site": "same-site" }, false],
    ["matching Origin", { origin: "http://localhost:3000" }, true],
    ["foreign Origin", { origin: "https://evil.example" }, false],
    ["opaque Origin", { origin: "null" }, false],
    ["neither header", {}, false],
  ])("%s → %s", (_label, headers, expected) => {
    expect(isSameOriginRequest(post(headers), undefined)).toBe(expected);
  });

  it("compares with TENFOLD_URL exactly when it is configured", () => {
    expect(isSameOriginRequest(post({ origin: "https://tenfold.example.com" }), "https://tenfold.example.com")).toBe(true);
    expect(isSameOriginRequest(post({ origin: "http://tenfold.example.com" }), "https://tenfold.example.com")).toBe(false);
  });
});
