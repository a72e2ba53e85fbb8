import { describe, expect, it } from "vitest";
import { accountIdSchema, itemSchema, scanIdSchema } from "./route-params";

describe("route params", () => {
  it.each(["123456789012", "000000000000"])("accepts account id %s", (id) => expect(accountIdSchema.safeParse(id).success).toBe(true));
  it.each(["12345678901", "1234567890123", "abcdefghijkl", "12345678901x", ""])("rejects account id %j", (id) => expect(accountIdSchema.safeParse(id).success).toBe(false));
  it.each([["1", 1], ["10", 10], ["7", 7]] as const)("item %s", (raw, n) => expect(itemSchema.parse(raw)).toBe(n));
  it.each(["0", "11", "01", "1.5", "x", "-1"])("rejects item %j", (raw) => expect(itemSchema.safeParse(raw).success).toBe(false));
  it("scan ids are uuids", () => {
    expect(scanIdSchema.safeParse("0b6a3c1e-8d7f-4f1e-9a5b-2c3d4e5f6a7b").success).toBe(true);
    expect(scanIdSchema.safeParse("nope").success).toBe(false);
  });
});
