// The page benchmark's organisation and its history: `accounts` accounts scanned once a day for `days`
// days, scores from the real scorer. Each account's posture changes every few weeks (not every day), so
// "failing since" dates and trends look like a real organisation's. Deterministic: the same arguments
// always give the same rows.
import type { DiscoveredAccount } from "@/db/store/accounts";
import type { ScoredSnapshotInput } from "@/db/store/snapshots";
import { scoreAccount, scoreAccountItems, scoreItem } from "@/lib/scoring";
import { goodAccount, goodOrg, testConfig } from "@/lib/scoring/testing/fixtures";
import type { AccountScore, CheckResult, ItemNumber } from "@/lib/scoring/types";

const OUS = ["Root/Workloads/Prod", "Root/Workloads/Dev", "Root/Workloads/Payments", "Root/Security", "Root/Sandbox", "Root/Infrastructure"];
const OWNERS = ["team-a@example.com", "team-b@example.com", "payments@example.com", "platform@example.com", "data@example.com"];
const PERIOD_DAYS = 40; // a posture holds about this long before it changes

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function benchAccounts(count: number): DiscoveredAccount[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(300000000000 + i),
    name: `workload-${String(i).padStart(4, "0")}`,
    email: `aws+workload-${i}@example.com`,
    state: "ACTIVE",
    ouId: `ou-bench-${i % OUS.length}`,
    ouPath: OUS[i % OUS.length]!,
    tags: { owner: OWNERS[i % OWNERS.length]!, env: i % 2 ? "dev" : "prod", "data-classification": i % 3 ? "internal" : "confidential" },
    owner: OWNERS[i % OWNERS.length]!,
  }));
}

/** Scan clock of day `k` of `days` (the last one an hour ago). */
export function dayClock(k: number, days: number, now = Date.now()): Date {
  return new Date(now - 3_600_000 - (days - 1 - k) * 86_400_000);
}

export function historyGenerator(days: number, now: number) {
  const config = testConfig();
  const clock0 = dayClock(0, days, now);
  const base = scoreAccount(goodAccount(), goodOrg(), { now: clock0.toISOString(), config, accountId: "000000000000", isManagementAccount: false });
  const cache = new Map<string, AccountScore>();

  /** Posture `period` of account `index`: a share of checks fail, shrinking as the year goes on, with noise. */
  function posture(account: DiscoveredAccount, index: number, period: number): AccountScore {
    const key = `${account.id}|${period}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const random = rng(index * 7919 + period * 104729 + 13);
    const weakness = 0.08 + (index % 7) * 0.05 + Math.max(0, 10 - period) * 0.012;
    const items = base.items.map((item) => {
      const checks: CheckResult[] = item.checks.map((check) => {
        const roll = random();
        if (check.result === "not_applicable") return check;
        if (roll < weakness * 0.7)
          return { ...check, result: "fail", reason: `${check.reason} (seeded failure)`, resources: [{ kind: "iam-user", id: `arn:aws:iam::${account.id}:user/ci-deploy`, region: "us-east-1", detail: "seeded resource" }] };
        if (roll < weakness * 0.8) return { ...check, result: "warn" };
        if (roll > 0.985) return { ...check, result: "unknown", reason: "AccessDenied: seeded" };
        return check;
      });
      return scoreItem(item.item as ItemNumber, checks, config);
    });
    const score = scoreAccountItems(account.id, items, config);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, score);
    return score;
  }

  /** The snapshot inputs of one day's scan, in account order. */
  return (scanId: string, k: number, accounts: DiscoveredAccount[]): ScoredSnapshotInput[] => {
    const evaluatedAt = dayClock(k, days, now);
    return accounts.map((account, index) => ({
      scanId,
      accountId: account.id,
      status: "ok" as const,
      evaluatedAt,
      startedAt: evaluatedAt,
      finishedAt: new Date(evaluatedAt.getTime() + 4000),
      apiCalls: { iam: 8, ec2: 53, securityhub: 52 },
      score: posture(account, index, Math.floor((k + ((index * 13) % PERIOD_DAYS)) / PERIOD_DAYS)),
      worker: "bench:seed",
    }));
  };
}
