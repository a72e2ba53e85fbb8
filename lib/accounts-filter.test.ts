import { describe, expect, it } from "vitest";
import { accountFiltersQuery, applyAccountFilters, parseAccountFilters, parseAccountFiltersStrict, type FilterableAccount } from "./accounts-filter";

const row = (over: Partial<FilterableAccount>): FilterableAccount => ({
  id: "111111111111",
  name: "web-prod",
  email: "aws+web@example.com",
  ouPath: "Root/Workloads/Prod",
  owner: "team-a",
  tags: { env: "prod" },
  score: 80,
  coverage: 1,
  change7d: 2,
  redItems: 1,
  lastScannedAt: new Date("2026-11-01T00:00:00Z"),
  items: [{ item: 2, status: "red" }],
  ...over,
});

const rows = [
  row({}),
  row({ id: "222222222222", name: "payments", email: "aws+pay@example.com", ouPath: "Root/Workloads/Payments", owner: "Payments", tags: { env: "dev" }, score: 40, coverage: 0.5, items: [{ item: 2, status: "green" }] }),
  row({ id: "333333333333", name: "sandbox", email: "sb@example.com", ouPath: "Root/Sandbox", owner: null, tags: {}, score: null, coverage: null, change7d: null, items: [] }),
];

describe("account filters", () => {
  it("parses the URL leniently and names what it ignored", () => {
    const { filters, ignored } = parseAccountFilters({ ou: "Workloads", failing: "11", min: "x", sort: "score", bogus: "1" });
    expect(filters).toEqual({ ou: "Workloads", sort: "score" });
    expect(ignored.sort()).toEqual(["bogus", "failing", "min"]);
  });

  it("reads the page of the list and ignores a bad one", () => {
    expect(parseAccountFilters({ page: "3", sort: "score" }).filters).toEqual({ page: 3, sort: "score" });
    expect(parseAccountFilters({ page: "0" }).ignored).toEqual(["page"]);
    // The page does not filter: every matching account is still there for the page (and the export) to slice.
    expect(applyAccountFilters(rows, { page: 2 })).toHaveLength(rows.length);
  });

  it("drops an inverted score range", () => {
    expect(parseAccountFilters({ min: "90", max: "10" }).ignored).toEqual(["min", "max"]);
  });

  it("is strict for the API", () => {
    expect(() => parseAccountFiltersStrict(new URLSearchParams("failing=0"))).toThrow();
    expect(() => parseAccountFiltersStrict(new URLSearchParams("nope=1"))).toThrow();
    expect(parseAccountFiltersStrict(new URLSearchParams("failing=2&q=web"))).toEqual({ failing: 2, q: "web" });
  });

  it("round-trips through the query string", () => {
    const filters = { ou: "Root/Workloads", failing: 2, sort: "score" as const };
    const query = accountFiltersQuery(filters);
    expect(query).toBe("?ou=Root%2FWorkloads&failing=2&sort=score");
    expect(parseAccountFilters(new URLSearchParams(query.slice(1))).filters).toEqual(filters);
  });

  it.each([
    [{ ou: "Workloads" }, ["payments", "web-prod"]],
    [{ ou: "Root/Workloads/Prod" }, ["web-prod"]],
    [{ ou: "Root/Work" }, []],
    [{ owner: "payments" }, ["payments"]],
    [{ tag: "env=dev" }, ["payments"]],
    [{ tag: "env" }, ["payments", "web-prod"]],
    [{ failing: 2 }, ["web-prod"]],
    [{ min: 50 }, ["web-prod"]],
    [{ max: 50 }, ["payments"]],
    [{ q: "333" }, ["sandbox"]],
    [{ q: "AWS+WEB" }, ["web-prod"]],
  ])("filters %j", (filters, names) => {
    expect(applyAccountFilters(rows, filters).map((r) => r.name)).toEqual(names);
  });

  it("sorts by coverage, the least read first by default, unread accounts last", () => {
    expect(applyAccountFilters(rows, { sort: "coverage" }).map((r) => r.name)).toEqual(["payments", "web-prod", "sandbox"]);
    expect(applyAccountFilters(rows, { sort: "coverage", dir: "desc" }).map((r) => r.name)).toEqual(["web-prod", "payments", "sandbox"]);
  });

  it("sorts with missing values last in either direction", () => {
    expect(applyAccountFilters(rows, { sort: "score" }).map((r) => r.name)).toEqual(["payments", "web-prod", "sandbox"]);
    expect(applyAccountFilters(rows, { sort: "score", dir: "desc" }).map((r) => r.name)).toEqual(["web-prod", "payments", "sandbox"]);
  });
});
