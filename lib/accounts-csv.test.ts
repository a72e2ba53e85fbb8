import { describe, expect, it } from "vitest";
import { accountsCsv } from "./accounts-csv";

describe("accounts CSV", () => {
  it("writes one row per account with safe cells", () => {
    const csv = accountsCsv([
      {
        id: "111111111111",
        name: "=cmd|' /C calc'!A0",
        email: "a@example.com",
        ouPath: "Root/Prod",
        owner: "team, a",
        tags: {},
        score: 71.6,
        change7d: -3.2,
        redItems: 2,
        lastScannedAt: new Date("2026-11-29T06:00:00Z"),
        items: [{ item: 2, status: "red" }],
        stale: null,
      },
    ]);
    const [header, row] = csv.split("\r\n");
    expect(header?.split(",")).toHaveLength(20);
    expect(row).toBe(`111111111111,'=cmd|' /C calc'!A0,a@example.com,Root/Prod,"team, a",72,-3,2,2026-11-29T06:00:00.000Z,,,failing,,,,,,,,`);
  });
});
