// Accounts with chosen item scores, scored by the real scorer from real check ids: what the status and
// coverage tests (integration and browser) seed through the real writers. Test code only.
import type { Db } from "@/db/client";
import { upsertDiscoveredAccounts } from "@/db/store/accounts";
import { createScan, finalizeScan, markScanRunning } from "@/db/store/scans";
import { writeScoredSnapshot } from "@/db/store/snapshots";
import { checksOfItem, type CheckId } from "@/lib/scoring/catalogue";
import type { ScoringConfig } from "@/lib/scoring/config";
import { scoreAccountItems, scoreItem } from "@/lib/scoring/score";
import { ITEM_NUMBERS, type AccountScore, type CheckResult, type ItemNumber, type ItemResult, type ResultValue } from "@/lib/scoring/types";

/** An item's score, or "grey": every check unknown (nothing could be read), with `unreadReason`. */
export type ItemTarget = number | "grey";

// Results tried per check; four per check over at most six checks keeps the search under 4,096 scorings.
const TRIED: ResultValue[] = ["pass", "warn", "fail", "not_applicable"];
const MAX_CHECKS = 6;

function check(id: string, item: ItemNumber, severity: CheckResult["severity"], result: ResultValue, unreadReason: string): CheckResult {
  const reason = result === "unknown" ? unreadReason : result === "not_applicable" ? "not used in this account" : `seeded ${result}`;
  return { id: id as CheckId, item, result, severity, reason, resources: [] };
}

/** The item scored at exactly `target` (searching pass / warn / fail / not applicable over its checks). */
export function itemAt(item: ItemNumber, target: ItemTarget, config: ScoringConfig, unreadReason = "AccessDenied: seeded"): ItemResult {
  const defs = checksOfItem(item).slice(0, MAX_CHECKS);
  if (target === "grey") return scoreItem(item, defs.map((def) => check(def.id, item, def.severity, "unknown", unreadReason)), config);
  for (let code = 0; code < TRIED.length ** defs.length; code++) {
    const checks = defs.map((def, index) => check(def.id, item, def.severity, TRIED[Math.floor(code / TRIED.length ** index) % TRIED.length]!, unreadReason));
    const scored = scoreItem(item, checks, config);
    if (scored.score === target) return scored;
  }
  throw new Error(`item ${item} cannot score exactly ${target} with its first ${defs.length} checks`);
}

/** An account whose ten items score `targets` (item 1 first), through scoreItem and scoreAccountItems. */
export function accountAt(accountId: string, targets: readonly ItemTarget[], config: ScoringConfig, unreadReason?: string): AccountScore {
  if (targets.length !== 10) throw new Error("ten item targets");
  return scoreAccountItems(
    accountId,
    ITEM_NUMBERS.map((item, index) => itemAt(item, targets[index]!, config, unreadReason)),
    config,
  );
}

/** Item 5 at 65, the rest around it: an account scoring exactly 65 (red at a threshold of 70, amber at 60). */
export const AT_65: readonly ItemTarget[] = [100, 100, 75, 50, 65, 50, 50, 50, 60, 50];
/** The same account a week earlier, at 80: it shows in the review as regressed. */
export const AT_80: readonly ItemTarget[] = [100, 100, 75, 75, 75, 75, 75, 75, 75, 75];
export const ALL_100: readonly ItemTarget[] = Array.from({ length: 10 }, () => 100);
/** Every read check passes, but item 10 had nothing readable: 100, never green. */
export const GREY_ITEM_100: readonly ItemTarget[] = [100, 100, 100, 100, 100, 100, 100, 100, 100, "grey"];
/** Half the items unreadable: coverage below 80 %, listed under "needs attention" with the reason. */
export const PARTLY_READ: readonly ItemTarget[] = [100, 100, 100, 100, 100, "grey", "grey", "grey", "grey", "grey"];
export const PARTLY_READ_REASON = "AccessDenied: not authorized to perform iam:GetAccountAuthorizationDetails";

export type StatusScenarioIds = { at65: string; all100: string; greyItem: string; partlyRead: string };

/** The scenario's accounts, as Organizations would list them (one owner, one OU). */
export function statusScenarioAccounts(ids: StatusScenarioIds, owner: string, ouPath: string, suffix = "") {
  const named = (id: string, name: string) => ({ id, name: `${name}${suffix}`, email: `${name}${suffix}@example.com`, state: "ACTIVE", ouId: null, ouPath, tags: { owner }, owner });
  return [named(ids.at65, "sixty-five"), named(ids.all100, "all-read"), named(ids.greyItem, "grey-item"), named(ids.partlyRead, "partly-read")];
}

/** Each account's scores in the earlier and the latest scan. */
export function statusScenarioScores(ids: StatusScenarioIds, config: ScoringConfig): { earlier: AccountScore[]; latest: AccountScore[] } {
  return {
    earlier: [accountAt(ids.at65, AT_80, config), accountAt(ids.all100, ALL_100, config), accountAt(ids.greyItem, GREY_ITEM_100, config), accountAt(ids.partlyRead, PARTLY_READ, config, PARTLY_READ_REASON)],
    latest: [accountAt(ids.at65, AT_65, config), accountAt(ids.all100, ALL_100, config), accountAt(ids.greyItem, GREY_ITEM_100, config), accountAt(ids.partlyRead, PARTLY_READ, config, PARTLY_READ_REASON)],
  };
}

/** Writes the scenario through the real writers: the accounts, then one scan at each of `earlier` and `latest`. */
export async function seedStatusScenario(db: Db, options: { ids: StatusScenarioIds; owner: string; ouPath: string; suffix?: string; earlier: Date; latest: Date; config: ScoringConfig }) {
  const { ids, config } = options;
  await upsertDiscoveredAccounts(db, statusScenarioAccounts(ids, options.owner, options.ouPath, options.suffix), { complete: false });
  const scores = statusScenarioScores(ids, config);
  for (const [at, accounts] of [[options.earlier, scores.earlier], [options.latest, scores.latest]] as const) {
    const { id: scanId } = await createScan(db, { trigger: "cli", asOf: at });
    await markScanRunning(db, scanId, { accountsTotal: accounts.length, orgEvidence: {}, apiCalls: {} });
    for (const score of accounts) {
      await writeScoredSnapshot(db, { scanId, accountId: score.accountId, status: "ok", evaluatedAt: at, startedAt: at, finishedAt: at, apiCalls: {}, score });
    }
    await finalizeScan(db, scanId);
  }
}
