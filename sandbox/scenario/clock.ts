const DAY = 86_400_000;

/** A Date `n` days before the scenario clock (fractions allowed). */
export function daysAgo(clock: Date, n: number): Date {
  return new Date(clock.getTime() - n * DAY);
}

/** A Date `n` days after the scenario clock. */
export function daysFrom(clock: Date, n: number): Date {
  return new Date(clock.getTime() + n * DAY);
}

/** ISO string without milliseconds (GuardDuty / Security Hub keep dates as strings). */
export function isoDaysAgo(clock: Date, n: number): string {
  return daysAgo(clock, n).toISOString().replace(/\.\d{3}Z$/, "Z");
}
