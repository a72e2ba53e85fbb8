// Bounded request log (ring buffer) plus cheap per service/operation counters for benchmarks.

export interface RequestRecord {
  service: string;
  operation: string;
  account: string;
  region: string;
  status: number;
  errorCode?: string;
  latencyMs: number;
  /** Wall-clock time the request arrived (epoch ms). */
  at: number;
  host?: string;
}

export interface Counter {
  count: number;
  errors: number;
  throttled: number;
}

export type RequestFilter = Partial<Pick<RequestRecord, "service" | "operation" | "account" | "region" | "status" | "errorCode">>;

export const THROTTLE_CODES = new Set(["Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded", "LimitExceededException", "SlowDown"]);

export class RequestLog {
  private ring: (RequestRecord | undefined)[];
  private next = 0;
  private size = 0;
  readonly counters = new Map<string, Counter>();

  constructor(readonly capacity = 200_000) {
    this.ring = new Array<RequestRecord | undefined>(capacity);
  }

  add(r: RequestRecord): void {
    if (this.capacity > 0) {
      this.ring[this.next] = r;
      this.next = (this.next + 1) % this.capacity;
      if (this.size < this.capacity) this.size++;
    }
    const key = `${r.service}:${r.operation}`;
    let c = this.counters.get(key);
    if (!c) {
      c = { count: 0, errors: 0, throttled: 0 };
      this.counters.set(key, c);
    }
    c.count++;
    if (r.status >= 300) c.errors++;
    if (r.errorCode && THROTTLE_CODES.has(r.errorCode)) c.throttled++;
  }

  /** Oldest first. */
  list(filter?: RequestFilter): RequestRecord[] {
    const out: RequestRecord[] = [];
    const start = this.size < this.capacity ? 0 : this.next;
    for (let i = 0; i < this.size; i++) {
      const r = this.ring[(start + i) % this.capacity];
      if (r && (!filter || matchesFilter(r, filter))) out.push(r);
    }
    return out;
  }

  count(filter?: RequestFilter): number {
    return filter ? this.list(filter).length : this.size;
  }

  /** Counters by `service:operation`, never truncated by the ring size. */
  totals(): Record<string, Counter> {
    return Object.fromEntries([...this.counters].map(([k, v]) => [k, { ...v }]));
  }

  clear(): void {
    this.ring = new Array<RequestRecord | undefined>(this.capacity);
    this.next = 0;
    this.size = 0;
    this.counters.clear();
  }
}

function matchesFilter(r: RequestRecord, f: RequestFilter): boolean {
  for (const k of Object.keys(f) as (keyof RequestFilter)[]) if (f[k] !== undefined && r[k] !== f[k]) return false;
  return true;
}
