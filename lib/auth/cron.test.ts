import { describe, expect, it } from "vitest";
import { isAuthorizedCronRequest } from "./cron";

const SECRET = "a-long-enough-cron-secret";

describe("isAuthorizedCronRequest", () => {
  it.each([
    ["no header", null, SECRET, false],
    ["no secret configured", `Bearer ${SECRET}`, undefined, false],
    ["wrong scheme", `Basic ${SECRET}`, SECRET, false],
    ["wrong secret", "Bearer not-the-secret", SECRET, false],
    ["prefix of the secret", `Bearer ${SECRET.slice(0, 10)}`, SECRET, false],
    ["empty bearer", "Bearer ", SECRET, false],
    ["right secret", `Bearer ${SECRET}`, SECRET, true],
  ])("%s → %s", (_label, header, secret, expected) => {
    expect(isAuthorizedCronRequest(header, secret)).toBe(expected);
  });
});
