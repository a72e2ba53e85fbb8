import { describe, expect, it } from "vitest";
import { DEMO_WEEKS, demoClock, demoStateAt, demoTimeline, ITEMS } from "./index";

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

  it("plants obviously fake secrets only", () => {
    const text = JSON.stringify(last.scenario);
    expect(text).toMatch(/AKIAEXAMPLEFAKE\d{5}/);
    expect(text).toContain("hunter2hunter2");
    expect(text).toContain("-----BEGIN RSA PRIVATE KEY-----");
  });
});
