import { describe, expect, it } from "vitest";
import { createPacer, type PaceRule } from "./pacing";

const rule: PaceRule = { service: "securityhub", operation: "GetFindings", perSecond: 3, burst: 6 };

/** A pacer on a fake clock: sleeps are recorded, not waited. */
function fakePacer(rules: PaceRule[] = [rule]) {
  let clock = 0;
  const waits: number[] = [];
  const pacer = createPacer(rules, () => clock, async (ms) => {
    waits.push(Math.round(ms));
  });
  return { pacer, waits, advance: (ms: number) => (clock += ms) };
}

describe("createPacer", () => {
  it("lets the burst through, then spaces calls at the rule's rate in arrival order", async () => {
    const { pacer, waits } = fakePacer();
    for (let i = 0; i < 9; i++) await pacer("securityhub", "GetFindings");
    // 6 free, then the 7th waits one interval (333 ms), the 8th two, the 9th three (+50 ms margin each).
    expect(waits).toEqual([383, 717, 1050]);
  });

  it("refills with time, never above the burst", async () => {
    const { pacer, waits, advance } = fakePacer();
    for (let i = 0; i < 6; i++) await pacer("securityhub", "GetFindings");
    advance(10_000); // 30 tokens' worth, capped at 6
    for (let i = 0; i < 7; i++) await pacer("securityhub", "GetFindings");
    expect(waits).toEqual([383]);
  });

  it("paces the service's other operations by its catch-all rule, in a bucket of their own", async () => {
    const { pacer, waits } = fakePacer([rule, { service: "securityhub", operation: "*", perSecond: 10, burst: 2 }]);
    for (let i = 0; i < 6; i++) await pacer("securityhub", "GetFindings");
    for (let i = 0; i < 3; i++) await pacer("securityhub", "DescribeHub");
    expect(waits).toEqual([150]);
  });

  it("does not pace other operations or services", async () => {
    const { pacer, waits } = fakePacer();
    for (let i = 0; i < 50; i++) {
      await pacer("securityhub", "DescribeHub");
      await pacer("ec2", "GetFindings");
    }
    expect(waits).toEqual([]);
  });

  it("waits for real with the default clock", async () => {
    const pacer = createPacer([{ ...rule, perSecond: 10, burst: 1 }]);
    const start = performance.now();
    await pacer("securityhub", "GetFindings");
    await pacer("securityhub", "GetFindings");
    // The second call owes one token: 100 ms + the 50 ms margin. Node's timers may fire a millisecond or
    // two early against performance.now(), so the bound leaves that slack; a pacer that did not wait
    // would take well under 1 ms.
    expect(performance.now() - start).toBeGreaterThanOrEqual(145);
  });
});
