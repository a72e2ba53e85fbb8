import { describe, expect, it } from "vitest";
import { addDays, endOfDay, firstValues, parseReviewPeriod, quickPicks, resolveReviewPeriod, REVIEW_FIRST_DAY, ReviewPeriodError, reviewExportQuerySchema, reviewQuerySchema, utcDay } from "./period";

describe("review period", () => {
  it.each([
    [{}, true],
    [{ from: "2026-11-16", to: "2026-11-23" }, true],
    [{ from: "2026-02-30" }, false],
    [{ from: "16/11/2026" }, false],
    [{ to: "2026-1-1" }, false],
    [{ range: "7" }, false],
  ])("parses %j strictly: %s", (query, ok) => expect(reviewQuerySchema.safeParse(query).success).toBe(ok));

  it("defaults to the latest day with data and the seven days before it", () => {
    expect(resolveReviewPeriod({}, "2026-11-23", "2026-11-29")).toEqual({ from: "2026-11-16", to: "2026-11-23" });
    expect(resolveReviewPeriod({ to: "2026-11-10" }, "2026-11-23", "2026-11-29")).toEqual({ from: "2026-11-03", to: "2026-11-10" });
    expect(resolveReviewPeriod({ from: "2026-10-01" }, "2026-11-23", "2026-11-29")).toEqual({ from: "2026-10-01", to: "2026-11-23" });
    expect(resolveReviewPeriod({}, null, "2026-11-29")).toEqual({ from: "2026-11-22", to: "2026-11-29" });
    // Data dated ahead of today (a scan run with --as-of) can be reviewed up to its day.
    expect(resolveReviewPeriod({}, "2026-12-01", "2026-11-29")).toEqual({ from: "2026-11-24", to: "2026-12-01" });
  });

  it.each([
    [{ from: "2026-11-23", to: "2026-11-23" }, /must be before/],
    [{ from: "2026-11-24", to: "2026-11-23" }, /must be before/],
    [{ from: "2026-11-01", to: "2026-12-01" }, /after today/],
    // Dates the database cannot hold (there is no year 0) or Tenfold cannot have data for: 400, never 500.
    [{ from: "0000-01-01", to: "2026-11-23" }, /"from" \(0000-01-01\) is before 2000-01-01/],
    [{ from: "0000-01-01" }, /is before 2000-01-01/],
    [{ to: "0000-01-08" }, /"to" \(0000-01-08\) is before 2000-01-01/],
    [{ from: "1999-12-31", to: "2000-01-05" }, /"from" \(1999-12-31\) is before/],
    [{ from: "2026-11-01", to: "9999-12-31" }, /after today/],
  ])("refuses %j", (query, message) => {
    expect(() => resolveReviewPeriod(query, "2026-11-23", "2026-11-29")).toThrow(ReviewPeriodError);
    expect(() => resolveReviewPeriod(query, "2026-11-23", "2026-11-29")).toThrow(message);
  });

  it("starts a default week no earlier than the first reviewable day", () => {
    expect(resolveReviewPeriod({ to: "2000-01-03" }, "2026-11-23", "2026-11-29")).toEqual({ from: REVIEW_FIRST_DAY, to: "2000-01-03" });
    expect(resolveReviewPeriod({ from: REVIEW_FIRST_DAY, to: "2000-01-02" }, "2026-11-23", "2026-11-29")).toEqual({ from: "2000-01-01", to: "2000-01-02" });
    expect(utcDay(new Date("2026-11-29T23:59:59.999Z"))).toBe("2026-11-29");
  });

  it("reads the export's format and drops empty form fields", () => {
    expect(reviewExportQuerySchema.parse(firstValues(new URLSearchParams("from=&to=2026-11-23&format=csv")))).toEqual({ to: "2026-11-23", format: "csv" });
    expect(reviewExportQuerySchema.safeParse({ format: "xlsx" }).success).toBe(false);
  });

  it("does date arithmetic in UTC calendar days", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(endOfDay("2026-11-23").toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(quickPicks("2026-11-23").map((pick) => pick.period.from)).toEqual(["2026-11-16", "2026-10-24", "2026-08-24"]);
  });
});

describe("parseReviewPeriod (the page)", () => {
  it("answers a period, or the reason there is none", () => {
    expect(parseReviewPeriod({}, "2026-11-23", "2026-11-29")).toEqual({ period: { from: "2026-11-16", to: "2026-11-23" }, problem: null });
    expect(parseReviewPeriod({ from: "2026-11-23", to: "2026-11-16" }, "2026-11-23", "2026-11-29").problem).toMatch(/must be before/);
    expect(parseReviewPeriod({ from: "nope" }, "2026-11-23", "2026-11-29").problem).toMatch(/^from: must be a date/);
    expect(parseReviewPeriod({}, null, "2026-11-29")).toEqual({ period: null, problem: null });
    expect(parseReviewPeriod({ from: "0000-01-01" }, "2026-11-23", "2026-11-29")).toEqual({ period: null, problem: expect.stringMatching(/is before 2000-01-01/) });
  });
});
