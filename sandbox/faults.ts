// Fault injection: error rates, latency and AWS-like token-bucket rate limits.
import { createRng } from "./prng";

export interface FaultMatch {
  /** Service name as in the request log: iam, sts, ec2, organizations, account, s3, s3control, … */
  service?: string;
  /** Exact operation name, or a pattern such as /^Describe/. */
  operation?: string | RegExp;
  account?: string;
  region?: string;
}

export interface FaultRule extends FaultMatch {
  /** 0..1; the share of matching requests answered with `errorCode`. */
  errorRate?: number;
  /** Default: the service's own throttling code. */
  errorCode?: string;
  httpStatus?: number;
  message?: string;
  latencyMs?: number;
  /** Extra uniformly random latency in [0, latencyJitterMs). */
  latencyJitterMs?: number;
}

export interface RateLimitRule extends FaultMatch {
  service: string;
  /** Tokens refilled per second. */
  perSecond: number;
  /** Bucket size. */
  burst: number;
  /** Default: the service's throttling code. */
  errorCode?: string;
  httpStatus?: number;
}

/**
 * AWS-like per-account quotas (one bucket per account × rule). Figures from AWS quota pages where
 * known (Security Hub GetFindings 3/s burst 6, Account API 10/s burst 15, EC2 non-mutating 20/s
 * bucket 100); the others are conservative guesses.
 */
export const awsLikeRateLimits: RateLimitRule[] = [
  { service: "securityhub", operation: "GetFindings", perSecond: 3, burst: 6 },
  { service: "securityhub", operation: /^(?!GetFindings$)/, perSecond: 10, burst: 30 },
  { service: "account", perSecond: 10, burst: 15 },
  { service: "ec2", operation: /^Describe/, perSecond: 20, burst: 100 },
  { service: "iam", perSecond: 20, burst: 40 },
  { service: "organizations", perSecond: 20, burst: 40 },
  { service: "sts", perSecond: 100, burst: 200 },
  { service: "guardduty", perSecond: 20, burst: 40 },
  { service: "access-analyzer", perSecond: 20, burst: 40 },
  { service: "cloudtrail", perSecond: 10, burst: 20 },
  { service: "lambda", perSecond: 15, burst: 30 },
  { service: "kms", perSecond: 50, burst: 100 },
];

export function matches(rule: FaultMatch, service: string, operation: string, account: string, region: string): boolean {
  if (rule.service !== undefined && rule.service !== service) return false;
  if (rule.account !== undefined && rule.account !== account) return false;
  if (rule.region !== undefined && rule.region !== region) return false;
  if (rule.operation !== undefined) {
    if (typeof rule.operation === "string" ? rule.operation !== operation : !rule.operation.test(operation)) return false;
  }
  return true;
}

export interface FaultDecision {
  delayMs: number;
  error?: { code?: string; status?: number; message?: string };
}

/** Holds rules, buckets and the PRNG; `decide` is O(rules) per request with no allocation on the hot path. */
export class FaultEngine {
  private rules: FaultRule[] = [];
  private limits: RateLimitRule[] = [];
  private buckets = new Map<string, { tokens: number; at: number }>();
  private rng: () => number;

  constructor(seed: number, faults: FaultRule[] = [], rateLimits: RateLimitRule[] = []) {
    this.rng = createRng(seed);
    this.set(faults, rateLimits);
  }

  set(faults: FaultRule[], rateLimits?: RateLimitRule[]): void {
    this.rules = faults;
    if (rateLimits) {
      this.limits = rateLimits;
      this.buckets.clear();
    }
  }

  get faults(): readonly FaultRule[] {
    return this.rules;
  }

  get rateLimits(): readonly RateLimitRule[] {
    return this.limits;
  }

  decide(service: string, operation: string, account: string, region: string, now = performance.now()): FaultDecision {
    let delayMs = 0;
    let error: FaultDecision["error"];
    for (let i = 0; i < this.limits.length; i++) {
      const l = this.limits[i];
      if (!l || !matches(l, service, operation, account, region)) continue;
      const key = `${account}|${i}`;
      let b = this.buckets.get(key);
      if (!b) {
        b = { tokens: l.burst, at: now };
        this.buckets.set(key, b);
      }
      b.tokens = Math.min(l.burst, b.tokens + ((now - b.at) / 1000) * l.perSecond);
      b.at = now;
      if (b.tokens < 1) {
        error = { code: l.errorCode, status: l.httpStatus, message: "Rate exceeded" };
        break;
      }
      b.tokens -= 1;
      break; // first matching bucket only: rules are ordered from specific to general
    }
    for (const r of this.rules) {
      if (!matches(r, service, operation, account, region)) continue;
      if (r.latencyMs) delayMs += r.latencyMs;
      if (r.latencyJitterMs) delayMs += this.rng() * r.latencyJitterMs;
      if (!error && r.errorRate && this.rng() < r.errorRate) error = { code: r.errorCode, status: r.httpStatus, message: r.message };
    }
    return { delayMs, error };
  }
}
