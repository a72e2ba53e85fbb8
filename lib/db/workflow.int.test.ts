// Exceptions and attestations end to end below the browser: the real scanner against the sandbox, the
// workflow functions the API calls, and the stored scores they change at once and at the next scans.
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountDaily, auditLog, checkResults, latestItemResults, orgDaily } from "@/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { addAccount, createScenario, DEFAULT_CLOCK } from "@/sandbox/scenario/builder";
import { startScanHarness, type ScanHarness } from "@/test/scan-harness";
import { approveException, listWorkflow, recordAttestations, recordException, revokeAttestation, revokeException } from "./workflow";

const REGIONS = "us-east-1";
const DAY = 86_400_000;
const T0 = DEFAULT_CLOCK;
const day = (offset: number) => new Date(T0.getTime() + offset * DAY);
const isoDay = (offset: number) => day(offset).toISOString().slice(0, 10);

const run = randomUUID().slice(0, 8);
const viewer = (role: Viewer["role"], approver: boolean, ownerValues: string[] = []): Viewer => ({
  id: randomUUID(),
  email: `${role}-${approver ? "approver" : "plain"}-${run}@example.com`,
  name: role,
  role,
  ownerValues,
  ouPrefixes: [],
  approver,
  demo: false,
});
const admin = viewer("admin", true);
const owner = viewer("owner", false, [`team-${run}`]);
const reader = viewer("viewer", false);

