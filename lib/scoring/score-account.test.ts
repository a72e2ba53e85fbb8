import { describe, expect, it } from "vitest";
import { CHECKS } from "./catalogue";
import { scoreAccount } from "./score-account";
import { ACCOUNT, NOW, goodAccount, goodOrg, testConfig, variant } from "./testing/fixtures";
import { NEEDS_ATTESTATION } from "./helpers/result";

const ctx = { now: NOW, config: testConfig(), accountId: ACCOUNT, isManagementAccount: false };

describe("scoreAccount", () => {
  const score = scoreAccount(goodAccount(), goodOrg(), ctx);
  const checks = score.items.flatMap((i) => i.checks);

  it("scores all ten items in order", () => {
    expect(score.items.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("passes every automated check of a well-configured account", () => {
    const notPassing = checks.filter((c) => c.result !== "pass" && c.result !== "not_applicable" && c.reason !== NEEDS_ATTESTATION);
    expect(notPassing).toEqual([]);
    expect(score.score).toBe(100);
    expect(score.status).toBe("green");
  });

  it("emits every catalogue check exactly once", () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(CHECKS.map((c) => c.id).sort());
  });

  it("keeps manual checks unknown with reason 'needs attestation'", () => {
    const manual = checks.filter((c) => CHECKS.find((d) => d.id === c.id && "manual" in d && d.manual));
    expect(manual).toHaveLength(4);
    for (const c of manual) expect(c).toMatchObject({ result: "unknown", reason: "needs attestation" });
  });

  it("turns manual checks attested with a valid attestation", () => {
    const s = scoreAccount(goodAccount(), goodOrg(), ctx, {
      attestations: [{ id: "a1", checkId: "i10.dev_cycle_attested", attestedAt: "2026-10-01T00:00:00Z", expiresAt: "2027-03-01T00:00:00Z" }],
    });
    expect(s.items[9]?.checks.find((c) => c.id === "i10.dev_cycle_attested")?.result).toBe("attested");
  });

  it("is JSON round-trippable and deterministic", () => {
    expect(JSON.parse(JSON.stringify(score))).toEqual(scoreAccount(goodAccount(), goodOrg(), ctx));
  });

  it("lowers coverage when a call is denied", () => {
    const ev = variant(goodAccount(), (d) => {
      d.iam.credentialReport = { ok: false, error: { code: "AccessDenied", message: "no" } };
    });
    const s = scoreAccount(ev, goodOrg(), ctx);
    expect(s.coverage).toBeLessThan(score.coverage);
    expect(s.items[8]?.checks.find((c) => c.id === "i9.access_key_age")?.reason).toBe("AccessDenied: iam:GetCredentialReport");
  });
});
