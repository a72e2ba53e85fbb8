import { describe, expect, it } from "vitest";
import { attestationInputSchema, exceptionInputSchema, expiryBounds, expiryOfDay } from "./input";

const now = new Date("2026-11-29T10:00:00Z");
const exception = exceptionInputSchema({ now, maxDays: 365 });
const valid = { checkId: "i4.sg_admin_ports_open", category: "accepted_risk", reason: "bastion reached only over the VPN", expiresOn: "2027-02-27" };
const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("exception input", () => {
  it("accepts a complete exception and narrows no resource by default", () => {
    expect(exception.parse(valid)).toEqual({ ...valid, resourceId: null });
    expect(exception.parse({ ...valid, resourceId: "" }).resourceId).toBeNull();
    expect(exception.parse({ ...valid, resourceId: "sg-0abc" }).resourceId).toBe("sg-0abc");
  });

  it("requires an expiry from tomorrow up to the configured maximum", () => {
    expect(message(exception.safeParse({ ...valid, expiresOn: undefined }))).toBe("an expiry date is required");
    expect(message(exception.safeParse({ ...valid, expiresOn: "2026-11-29" }))).toMatch(/2026-11-30 or later/);
    expect(exception.safeParse({ ...valid, expiresOn: "2026-11-30" }).success).toBe(true);
    expect(exception.safeParse({ ...valid, expiresOn: "2027-11-29" }).success).toBe(true);
    expect(message(exception.safeParse({ ...valid, expiresOn: "2027-11-30" }))).toMatch(/at most 365 days/);
    expect(message(exception.safeParse({ ...valid, expiresOn: "2027-02-30" }))).toBe("must be a real calendar date");
    expect(message(exceptionInputSchema({ now, maxDays: 30 }).safeParse(valid))).toMatch(/2026-12-29 or earlier/);
  });

  it("refuses manual checks, unknown checks, unknown categories and one-word reasons", () => {
    expect(exception.safeParse({ ...valid, checkId: "i10.dev_cycle_attested" }).success).toBe(false);
    expect(exception.safeParse({ ...valid, checkId: "i4.nope" }).success).toBe(false);
    expect(message(exception.safeParse({ ...valid, category: "because" }))).toMatch(/accepted_risk, false_positive or pending_fix/);
    expect(message(exception.safeParse({ ...valid, reason: "  ok  " }))).toMatch(/at least 10 characters/);
  });

  it("an expiry day covers that whole UTC day; the picker offers tomorrow to the maximum", () => {
    expect(expiryOfDay("2027-02-27").toISOString()).toBe("2027-02-27T23:59:59.999Z");
    expect(expiryBounds(now, 365)).toEqual({ min: "2026-11-30", max: "2027-11-29", suggested: "2027-02-27" });
    expect(expiryBounds(now, 30).suggested).toBe("2026-12-29");
  });
});

describe("attestation input", () => {
  const attestation = attestationInputSchema({ maxDays: 180 });
  const body = { checkId: "i10.dev_cycle_attested", accountIds: ["111111111111", "222222222222"], statement: "security joins every design review" };

  it("defaults the validity and takes an optional https evidence link", () => {
    expect(attestation.parse(body)).toEqual({ ...body, evidenceUrl: null, validDays: 180 });
    expect(attestation.parse({ ...body, evidenceUrl: "https://wiki.example.com/x", validDays: "30" })).toMatchObject({ evidenceUrl: "https://wiki.example.com/x", validDays: 30 });
  });

  it("refuses automated checks, empty or malformed account lists, script links and long validity", () => {
    expect(attestation.safeParse({ ...body, checkId: "i2.root_mfa" }).success).toBe(false);
    expect(message(attestation.safeParse({ ...body, accountIds: [] }))).toBe("choose at least one account");
    expect(attestation.safeParse({ ...body, accountIds: ["12345"] }).success).toBe(false);
    expect(message(attestation.safeParse({ ...body, evidenceUrl: "javascript:alert(1)" }))).toMatch(/http/);
  });

  // checks.md: attested "within TENFOLD_ATTEST_DAYS": the setting is the longest validity, not only the default.
  it.each([
    { attestDays: 180, validDays: undefined, parsed: 180 },
    { attestDays: 180, validDays: 180, parsed: 180 },
    { attestDays: 180, validDays: 181, error: "validDays can be at most 180: attestations last at most TENFOLD_ATTEST_DAYS (180) days" },
    { attestDays: 180, validDays: 730, error: /at most 180/ },
    { attestDays: 90, validDays: undefined, parsed: 90 },
    { attestDays: 90, validDays: 120, error: /at most 90/ },
    { attestDays: 730, validDays: 730, parsed: 730 },
    { attestDays: 730, validDays: 731, error: /at most 730/ },
  ])("TENFOLD_ATTEST_DAYS=$attestDays, validDays $validDays → $parsed$error", ({ attestDays, validDays, parsed, error }) => {
    const out = attestationInputSchema({ maxDays: attestDays }).safeParse({ ...body, ...(validDays !== undefined && { validDays }) });
    if (error === undefined) expect(out.data?.validDays).toBe(parsed);
    else expect(message(out)).toMatch(error);
  });
});
