import { describe, expect, it } from "vitest";
import { formatDelta, formatDuration, formatPercent, formatScore, relativeTime, utcTime } from "./format";

describe("formats", () => {
  it.each([
    [4, "▲ +4"],
    [-3.4, "▼ −3"],
    [0.2, "± 0"],
    [null, "—"],
  ])("delta %s → %s", (delta, text) => expect(formatDelta(delta)).toBe(text));

  it("scores are integers", () => {
    expect(formatScore(71.6)).toBe("72");
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
