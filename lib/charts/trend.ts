// Pure shaping of the daily rollups into chart series; no I/O, unit-tested beside it.
import { shownScore } from "@/lib/format";

export type DayScore = { day: string; score: number | null };
export type TrendPoint = { day: string; score: number | null };
export type OrgDay = { day: string; score: number | null; itemScores: Record<string, number | null>; itemPassRates: Record<string, number | null> };

const round = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? null : shownScore(value));

/** The org score series, or one item's score series when `item` is given; scores as shown (shownScore). */
export function trendSeries(rows: OrgDay[], item?: number): TrendPoint[] {
  return rows.map((row) => ({ day: row.day, score: round(item === undefined ? row.score : row.itemScores[String(item)]) }));
}

/** One item's pass rate (share of accounts green) as integer percentages per day. */
export function passRateSeries(rows: OrgDay[], item: number): TrendPoint[] {
  return rows.map((row) => {
    const rate = row.itemPassRates[String(item)];
    return { day: row.day, score: rate === null || rate === undefined ? null : Math.round(rate * 100) };
  });
}

/** Only the points whose day is within `days` of the last day of the series. */
export function lastDays<T extends { day: string }>(points: T[], days: number): T[] {
  const last = points.at(-1);
  if (!last) return [];
  const from = new Date(Date.parse(`${last.day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return points.filter((point) => point.day >= from);
}

/**
 * Change of the latest score against the latest score on or before `days` earlier; null when either is
 * missing. The difference of the scores as shown, so 71.6 → 70.4 reads −1 beside "71" and "70".
 */
export function changeOver(points: DayScore[], days: number): number | null {
  const scored = points.filter((point): point is { day: string; score: number } => point.score !== null);
  const last = scored.at(-1);
  if (!last) return null;
  const cutoff = new Date(Date.parse(`${last.day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const before = scored.filter((point) => point.day <= cutoff).at(-1);
  if (!before) return null;
  return shownScore(last.score) - shownScore(before.score);
}

export type DistributionBucket = { label: string; from: number; to: number; count: number; status: "green" | "amber" | "red" };

/**
 * Account scores in ten-point buckets (0–9 … 90–99) plus a bucket for a perfect 100. Scores round down, as
 * the status does (99.6 is not perfect); a band takes the status of its lowest score, and the 100 band is
 * amber when any account in it is not green (read in part, or with a grey item).
 */
export function scoreDistribution(accounts: { score: number | null; status: string }[], thresholds: { amber: number }): DistributionBucket[] {
  const buckets: DistributionBucket[] = Array.from({ length: 10 }, (_, index) => ({
    label: `${index * 10}–${index * 10 + 9}`,
    from: index * 10,
    to: index * 10 + 9,
    count: 0,
    status: index * 10 >= thresholds.amber ? "amber" : "red",
  }));
  const perfect: DistributionBucket = { label: "100", from: 100, to: 100, count: 0, status: "green" };
  buckets.push(perfect);
  for (const { score, status } of accounts) {
    if (score === null) continue;
    const bucket = score >= 100 ? perfect : buckets[Math.max(0, Math.min(9, Math.floor(score / 10)))];
    if (!bucket) continue;
    bucket.count += 1;
    if (bucket === perfect && status !== "green") perfect.status = "amber";
  }
  return buckets;
}
