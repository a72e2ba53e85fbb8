// The floor of a scan: the shortest wall time the sandbox's rules allow for the calls this scan made, with
// zero CPU cost. Pure (unit-tested in floor.test.ts); bench/scan.ts feeds it the sandbox's tallies.
//
// A scan is an org phase (discovery + org evidence, one job) followed by the account phase (one job per
// account, `accountsAtOnce` = TENFOLD_SCAN_CONCURRENCY × workers in flight). Each phase's floor is the
// largest of its lower bounds:
//   - latency: calls × latency ÷ calls-in-flight allowed (per account: lib/aws perAccountConcurrency);
//   - rate limits: for each per-account token bucket, (calls − burst) ÷ refill rate;
//   - waits the service imposes (IAM's credential report generation delay, then Generate + Get again).
// The account phase also can't end before its slowest account, nor before the management account's STS
// bucket has granted every AssumeRole.
import type { RateLimitRule } from "@/sandbox/faults";
import { matches } from "@/sandbox/faults";

/** Answered calls per service:operation. */
export type OpCounts = Record<string, number>;

export type FloorInput = {
  latencyMs: number;
  /** lib/aws perAccountConcurrency: calls in flight per account. */
  perAccount: number;
  /** Accounts scanned at once over every worker. */
  accountsAtOnce: number;
  rateLimits: readonly RateLimitRule[];
  /** Service-side wait inside every account scan (IAM credential report generation), ms. */
  serviceWaitMs: number;
  /** Org-phase calls of the management (scanner) account, and of member accounts. */
  org: { management: OpCounts; members: OpCounts[] };
  /** Account-phase calls, per account whose credentials made them (a delegated admin's include shared reads). */
  accounts: Record<string, OpCounts>;
  /** AssumeRole calls the management account makes in the account phase (one per account). */
  accountPhaseAssumeRoles: number;
};

export type Floor = { totalS: number; orgS: number; accountS: number; perAccountS: { median: number; max: number }; bound: string };

const sum = (o: OpCounts) => Object.values(o).reduce((a, b) => a + b, 0);

/** Seconds the token buckets of one account need for these calls (first matching rule per call, as the sandbox does). */
export function rateBoundS(calls: OpCounts, rules: readonly RateLimitRule[]): number {
  const perRule = new Array<number>(rules.length).fill(0);
  for (const [key, n] of Object.entries(calls)) {
    const [service = "", operation = ""] = key.split(":");
    const i = rules.findIndex((r) => matches(r, service, operation, "", ""));
    if (i >= 0) perRule[i] = (perRule[i] ?? 0) + n;
  }
  return Math.max(0, ...perRule.map((n, i) => (n - (rules[i]?.burst ?? 0)) / (rules[i]?.perSecond ?? Infinity)));
}

export function scanFloor(input: FloorInput): Floor {
  const L = input.latencyMs / 1000;
  const P = input.perAccount;
  // Org phase: the management account's calls share one limiter; member accounts are visited P at a time,
  // each with an AssumeRole then its reads (two round trips).
  const mgmtCalls = sum(input.org.management);
  const orgLatency = Math.max(mgmtCalls * L / P, (input.org.members.length * 2 * L) / P);
  const orgRate = rateBoundS(input.org.management, input.rateLimits);
  const orgS = Math.max(orgLatency, orgRate);

  const entries = Object.entries(input.accounts).map(([id, c]) => ({
    id,
    s: Math.max((sum(c) * L) / P, rateBoundS(c, input.rateLimits), input.serviceWaitMs / 1000 + 3 * L),
    rate: rateBoundS(c, input.rateLimits),
  }));
  const perAccount = entries.map((e) => e.s);
  const sorted = [...perAccount].sort((a, b) => a - b);
  const slowest = entries.reduce((a, b) => (b.s > a.s ? b : a), { id: "", s: 0, rate: 0 });
  const total = perAccount.reduce((a, b) => a + b, 0);
  const sts = input.rateLimits.find((r) => r.service === "sts");
  const stsBound = sts ? (input.accountPhaseAssumeRoles - sts.burst) / sts.perSecond : 0;
  const bounds: [string, number][] = [
    ["account latency ÷ concurrency", total / Math.max(1, input.accountsAtOnce)],
    [`account ${slowest.id} alone (${slowest.rate >= slowest.s ? "its rate limits" : "latency"})`, slowest.s],
    ["management STS bucket", stsBound],
  ];
  const [bound, accountS] = bounds.reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    totalS: orgS + accountS,
    orgS,
    accountS,
    perAccountS: { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 },
    bound: `org ${orgRate >= orgLatency ? "rate limit" : "latency"}; accounts: ${bound}`,
  };
}
