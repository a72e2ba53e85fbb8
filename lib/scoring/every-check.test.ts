import { describe, expect, it } from "vitest";
import { CHECKS, checksOfItem, type CheckId } from "./catalogue";
import { NOT_EVALUATED, withEveryCheck } from "./every-check";
import { result } from "./helpers/result";
import { scoreAccount } from "./score-account";
import { ACCOUNT, NOW, goodAccount, goodOrg, testConfig, variant } from "./testing/fixtures";
import { ITEM_NUMBERS } from "./types";

const ctx = { now: NOW, config: testConfig(), accountId: ACCOUNT, isManagementAccount: false };

describe("withEveryCheck", () => {
  it.each([
    ["nothing evaluated", [], ["i5.account_s3_bpa", "i5.public_buckets_intentional", "i5.classification_tagged", "i5.kms_key_not_public", "i5.kms_encrypt_decrypt_separated", "i5.macie_enabled", "i5.classification_attested"]],
    ["all but the optional Macie check", ["i5.account_s3_bpa", "i5.public_buckets_intentional", "i5.classification_tagged", "i5.kms_key_not_public", "i5.kms_encrypt_decrypt_separated", "i5.classification_attested"], ["i5.macie_enabled"]],
    ["every check", checksOfItem(5).map((c) => c.id), []],
  ] as const)("item 5, %s: the missing checks come back unknown, in catalogue order", (_name, produced, missing) => {
    const checks = withEveryCheck(5, produced.map((id) => result(id as CheckId, "pass", "ok")));
    expect(checks.map((c) => c.id)).toEqual(checksOfItem(5).map((c) => c.id));
    const filled = checks.filter((c) => c.reason.startsWith(`${NOT_EVALUATED}: `));
    expect(filled.map((c) => c.id)).toEqual(missing);
    for (const c of filled) expect(c).toMatchObject({ result: "unknown", item: 5, severity: checksOfItem(5).find((d) => d.id === c.id)!.severity, resources: [] });
  });

  it("says why: optional evidence not collected, or no evaluator result", () => {
    const [macie] = withEveryCheck(5, []).filter((c) => c.id === "i5.macie_enabled");
    const [bpa] = withEveryCheck(5, []).filter((c) => c.id === "i5.account_s3_bpa");
    expect(macie!.reason).toBe("not evaluated: its optional evidence was not collected");
    expect(bpa!.reason).toBe("not evaluated: no evaluator produced a result");
  });

  it("keeps what an evaluator produced untouched", () => {
    const warn = result("i10.inspector_critical_findings", "warn", "2 critical findings open beyond 30 d");
    expect(withEveryCheck(10, [warn]).find((c) => c.id === warn.id)).toBe(warn);
  });
});

describe("scoreAccount puts every catalogue check in every item", () => {
  it("even when the optional Macie and Inspector-findings evidence was never collected", () => {
    const ev = variant(goodAccount(), (d) => {
      delete d.item5.macie;
      delete d.item10.inspectorCriticalFindings;
    });
    const checks = scoreAccount(ev, goodOrg(), ctx).items.flatMap((i) => i.checks);
    expect(checks.map((c) => c.id).sort()).toEqual(CHECKS.map((c) => c.id).sort());
    for (const id of ["i5.macie_enabled", "i10.inspector_critical_findings"]) expect(checks.find((c) => c.id === id)).toMatchObject({ result: "unknown", reason: "not evaluated: its optional evidence was not collected" });
  });

  it.each(ITEM_NUMBERS)("item %i lists its catalogue checks in catalogue order", (n) => {
    const item = scoreAccount(goodAccount(), goodOrg(), ctx).items.find((i) => i.item === n)!;
    expect(item.checks.map((c) => c.id)).toEqual(checksOfItem(n).map((c) => c.id));
  });
});
