import { z } from "zod";
import { MANUAL_CHECK_IDS } from "./catalogue";
import { EXCEPTION_CATEGORIES } from "./categories";
import { CHECK_BY_ID } from "@/lib/scoring/catalogue";
import { accountIdSchema } from "@/lib/route-params";

// What people type into the exception and attestation forms, validated the same way for the API and
// the tests. Every message says what to change.

const DAY_MS = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(min, `${field} needs at least ${min} characters`)
    .max(max, `${field} can be at most ${max} characters`);

/** An exception's last valid day: it covers that whole day (UTC) and ends at its last millisecond. */
export const expiryOfDay = (day: string): Date => new Date(`${day}T23:59:59.999Z`);

/** The expiry picker's range (tomorrow … today + max) and a suggestion (90 days, or the max if sooner). */
export function expiryBounds(now: Date, maxDays: number): { min: string; max: string; suggested: string } {
  const at = (days: number) => isoDay(new Date(now.getTime() + days * DAY_MS));
  return { min: at(1), max: at(maxDays), suggested: at(Math.min(90, maxDays)) };
}

export function exceptionInputSchema(options: { now: Date; maxDays: number }) {
  const { min: earliest, max: latest } = expiryBounds(options.now, options.maxDays);
  return z.object({
    checkId: z.string().refine((id) => id in CHECK_BY_ID && !MANUAL_CHECK_IDS.includes(id), "must be an automated check id such as i4.sg_admin_ports_open"),
    resourceId: z.preprocess((value) => (value === "" ? null : value), z.string().trim().min(1).max(2048).nullable().default(null)),
    category: z.enum(EXCEPTION_CATEGORIES, { error: "must be accepted_risk, false_positive or pending_fix" }),
    reason: text("reason", 10, 2000),
    expiresOn: z
      .string({ error: "an expiry date is required" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2027-03-31")
      // Date.parse rolls 2027-02-30 over to March; a real day survives the round trip unchanged.
      .refine((day) => !Number.isNaN(Date.parse(day)) && isoDay(new Date(`${day}T00:00:00Z`)) === day, "must be a real calendar date")
      .refine((day) => day >= earliest, `must be ${earliest} or later: an exception runs at least until tomorrow`)
      .refine((day) => day <= latest, `must be ${latest} or earlier: exceptions last at most ${options.maxDays} days`),
  });
}
export type ExceptionInput = z.infer<ReturnType<typeof exceptionInputSchema>>;

/**
 * `maxDays` is TENFOLD_ATTEST_DAYS: checks.md counts an attestation only "within TENFOLD_ATTEST_DAYS", so that
 * is both the longest validity anyone may choose and the default when they choose none.
 */
export function attestationInputSchema(options: { maxDays: number }) {
  return z.object({
    checkId: z.string().refine((id) => MANUAL_CHECK_IDS.includes(id), `must be one of the manual checks: ${MANUAL_CHECK_IDS.join(", ")}`),
    accountIds: z.array(accountIdSchema, { error: "accountIds must be a list of account ids" }).min(1, "choose at least one account").max(1000, "at most 1000 accounts at once"),
    statement: text("statement", 10, 2000),
    evidenceUrl: z.preprocess(
      (value) => (value === "" ? null : value),
      z
        .string()
        .trim()
        .max(2048)
        .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), "evidenceUrl must be an http:// or https:// link")
        .nullable()
        .default(null),
    ),
    validDays: z.coerce
      .number({ error: "validDays must be a number of days" })
      .int("validDays must be a whole number of days")
      .min(1, "validDays must be at least 1")
      .max(options.maxDays, `validDays can be at most ${options.maxDays}: attestations last at most TENFOLD_ATTEST_DAYS (${options.maxDays}) days`)
      .default(options.maxDays),
  });
}
export type AttestationInput = z.infer<ReturnType<typeof attestationInputSchema>>;
