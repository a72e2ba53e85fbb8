// What the pages read for an account's status and coverage, on a real database through the real writers,
// with TENFOLD_AMBER_THRESHOLD at 70: the data layer colours with the scorer's threshold, not the default 60.
process.env.TENFOLD_AMBER_THRESHOLD = "70";

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/client";
import { ownerScope } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { defineScoringConfig } from "@/lib/scoring/config";
import { PARTLY_READ_REASON, seedStatusScenario } from "@/test/status-scenario";
import { listAccountSummaries } from "./account-summaries";
import { listFailedReads } from "./failed-reads";
import { getReviewSummary } from "./review";
import { getStatusThresholds } from "./status";

const connection = connect(inject("databaseUrl"), { max: 4 });
afterAll(() => connection.close());
const db = connection.db;

const run = randomUUID().slice(0, 8);
const team = `status-team-${run}`;
const newId = () => String(Math.floor(1e11 + Math.random() * 8.99e11));
const ids = { at65: newId(), all100: newId(), greyItem: newId(), partlyRead: newId() };
const owner: Viewer = { id: randomUUID(), email: `owner-${run}@example.com`, name: "owner", role: "owner", ...ownerScope(null, [team], { ouOwners: [] }), demo: false };
const period = { from: "2031-03-01", to: "2031-03-08" };

beforeAll(async () => {
  // Scored as a scan with the threshold at 70 scores them, so the stored item statuses agree with the pages.
  await seedStatusScenario(db, {
    ids,
    owner: team,
    ouPath: `Root/Status-${run}`,
    suffix: `-${run}`,
    earlier: new Date("2031-03-01T06:00:00Z"),
    latest: new Date("2031-03-08T06:00:00Z"),
    config: defineScoringConfig({ thresholds: { green: 100, amber: 70 } }),
  });
});

describe("status thresholds", () => {
  it("are the scorer's, from TENFOLD_AMBER_THRESHOLD", () => {
    expect(getStatusThresholds()).toEqual({ green: 100, amber: 70 });
  });
});

describe("listAccountSummaries", () => {
  it("hands each account its score, coverage and status under the installation's thresholds", async () => {
    const rows = new Map((await listAccountSummaries(owner, db)).map((row) => [row.id, row]));
    expect(rows.get(ids.at65)).toMatchObject({ score: 65, coverage: 1, status: "red" });
    expect(rows.get(ids.at65)?.items[4]).toMatchObject({ score: 65, status: "red" });
    expect(rows.get(ids.all100)).toMatchObject({ score: 100, coverage: 1, status: "green" });
  });

  it("never shows green with a grey item, and shows how much was read", async () => {
    const rows = new Map((await listAccountSummaries(owner, db)).map((row) => [row.id, row]));
    const grey = rows.get(ids.greyItem)!;
    expect(grey).toMatchObject({ score: 100, status: "amber" });
    expect(grey.coverage).toBeGreaterThanOrEqual(0.8);
    expect(grey.coverage).toBeLessThan(1);
    const partly = rows.get(ids.partlyRead)!;
    expect(partly).toMatchObject({ score: 100, status: "amber" });
    expect(partly.coverage).toBeLessThan(0.8);
  });
});

describe("listFailedReads", () => {
  it("names the reads that failed, for the accounts read below 80 % only", async () => {
    const reads = await listFailedReads(owner, undefined, db);
    expect([...reads.keys()]).toEqual([ids.partlyRead]);
    expect(reads.get(ids.partlyRead)).toEqual([{ reason: PARTLY_READ_REASON, checks: expect.any(Number) }]);
    expect(reads.get(ids.partlyRead)?.[0]?.checks).toBeGreaterThan(5);
  });

  it("reads one account when asked, and nothing for an account read in full", async () => {
    expect((await listFailedReads(owner, ids.partlyRead, db)).size).toBe(1);
    expect((await listFailedReads(owner, ids.at65, db)).size).toBe(0);
  });
});

describe("getReviewSummary", () => {
  it("hands the review the statuses and coverage on its `to` date", async () => {
    const review = await getReviewSummary(owner, period, { now: new Date("2031-03-09T00:00:00Z") }, db);
    const accounts = new Map(review.accounts.map((row) => [row.id, row]));
    expect(accounts.get(ids.at65)).toMatchObject({ from: 80, to: 65, coverage: 1, status: "red" });
    expect(accounts.get(ids.all100)?.status).toBe("green");
    expect(accounts.get(ids.greyItem)?.status).toBe("amber");
    expect(accounts.get(ids.partlyRead)?.status).toBe("amber");
    // The owner's accounts average above 90 but one is red and two are read in part: not green.
    expect(review.org.status).toBe("amber");
    expect(review.items[4]).toMatchObject({ item: 5, status: "amber" });
  });
});
