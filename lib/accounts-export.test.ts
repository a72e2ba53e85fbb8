import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { accountsCsv, accountsJson, type ExportableAccount } from "./accounts-export";

const row: ExportableAccount = {
  id: "111111111111",
  name: "=cmd|' /C calc'!A0",
  email: "a@example.com",
  ouPath: "Root/Prod",
  owner: "team, a",
  tags: {},
  score: 71.6,
  coverage: 0.796,
  status: "amber",
  change7d: -3.2,
  redItems: 2,
  lastScannedAt: new Date("2026-11-29T06:00:00Z"),
  items: [{ item: 2, status: "red" }],
  stale: null,
};

describe("accounts export", () => {
  it("writes one CSV row per account with safe cells", () => {
    const csv = accountsCsv([row]);
    const [header, line] = csv.split("\r\n");
    expect(header?.split(",")).toHaveLength(22);
    expect(line).toBe(`111111111111,'=cmd|' /C calc'!A0,a@example.com,Root/Prod,"team, a",71,79,partial,-3,2,2026-11-29T06:00:00.000Z,,,failing,,,,,,,,`);
  });

  it("reads back with a standard CSV parser, the formula neutralised", () => {
    const [record] = parse(accountsCsv([row]), { columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ account_id: "111111111111", name: "'=cmd|' /C calc'!A0", owner: "team, a", score: "71", coverage: "79", status: "partial", item_2: "failing", item_1: "" });
  });

  it("gives JSON the same records with native types and no escaping", () => {
    const json = accountsJson([row], new Date("2026-11-29T07:00:00Z"));
    expect(json).toMatchObject({ exportedAt: "2026-11-29T07:00:00.000Z", count: 1 });
    expect(json.accounts[0]).toMatchObject({ name: "=cmd|' /C calc'!A0", score: 71, coverage: 79, status: "partial", change_7d: -3, failing_items: 2, item_2: "failing" });
  });
});
