import { describe, expect, it } from "vitest";
import { changeOver, lastDays, passRateSeries, scoreDistribution, trendSeries, type OrgDay } from "./trend";

const day = (d: string, score: number | null, items: Record<string, number | null> = {}): OrgDay => ({ day: d, score, itemScores: items, itemPassRates: { "2": 0.5 } });

describe("trend adapters", () => {
  const rows = [day("2026-10-01", 60.4, { "2": 40 }), day("2026-10-25", 70.6, { "2": 55.5 }), day("2026-11-01", 72.4, { "2": null })];

  it("shapes the org and item series with the scores as shown (rounded down)", () => {
    expect(trendSeries(rows)).toEqual([{ day: "2026-10-01", score: 60 }, { day: "2026-10-25", score: 70 }, { day: "2026-11-01", score: 72 }]);
    expect(trendSeries(rows, 2).map((p) => p.score)).toEqual([40, 55, null]);
    expect(passRateSeries(rows, 2).map((p) => p.score)).toEqual([50, 50, 50]);
  });

  it.each([
    [7, 72 - 70],
    [30, 72 - 60],
    [60, null],
  ])("changeOver %i days", (days, expected) => {
    expect(changeOver(trendSeries(rows), days)).toBe(expected);
  });

  it("has no change without data", () => {
    expect(changeOver([], 7)).toBeNull();
    expect(changeOver([{ day: "2026-01-01", score: null }], 7)).toBeNull();
  });

  it("keeps the last N days", () => {
    expect(lastDays(rows, 7).map((p) => p.day)).toEqual(["2026-10-25", "2026-11-01"]);
    expect(lastDays([], 7)).toEqual([]);
  });

  it("buckets scores, 100 on its own", () => {
    const scored = (score: number | null, status = "amber") => ({ score, status });
    const buckets = scoreDistribution([scored(0), scored(9.6), scored(59), scored(60), scored(99.4), scored(100, "green"), scored(null)], { amber: 60 });
    expect(buckets).toHaveLength(11);
    expect(buckets.map((b) => b.count)).toEqual([2, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
    expect(buckets[5]?.status).toBe("red");
    expect(buckets[6]?.status).toBe("amber");
    expect(buckets[10]?.status).toBe("green");
  });

  it("colours the bands with the installation's threshold and never puts a 99.6 among the perfect", () => {
    const buckets = scoreDistribution([{ score: 65, status: "red" }, { score: 99.6, status: "amber" }, { score: 69.9, status: "red" }], { amber: 70 });
    expect(buckets[6]).toMatchObject({ count: 2, status: "red" });
    expect(buckets[7]?.status).toBe("amber");
    expect(buckets[9]?.count).toBe(1);
    expect(buckets[10]?.count).toBe(0);
  });

  it("shows the perfect band amber when one of its accounts is not green", () => {
    expect(scoreDistribution([{ score: 100, status: "green" }, { score: 100, status: "amber" }], { amber: 60 })[10]).toMatchObject({ count: 2, status: "amber" });
  });
});
