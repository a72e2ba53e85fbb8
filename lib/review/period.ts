// The review's two dates as they live in the URL (`?from=YYYY-MM-DD&to=YYYY-MM-DD`): one zod schema for
// the page and the export route, and the pure rules that fill in the defaults and check the order.
import { z } from "zod";
import { ValidationError } from "@/lib/auth/errors";
import { firstValues, type SearchParams } from "@/lib/search-params";

export { firstValues };

const DAY_MS = 86_400_000;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "is not a calendar date");

export const reviewQuerySchema = z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict();
export const reviewExportQuerySchema = reviewQuerySchema.extend({ format: z.enum(["md", "csv", "json"]).default("md") }).strict();

export type ReviewQuery = z.infer<typeof reviewQuerySchema>;
export type ReviewPeriod = { from: string; to: string };

/**
 * The earliest day a review may reach back to. Tenfold has no data that old; without a floor a typo such as
 * 0000-01-01 reached the database, which has no year 0, and the page and the export answered 500.
 */
export const REVIEW_FIRST_DAY = "2000-01-01";

/** Dates that parse but do not make a period (from after to, a future date, before 2000): a 400 on the API. */
export class ReviewPeriodError extends ValidationError {}

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The UTC day of an instant (today: of the request's clock). */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The first instant after a day (UTC): the review compares the state at the end of each date. */
export const endOfDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);

/**
 * Fills in the defaults — `to` the latest day with scan data (else today), `from` seven days before `to` —
 * and checks the period: from strictly before to, neither before REVIEW_FIRST_DAY nor after today (UTC) or
 * the latest day with data.
 */
export function resolveReviewPeriod(query: ReviewQuery, latestDay: string | null, today: string): ReviewPeriod {
  const to = query.to ?? latestDay ?? today;
  const weekBefore = addDays(to, -7);
  const from = query.from ?? (weekBefore < REVIEW_FIRST_DAY ? REVIEW_FIRST_DAY : weekBefore);
  // A scan dated ahead (`npm run scan -- --as-of`) holds data past today: that day may be reviewed too.
  const lastDay = latestDay && latestDay > today ? latestDay : today;
  if (to > lastDay) throw new ReviewPeriodError(`"to" (${to}) is after today (${today}, UTC)`);
  // Plain string order is calendar order for YYYY-MM-DD (the schema admits only four-digit years).
  for (const [name, day] of [["from", from], ["to", to]] as const) {
    if (day < REVIEW_FIRST_DAY) throw new ReviewPeriodError(`"${name}" (${day}) is before ${REVIEW_FIRST_DAY}, the earliest day a review covers`);
  }
  if (from >= to) throw new ReviewPeriodError(`"from" (${from}) must be before "to" (${to})`);
  return { from, to };
}

export type QuickPick = { label: string; period: ReviewPeriod };

/** The quick picks beside the date fields, all ending on the latest day with data. */
export function quickPicks(latestDay: string): QuickPick[] {
  return [
    { label: "Last week", period: { from: addDays(latestDay, -7), to: latestDay } },
    { label: "Last 30 days", period: { from: addDays(latestDay, -30), to: latestDay } },
    { label: "Last quarter", period: { from: addDays(latestDay, -91), to: latestDay } },
  ];
}

export const reviewQueryString = (period: ReviewPeriod): string => `?from=${period.from}&to=${period.to}`;

/** For the page: the period, or the reason the address does not make one (shown beside the form). */
export function parseReviewPeriod(params: SearchParams, latestDay: string | null, today: string): { period: ReviewPeriod | null; problem: string | null } {
  const parsed = reviewQuerySchema.safeParse(firstValues(params));
  if (!parsed.success) return { period: null, problem: parsed.error.issues.map((issue) => `${issue.path.join(".") || "address"}: ${issue.message}`).join("; ") };
  if (!latestDay && !parsed.data.to) return { period: null, problem: null };
  try {
    return { period: resolveReviewPeriod(parsed.data, latestDay, today), problem: null };
  } catch (error) {
    if (error instanceof ReviewPeriodError) return { period: null, problem: error.message };
    throw error;
  }
}
