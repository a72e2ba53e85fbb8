import { shownScore } from "@/lib/format";
import type { AccountScoreChange, ScoreChange } from "./types";

/**
 * The change as the page shows it: the difference of the two scores as shown (shownScore), so "72 → 71" always reads
 * "▼ −1" and never "± 0". The raw change stays in the JSON and CSV exports.
 */
export const shownChange = (row: Pick<ScoreChange, "from" | "to">): number | null =>
  row.from === null || row.to === null ? null : shownScore(row.to) - shownScore(row.from);

/** How many accounts each of "regressed most" and "improved most" lists. */
export const TOP_MOVERS = 10;

// A change that reads "± 0" on screen is not a regression or an improvement.
const moved = (row: AccountScoreChange) => (shownChange(row) ?? 0) !== 0;

/** The accounts whose score fell most and rose most, each list ordered by the size of the change. */
export function topMovers(accounts: AccountScoreChange[], limit = TOP_MOVERS): { regressed: AccountScoreChange[]; improved: AccountScoreChange[] } {
  const changed = accounts.filter(moved);
  const byName = (a: AccountScoreChange, b: AccountScoreChange) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return {
    regressed: changed.filter((row) => row.change! < 0).sort((a, b) => a.change! - b.change! || byName(a, b)).slice(0, limit),
    improved: changed.filter((row) => row.change! > 0).sort((a, b) => b.change! - a.change! || byName(a, b)).slice(0, limit),
  };
}
