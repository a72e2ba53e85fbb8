/** UTC calendar day of an evaluation: the key of the daily rollups. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
