import type { AccountScoreChange } from "./types";

/** How many accounts each of "regressed most" and "improved most" lists. */
export const TOP_MOVERS = 10;

// A change that rounds to zero reads "± 0" on screen: it is not a regression or an improvement.
const moved = (row: AccountScoreChange) => row.change !== null && Math.round(row.change) !== 0;

/** The accounts whose score fell most and rose most, each list ordered by the size of the change. */
export function topMovers(accounts: AccountScoreChange[], limit = TOP_MOVERS): { regressed: AccountScoreChange[]; improved: AccountScoreChange[] } {
  const changed = accounts.filter(moved);
  const byName = (a: AccountScoreChange, b: AccountScoreChange) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return {
    regressed: changed.filter((row) => row.change! < 0).sort((a, b) => a.change! - b.change! || byName(a, b)).slice(0, limit),
    improved: changed.filter((row) => row.change! > 0).sort((a, b) => b.change! - a.change! || byName(a, b)).slice(0, limit),
  };
}
