const DAY_MS = 86_400_000;

/** Whole-and-fractional days from `iso` to `nowMs`; negative when `iso` is in the future. */
export const ageDays = (iso: string, nowMs: number): number => (nowMs - Date.parse(iso)) / DAY_MS;

export const olderThanDays = (iso: string, nowMs: number, days: number): boolean => ageDays(iso, nowMs) > days;

export const fmtDays = (days: number): string => `${Math.floor(days)} d`;
