import { describe, expect, it } from "vitest";
import { formatCoverage, formatDelta, formatDuration, formatPercent, formatScore, relativeTime, utcTime } from "./format";

describe("formats", () => {
  it.each([
    [1, "100%"],
    [0.999, "99%"],
    [0.7999, "79%"],
    [0.8, "80%"],
    [0.29, "29%"],
    [null, "—"],
  ])("coverage %s → %s, rounded down so it never reads above a threshold it is under", (share, text) => expect(formatCoverage(share)).toBe(text));

  it.each([
    [4, "▲ +4"],
    [-3.4, "▼ −3"],
    [0.2, "± 0"],
    [null, "—"],
  ])("delta %s → %s", (delta, text) => expect(formatDelta(delta)).toBe(text));

  it("scores are whole numbers, rounded down like their status", () => {
    expect(formatScore(71.6)).toBe("71");
    expect(formatScore(69.9)).toBe("69");
    expect(formatScore(99.9)).toBe("99");
    expect(formatScore(70)).toBe("70");
    expect(formatScore(null)).toBe("—");
  });

  it.each([
    [30_000, "just now"],
    [3 * 3_600_000 + 5, "3 h ago"],
    [2 * 86_400_000, "2 d ago"],
    [-5 * 60_000, "in 5 min"],
  ])("relative %i ms", (ago, text) => {
    const now = new Date("2026-11-29T06:00:00Z");
    expect(relativeTime(new Date(now.getTime() - ago), now)).toBe(text);
  });

  it("UTC, percent and duration", () => {
    expect(utcTime(new Date("2026-11-29T06:07:08Z"))).toBe("2026-11-29 06:07 UTC");
    expect(formatPercent(0.456)).toBe("46%");
    expect(formatDuration(950)).toBe("950 ms");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
  });
});
