import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgDaily } from "@/db/schema";
import type { ScanResultDocument } from "@/db/store/scan-results";
import { DEMO_LOG_ARCHIVE_ID, DEMO_WEEKS, demoClock, demoScenarioAt, demoTimeline } from "@/sandbox/demo";
import { startScanHarness, type ScanHarness } from "@/test/scan-harness";

// The demo organisation scanned at each of its weekly dates: every fix in the timeline raises the score of
// the item it names in that account, every regression lowers it, and the organisation keeps one trend
// point per week.
describe("the demo timeline, scanned week by week", () => {
  let harness: ScanHarness;
  const weeks: ScanResultDocument[] = [];

  beforeAll(async () => {
    harness = await startScanHarness({
      scenario: demoScenarioAt(0),
      env: { TENFOLD_REGIONS: "us-east-1,eu-west-1", TENFOLD_LOG_ARCHIVE_ACCOUNT_ID: DEMO_LOG_ARCHIVE_ID },
    });
    for (let week = 0; week <= DEMO_WEEKS; week++) {
      harness.sandbox.setScenario(demoScenarioAt(week));
      weeks.push(await harness.scan({ trigger: "backfill", asOf: demoClock(week) }));
    }
  }, 600_000);
  afterAll(() => harness?.stop());

  const itemScore = (week: number, accountName: string, item: number) =>
    weeks[week]?.accounts.find((account) => account.name === accountName)?.items.find((entry) => entry.item === item)?.score ?? null;

  it("completes every weekly scan with every account", () => {
    expect(weeks.map((document) => document.state)).toEqual(Array(DEMO_WEEKS + 1).fill("succeeded"));
    for (const document of weeks) expect(document.accounts.filter((account) => account.status === "failed")).toEqual([]);
  });

  it.each(demoTimeline.flatMap((step) => step.changes.map((change) => [step.week, step.kind, change.account, change.item, step.title] as const)))(
    "week %i %s: %s item %i moves the right way (%s)",
    (week, kind, account, item) => {
      const before = itemScore(week - 1, account, item);
      const after = itemScore(week, account, item);
      expect(before).not.toBeNull();
      expect(after).not.toBeNull();
      if (kind === "fix") expect(after!).toBeGreaterThan(before!);
      else expect(after!).toBeLessThan(before!);
    },
  );

  it("keeps one organisation trend point per weekly scan", async () => {
    const days = await harness.connection.db.select({ day: orgDaily.day, score: orgDaily.score }).from(orgDaily).orderBy(asc(orgDaily.day));
    expect(days.map((row) => row.day)).toEqual(Array.from({ length: DEMO_WEEKS + 1 }, (_, week) => demoClock(week).toISOString().slice(0, 10)));
    for (const row of days) expect(row.score).toBeGreaterThan(0);
  });
});
