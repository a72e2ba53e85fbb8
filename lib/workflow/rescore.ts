import type { Db } from "@/db/client";
import { loadLatestChecks, writeRescoredSnapshot } from "@/db/store/rescore";
import { overridesForAccount } from "@/db/store/workflow";
import { applyOverrides, CHECKS, ITEM_NUMBERS, NEEDS_ATTESTATION, scoreAccountItems, scoreItem, type CheckResult } from "@/lib/scoring";
import type { ScoringConfig } from "@/lib/scoring/config";

const CATALOGUE_ORDER = new Map<string, number>(CHECKS.map((check, index) => [check.id, index]));

/**
 * Applies the account's current exceptions and attestations to its latest snapshot and rewrites the
 * scores that depend on it, so a recorded, approved or revoked override shows at once. Returns whether
 * any result changed. The next scan applies them again from the evidence, so nothing drifts.
 */
export async function rescoreAccount(db: Db, accountId: string, config: ScoringConfig, now: Date): Promise<boolean> {
  const stored = await loadLatestChecks(db, accountId, NEEDS_ATTESTATION);
  if (!stored) return false;
  const overrides = await overridesForAccount(db, accountId);
  const found: CheckResult[] = stored.checks
    .map(({ storedResult: _result, storedOverrideId: _override, ...check }) => check)
    .sort((a, b) => (CATALOGUE_ORDER.get(a.id) ?? 0) - (CATALOGUE_ORDER.get(b.id) ?? 0));
  const checks = applyOverrides(found, { ...overrides, now: now.toISOString() });
  const items = ITEM_NUMBERS.map((item) => scoreItem(item, checks.filter((check) => check.item === item), config));
  return writeRescoredSnapshot(db, accountId, stored, scoreAccountItems(accountId, items, config), now);
}
