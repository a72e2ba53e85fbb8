import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it.each([
    ["/accounts/111122223333?tab=items", "/accounts/111122223333?tab=items"],
    ["/", "/"],
    ["/items/i3#findings", "/items/i3#findings"],
    ["/accounts/../items", "/items"],
    [null, "/"],
    ["", "/"],
    ["/signin", "/"],
    ["/auth/callback?code=x", "/"],
    ["/x/../auth/signin", "/"],
  ])("keeps Tenfold paths: %s → %s", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  // Every one of these must land on a Tenfold page; the first three were open redirects (issue 14 §1).
  it.each([
    "/.//evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/x/..//evil.example",
    "/%2e%2e//evil.example",
    "/x/%2e%2e//evil.example",
    "/./\\evil.example",
    "/.\\/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/./%2f/evil.example",
    "//evil.example/x",
    "///evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/\u0000/evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "HTTPS://evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "accounts",
    " /evil.example",
    "/%E0%A4%A",
  ])("sends %j home", (input) => {
    const result = safeReturnTo(input);
    expect(result).toBe("/");
    // And what it returns resolves on this origin whatever base a browser resolves it against.
    expect(new URL(result, "https://tenfold.example").origin).toBe("https://tenfold.example");
  });
});