describe("exceptions and attestations", () => {
  const scenario = createScenario();
  const risky = addAccount(scenario, { name: "risky", root: { mfa: "none", hasPassword: true }, tags: { owner: `team-${run}` } });
  let harness: ScanHarness;

  const db = () => harness.connection.db;
  const check = async (checkId: string) => {
    const [latest] = await db().select({ snapshotId: latestItemResults.snapshotId }).from(latestItemResults).where(and(eq(latestItemResults.accountId, risky.id), eq(latestItemResults.item, Number(checkId.slice(1, checkId.indexOf("."))))));
    const [row] = await db().select().from(checkResults).where(and(eq(checkResults.snapshotId, latest!.snapshotId), eq(checkResults.checkId, checkId)));
    return row!;
  };
  const item = async (n: number) => (await db().select().from(latestItemResults).where(and(eq(latestItemResults.accountId, risky.id), eq(latestItemResults.item, n))))[0]!;
  const accountScore = async () => (await db().select().from(accountDaily).where(eq(accountDaily.accountId, risky.id)).orderBy(desc(accountDaily.day)).limit(1))[0]!.score;

  beforeAll(async () => {
    harness = await startScanHarness({ scenario, env: { TENFOLD_REGIONS: REGIONS } });
    await harness.scan({ asOf: T0 });
  });
  afterAll(() => harness?.stop());

  it("an approver's exception turns the failing check excepted and raises the item and account score at once", async () => {
    expect((await check("i2.root_mfa")).result).toBe("fail");
    const itemBefore = await item(2);
    const scoreBefore = await accountScore();
    const orgBefore = (await db().select().from(orgDaily).where(eq(orgDaily.day, isoDay(0))))[0]!.score;

    const exception = await recordException(admin, risky.id, { checkId: "i2.root_mfa", category: "accepted_risk", reason: "break-glass root is in the safe; MFA device on order", expiresOn: isoDay(10) }, { now: T0 }, db());
    expect(exception.approvedBy).toBe(admin.email);

    const after = await check("i2.root_mfa");
    expect(after).toMatchObject({ result: "excepted", originalResult: "fail", overrideId: exception.id });
    const itemAfter = await item(2);
    expect(itemAfter.score!).toBeGreaterThan(itemBefore.score!);
    expect(itemAfter.explanation).toContain("excepted");
    expect((await accountScore())!).toBeGreaterThan(scoreBefore!);
    expect((await db().select().from(orgDaily).where(eq(orgDaily.day, isoDay(0))))[0]!.score!).toBeGreaterThan(orgBefore!);
  });

  it("the next scan before expiry keeps it excepted; a scan after expiry restores the failure", async () => {
    await harness.scan({ asOf: day(5) });
    expect((await check("i2.root_mfa")).result).toBe("excepted");
    harness.sandbox.setClock(day(12));
    await harness.scan({ asOf: day(12) });
    expect((await check("i2.root_mfa"))).toMatchObject({ result: "fail", originalResult: null, overrideId: null });
    const listed = await listWorkflow(admin, { accountId: risky.id, now: day(12) }, db());
    expect(listed.exceptions.find((row) => row.checkId === "i2.root_mfa")?.state).toBe("expired");
  });

  it("an owner's exception waits for an approver; revoking it restores the failure", async () => {
    const now = day(12);
    const pending = await recordException(owner, risky.id, { checkId: "i2.root_mfa", category: "pending_fix", reason: "hardware key arrives next week", expiresOn: isoDay(20) }, { now }, db());
    expect(pending.approvedAt).toBeNull();
    expect((await check("i2.root_mfa")).result).toBe("fail");
    await expect(approveException(owner, pending.id, { now }, db())).rejects.toBeInstanceOf(ForbiddenError);
    await approveException(admin, pending.id, { now }, db());
    expect((await check("i2.root_mfa")).result).toBe("excepted");
    const revoked = await revokeException(owner, pending.id, { now }, db());
    expect((await check("i2.root_mfa")).result).toBe("fail");
    // Every stamp is the request's instant (the injected clock), never the database's now(): day 12 of the
    // sandbox's timeline, whatever the real date is when the test runs.
    expect([revoked.createdAt, revoked.approvedAt, revoked.revokedAt].map((at) => at?.toISOString())).toEqual([now.toISOString(), now.toISOString(), now.toISOString()]);
    const entries = await db().select({ action: auditLog.action, at: auditLog.at, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.targetId, risky.id));
    expect(entries.map((row) => row.action)).toEqual(expect.arrayContaining(["exception.create", "exception.approve", "exception.revoke"]));
    const ofPending = entries.filter((row) => (row.detail as { exceptionId?: string }).exceptionId === pending.id);
    expect(ofPending.map((row) => row.at.toISOString())).toEqual([now.toISOString(), now.toISOString(), now.toISOString()]);
  });

  it("refuses what would be wrong: no expiry, too far ahead, a passing check, a viewer, a duplicate", async () => {
    const now = day(12);
    const body = { checkId: "i2.root_mfa", category: "accepted_risk", reason: "documented compensating control" };
    await expect(recordException(admin, risky.id, body, { now }, db())).rejects.toBeInstanceOf(ZodError);
    await expect(recordException(admin, risky.id, { ...body, expiresOn: isoDay(12 + 400) }, { now }, db())).rejects.toThrow(/at most 365 days/);
    await expect(recordException(admin, risky.id, { ...body, checkId: "i2.console_users_mfa", expiresOn: isoDay(20) }, { now }, db())).rejects.toBeInstanceOf(ValidationError);
    await expect(recordException(reader, risky.id, { ...body, expiresOn: isoDay(20) }, { now }, db())).rejects.toBeInstanceOf(ForbiddenError);
    await recordException(admin, risky.id, { ...body, expiresOn: isoDay(20) }, { now }, db());
    await expect(recordException(admin, risky.id, { ...body, expiresOn: isoDay(25) }, { now }, db())).rejects.toThrow(/already has an open exception/);
  });

  it("an attestation turns item 10's manual check attested until it expires or is revoked", async () => {
    const now = day(12);
    expect((await check("i10.dev_cycle_attested")).result).toBe("unknown");
    const [attestation] = await recordAttestations(owner, { checkId: "i10.dev_cycle_attested", accountIds: [risky.id], statement: "Threat models are reviewed at design review", evidenceUrl: "https://wiki.example.com/security/design-review", validDays: 30 }, { now }, db());
    expect(attestation!.attestedAt.toISOString()).toBe(now.toISOString());
    expect((await check("i10.dev_cycle_attested"))).toMatchObject({ result: "attested", originalResult: "unknown" });
    expect((await item(10)).status).not.toBe("grey");
    await revokeAttestation(owner, attestation!.id, { now }, db());
    expect((await check("i10.dev_cycle_attested"))).toMatchObject({ result: "unknown", reason: "needs attestation" });
    await expect(recordAttestations(owner, { checkId: "i2.root_mfa", accountIds: [risky.id], statement: "not a manual check at all" }, { now }, db())).rejects.toBeInstanceOf(ZodError);
  });

  it("an attestation lasts TENFOLD_ATTEST_DAYS (180) by default and no longer: more is refused with a message", async () => {
    const now = day(12);
    const body = { checkId: "i10.dev_cycle_attested", accountIds: [risky.id], statement: "Threat models are reviewed at design review" };
    const tooLong = recordAttestations(owner, { ...body, validDays: 181 }, { now }, db());
    await expect(tooLong).rejects.toBeInstanceOf(ZodError); // withViewer answers a ZodError as 400 with its message
    await expect(tooLong).rejects.toThrow(/validDays can be at most 180/);
    await expect(recordAttestations(owner, { ...body, validDays: 730 }, { now }, db())).rejects.toThrow(/at most 180/);
    const [attestation] = await recordAttestations(owner, body, { now }, db());
    expect(attestation!.expiresAt.toISOString()).toBe(day(12 + 180).toISOString());
    await revokeAttestation(owner, attestation!.id, { now }, db());
  });
});
