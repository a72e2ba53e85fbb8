// The order checks are listed in, on the drill-down page and in the checks export: failing first, then
// warnings and unknowns, passes last, so an owner reads what to fix first.
const URGENCY: Record<string, number> = { fail: 0, warn: 1, unknown: 2, excepted: 3, attested: 4, pass: 5, not_applicable: 6 };

export function compareChecksByUrgency(a: { result: string; checkId: string }, b: { result: string; checkId: string }): number {
  return (URGENCY[a.result] ?? 9) - (URGENCY[b.result] ?? 9) || a.checkId.localeCompare(b.checkId);
}
