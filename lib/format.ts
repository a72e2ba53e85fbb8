// Number and time formats shared by every page: integer scores, signed deltas, relative times.

/**
 * The whole number a score is shown as: rounded down, like the status it is coloured with (a score is amber
 * at or above the integer threshold), so a 69.6 never reads 70 in red nor a 99.9 reads 100 in amber.
 */
export const shownScore = (score: number): number => Math.floor(score + 1e-9);

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? "—" : String(shownScore(score));
}

/** "▲ +4", "▼ −3", "± 0"; null → "—". The arrow and the sign both carry the direction. */
export function formatDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return "—";
  const rounded = Math.round(delta);
  if (rounded > 0) return `▲ +${rounded}`;
  if (rounded < 0) return `▼ −${Math.abs(rounded)}`;
  return "± 0";
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

const SHORT: Record<string, string> = { year: "y", month: "mo", week: "w", day: "d", hour: "h", minute: "min" };

/** "3 h ago", "2 d ago", "just now"; future times read "in 5 min". */
export function relativeTime(at: Date, now: Date = new Date()): string {
  const diff = now.getTime() - at.getTime();
  const abs = Math.abs(diff);
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) {
      const value = Math.floor(abs / ms);
      return diff >= 0 ? `${value} ${SHORT[unit]} ago` : `in ${value} ${SHORT[unit]}`;
    }
  }
  return "just now";
}

/** "2026-11-29 06:00 UTC": the exact time, for titles beside relative times. */
export function utcTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;
}

/** Coverage rounds down, so 79.6 % reads "79%" beside the "below 80 %" it is listed under, never "80%". */
export function formatCoverage(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.floor(share * 100 + 1e-9)}%`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** "Mon 16 Nov 2026" for a UTC calendar day ("2026-11-16"), as dates read on the review. */
export function formatDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : at.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
