// Client-side pacing for the AWS APIs whose quotas are low enough to set a scan's pace. Without it, an
// account fires GetFindings in every Region at once, most answers are throttled and the SDK's randomised
// backoff (up to seconds) decides when the account finishes: at 1,000 accounts a scan took ~1.7× the
// time the quota itself imposes (docs/benchmarks.md). Paced, each call waits for its slot and none is
// throttled; the account's other calls go on meanwhile (paced calls bypass the in-flight limiter).
import type { ServiceKey } from "./clients";

/** `operation: "*"` paces every other operation of the service (rules are matched in order). */
export type PaceRule = { service: ServiceKey; operation: string; perSecond: number; burst: number };

/**
 * AWS's published API rate quotas that a scan meets. Security Hub documents GetFindings at 3 requests per
 * second with a burst of 6, and its other operations at 10 with a burst of 30, without saying whether the
 * bucket is per Region; pacing per account across Regions is the safe reading, and costs at most ~4 s per
 * account (17 Regions), which its other ~300 calls take anyway.
 */
export const AWS_API_PACE: readonly PaceRule[] = [
  { service: "securityhub", operation: "GetFindings", perSecond: 3, burst: 6 },
  { service: "securityhub", operation: "*", perSecond: 10, burst: 30 },
];

/** Services with a paced API: their calls are paced instead of bounded by the account's limiter (./clients). */
export const isPacedService = (service: ServiceKey, rules: readonly PaceRule[] = AWS_API_PACE): boolean => rules.some((rule) => rule.service === service);

/** Waits until the call may be sent; resolves at once for calls no rule paces. */
export type Pacer = (service: ServiceKey, operation: string) => Promise<void>;

type Bucket = { tokens: number; at: number };

const ARRIVAL_MARGIN_MS = 50;

/**
 * One token bucket per rule (for one account). A call takes a token, possibly going into debt; the debt is
 * how long it waits, so callers are served first come, first served at exactly the rule's rate.
 */
export function createPacer(rules: readonly PaceRule[] = AWS_API_PACE, now: () => number = () => performance.now(), sleep: (ms: number) => Promise<void> = delay): Pacer {
  const buckets = new Map<PaceRule, Bucket>();
  return async (service, operation) => {
    const rule = rules.find((r) => r.service === service && (r.operation === operation || r.operation === "*"));
    if (!rule) return;
    const t = now();
    const bucket = buckets.get(rule) ?? { tokens: rule.burst, at: t };
    bucket.tokens = Math.min(rule.burst, bucket.tokens + ((t - bucket.at) / 1000) * rule.perSecond) - 1;
    bucket.at = t;
    buckets.set(rule, bucket);
    // A token in hand (≥ 0 left) goes at once; otherwise wait until the debt is paid back, plus a margin:
    // the server's bucket counts from when the burst *arrived*, and early calls can take longer to get
    // there than later ones (new sockets, a busy event loop on either side). The margin does not add up:
    // every slot is still counted from the same clock.
    if (bucket.tokens < 0) await sleep((-bucket.tokens / rule.perSecond) * 1000 + ARRIVAL_MARGIN_MS);
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
