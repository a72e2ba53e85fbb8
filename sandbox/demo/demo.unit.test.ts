import { describe, expect, it } from "vitest";
import { DEMO_START, DEMO_WEEKS, demoClock, demoStartEndingAt, demoStateAt, demoTimeline, ITEMS } from "./index";

describe("demo organisation", () => {
  const base = demoStateAt(0);
  const last = demoStateAt(DEMO_WEEKS);

  it("has about 40 accounts in the OU tree, two of them suspended", () => {
    const accounts = Object.values(last.scenario.accounts);
    expect(accounts.length).toBeGreaterThanOrEqual(38);
    expect(accounts.length).toBeLessThanOrEqual(42);
    expect(accounts.filter((a) => a.state === "SUSPENDED").map((a) => a.name)).toEqual(["legacy-crm", "old-poc"]);
    expect(last.scenario.organization?.ous.map((o) => o.name)).toEqual(["Security", "Infrastructure", "Workloads", "Prod", "Dev", "Sandbox", "Suspended"]);
    expect(accounts.every((a) => a.tags.owner?.includes("@"))).toBe(true);
    expect(accounts.filter((a) => a.tags["data-classification"] === "public").map((a) => a.name)).toEqual(["public-website"]);
  });

  it("represents every item in green, amber and red at the baseline", () => {
    for (const item of ITEMS) {
      const colors = new Set(Object.values(base.postures).map((p) => p[item]));
      expect([item, [...colors].sort()]).toEqual([item, ["amber", "green", "red"]]);
    }
  });

  it("has twelve weekly steps that each change something, deterministically", () => {
    expect(demoTimeline.map((s) => s.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(demoTimeline.filter((s) => s.kind === "regression").length).toBeGreaterThanOrEqual(4);
    for (let w = 1; w <= DEMO_WEEKS; w++) {
      expect(JSON.stringify(demoStateAt(w).scenario.accounts)).not.toBe(JSON.stringify({ ...demoStateAt(w - 1).scenario.accounts }));
    }
    expect(JSON.stringify(demoStateAt(5).scenario)).toBe(JSON.stringify(demoStateAt(5).scenario));
    expect(demoStateAt(3).scenario.clock).toEqual(demoClock(3));
  });

  it.each([
    ["a Wednesday afternoon", "2027-03-10T15:00:00Z", "2027-03-08T09:00:00Z"],
    ["a Monday after 09:00", "2027-03-08T09:30:00Z", "2027-03-08T09:00:00Z"],
    ["a Monday before 09:00", "2027-03-08T08:00:00Z", "2027-03-01T09:00:00Z"],
    ["a Sunday night", "2030-01-06T23:59:00Z", "2029-12-31T09:00:00Z"],
  ])("anchored at %s, the timeline's last week is the latest Monday 09:00 UTC not after it", (_when, now, lastWeek) => {
    const start = demoStartEndingAt(new Date(now));
    expect(demoClock(DEMO_WEEKS, start).toISOString()).toBe(new Date(lastWeek).toISOString());
    expect(demoStateAt(DEMO_WEEKS, { start }).scenario.clock.toISOString()).toBe(new Date(lastWeek).toISOString());
  });

  it("keeps the fixed DEMO_START when no anchor is given (the tests' timeline)", () => {
    expect(demoClock(0)).toEqual(DEMO_START);
    expect(demoStateAt(0).scenario.clock).toEqual(DEMO_START);
  });

  it("plants obviously fake secrets only", () => {
    const text = JSON.stringify(last.scenario);
    expect(text).toMatch(/AKIAEXAMPLEFAKE\d{5}/);
    expect(text).toContain("hunter2hunter2");
    expect(text).toContain("-----BEGIN RSA PRIVATE KEY-----");
  });
});
