import { describe, expect, it } from "vitest";
import { completeRegions } from "./complete-regions";
import { scoreAccount } from "./score-account";
import { ACCOUNT, NOW, goodAccount, goodOrg, testConfig, variant } from "./testing/fixtures";

describe("completeRegions", () => {
  it("leaves complete evidence unchanged", () => {
    const ev = goodAccount();
    expect(completeRegions(ev)).toEqual(ev);
  });

  it("turns a Region the collector skipped into unknown, never a pass", () => {
    const ev = variant(goodAccount(), (d) => {
      delete d.item8.guardDuty["eu-west-1"];
    });
    const filled = completeRegions(ev);
    expect(filled.item8.guardDuty["eu-west-1"]).toMatchObject({ ok: false, error: { code: "NotCollected" } });
    const score = scoreAccount(ev, goodOrg(), { now: NOW, config: testConfig(), accountId: ACCOUNT, isManagementAccount: false });
    const gd = score.items[7]?.checks.find((c) => c.id === "i8.guardduty_enabled");
    expect(gd).toMatchObject({ result: "unknown", reason: "Region not collected (eu-west-1)" });
  });
});
