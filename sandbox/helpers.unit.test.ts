import { describe, expect, it } from "vitest";
import { buildCredentialReport, CREDENTIAL_REPORT_COLUMNS } from "./credential-report";
import { FaultEngine } from "./faults";
import { decodeToken, encodeToken, paginate } from "./paginate";
import { createRng } from "./prng";
import { RequestLog } from "./request-log";
import { accessKey, addAccount, createScenario, user } from "./scenario/builder";
import { xmlEscape } from "./wire/codec";

describe("paginate", () => {
  const items = Array.from({ length: 7 }, (_, i) => i);
  it("walks every item exactly once with opaque tokens", () => {
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const p = paginate(items, { token, max: 3, defaultMax: 100 });
      seen.push(...p.items);
      token = p.next;
      pages++;
    } while (token);
    expect(seen).toEqual(items);
    expect(pages).toBe(3);
  });
  it("clamps to the service limit and rejects foreign tokens", () => {
    expect(paginate(items, { max: 100, defaultMax: 10, limit: 5 }).items).toHaveLength(5);
    expect(decodeToken(encodeToken(42))).toBe(42);
    expect(() => paginate(items, { token: "garbage", defaultMax: 1, invalidTokenCode: "InvalidNextToken" })).toThrow(/pagination token/);
  });
  it("an empty list is one empty page", () => {
    expect(paginate([], { defaultMax: 5 })).toEqual({ items: [], next: undefined });
  });
});

describe("FaultEngine", () => {
  it("token bucket: burst, then refill at perSecond", () => {
    const f = new FaultEngine(1, [], [{ service: "securityhub", operation: "GetFindings", perSecond: 3, burst: 6 }]);
    const at = (t: number) => f.decide("securityhub", "GetFindings", "a1", "us-east-1", t).error === undefined;
    const first = Array.from({ length: 8 }, () => at(0));
    expect(first.filter(Boolean)).toHaveLength(6);
    expect(at(100)).toBe(false); // 0.3 token
    expect(at(400)).toBe(true); // 1.2 tokens
    expect(f.decide("securityhub", "GetFindings", "a2", "us-east-1", 0).error).toBeUndefined(); // per account
    expect(f.decide("securityhub", "DescribeHub", "a1", "us-east-1", 0).error).toBeUndefined(); // other operation
  });
  it("error rates are deterministic for a seed", () => {
    const run = () => {
      const f = new FaultEngine(99, [{ service: "ec2", errorRate: 0.3 }]);
      return Array.from({ length: 200 }, () => Boolean(f.decide("ec2", "DescribeRegions", "a", "r").error));
    };
    const a = run();
    expect(run()).toEqual(a);
    const rate = a.filter(Boolean).length / a.length;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.4);
  });
  it("latency adds fixed plus jitter", () => {
    const f = new FaultEngine(5, [{ latencyMs: 20, latencyJitterMs: 10 }]);
    const d = f.decide("iam", "X", "a", "r").delayMs;
    expect(d).toBeGreaterThanOrEqual(20);
    expect(d).toBeLessThan(30);
  });
});

describe("createRng", () => {
  it("is seedable and uniform-ish in [0, 1)", () => {
    const a = createRng(3);
    const b = createRng(3);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe("RequestLog", () => {
  it("keeps the newest rows in a ring and never-truncated counters", () => {
    const log = new RequestLog(3);
    for (let i = 0; i < 5; i++) log.add({ service: "iam", operation: `Op${i}`, account: "a", region: "r", status: i === 4 ? 400 : 200, errorCode: i === 4 ? "Throttling" : undefined, latencyMs: 1, at: i });
    expect(log.list().map((r) => r.operation)).toEqual(["Op2", "Op3", "Op4"]);
    expect(log.count({ status: 400 })).toBe(1);
    expect(log.totals()["iam:Op4"]).toEqual({ count: 1, errors: 1, throttled: 1 });
    log.clear();
    expect(log.list()).toEqual([]);
  });
});

describe("credential report CSV", () => {
  it("has the 22 columns, root first, N/A / no_information / not_supported as AWS prints them", () => {
    const s = createScenario({ clock: new Date("2026-01-31T00:00:00Z") });
    const a = addAccount(s, { id: "123456789012", root: { hasPassword: false, mfa: "none", accessKeys: [] } });
    a.iam.users = [user(s, "svc", { keys: [accessKey(s, { id: "AKIASVC0000000000001", createdDaysAgo: 100 }), accessKey(s, { id: "AKIASVC0000000000002", createdDaysAgo: 5, lastUsedDaysAgo: 1, service: "ec2", region: "eu-west-1" })] })];
    const lines = buildCredentialReport(a).trimEnd().split("\n").map((l) => l.split(","));
    expect(lines[0]).toEqual([...CREDENTIAL_REPORT_COLUMNS]);
    expect(lines.every((l) => l.length === 22)).toBe(true);
    expect(lines[1]?.slice(0, 8)).toEqual(["<root_account>", "arn:aws:iam::123456789012:root", "2024-09-18T00:00:00Z", "not_supported", "N/A", "not_supported", "not_supported", "false"]);
    expect(lines[2]?.slice(3, 18)).toEqual([
      "false", "N/A", "N/A", "N/A", "false",
      "true", "2025-10-23T00:00:00Z", "N/A", "N/A", "N/A",
      "true", "2026-01-26T00:00:00Z", "2026-01-30T00:00:00Z", "eu-west-1", "ec2",
    ]);
  });
});

describe("xmlEscape", () => {
  it("escapes markup and leaves plain text alone", () => {
    expect(xmlEscape(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect(xmlEscape("plain")).toBe("plain");
  });
});
