// Server-side sessions and the audit log on a real database.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/client";
import { listAudit, recordAudit } from "@/db/store/audit";
import { deleteExpiredSessions, deleteSession, findSession, insertSession, upsertUser } from "@/db/store/auth";
import { sessions } from "@/db/schema";
import { hashSessionToken, newSessionToken } from "./session-token";
import { viewerFromSessionToken } from "./viewer";

const connection = connect(inject("databaseUrl"), { max: 4 });
afterAll(() => connection.close());
const db = connection.db;
const env = { TENFOLD_SESSION_IDLE_MINUTES: 60, TENFOLD_SESSION_MAX_HOURS: 12, TENFOLD_OU_OWNERS: [{ ouPath: "Sandbox", owner: "platform" }], TENFOLD_APPROVER_GROUPS: ["security-approvers"] };
const minutes = (base: Date, count: number) => new Date(base.getTime() + count * 60_000);

async function signIn(role: "admin" | "viewer" | "owner", groups: string[]) {
  const run = randomUUID();
  const user = await upsertUser(db, { issuer: "http://issuer.test", subject: run, email: `${run}@example.com`, name: "Test", role, groups });
  const token = newSessionToken();
  const now = new Date();
  await insertSession(db, { tokenHash: hashSessionToken(token), userId: user.id, expiresAt: minutes(now, 12 * 60), ip: "127.0.0.1", userAgent: "vitest" });
  return { user, token, now };
}

describe("viewerFromSessionToken", () => {
  it("builds an owner's viewer with their owner values and OU prefixes", async () => {
    const { user, token, now } = await signIn("owner", ["platform"]);
    const viewer = await viewerFromSessionToken(db, token, env, now);
    expect(viewer).toMatchObject({ id: user.id, role: "owner", ouPrefixes: ["Root/Sandbox"], demo: false });
    expect(viewer?.ownerValues).toContain("platform");
  });

  it("stores only the token's hash", async () => {
    const { token } = await signIn("viewer", []);
    expect(await findSession(db, token)).toBeNull();
    expect(await findSession(db, hashSessionToken(token))).not.toBeNull();
  });

  it("rejects an unknown token", async () => {
    expect(await viewerFromSessionToken(db, newSessionToken(), env, new Date())).toBeNull();
  });

  it("slides the idle timeout while the person is active", async () => {
    const { token, now } = await signIn("viewer", []);
    expect(await viewerFromSessionToken(db, token, env, minutes(now, 50))).not.toBeNull();
    expect(await viewerFromSessionToken(db, token, env, minutes(now, 100))).not.toBeNull();
  });

  it("ends the session after the idle timeout, deleting it", async () => {
    const { token, now } = await signIn("viewer", []);
    expect(await viewerFromSessionToken(db, token, env, minutes(now, 61))).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.tokenHash, hashSessionToken(token)))).toHaveLength(0);
  });

  it("ends the session at the absolute timeout however active the person was", async () => {
    const { token, now } = await signIn("admin", []);
    for (let minute = 50; minute < 12 * 60; minute += 50) {
      expect(await viewerFromSessionToken(db, token, env, minutes(now, minute))).not.toBeNull();
    }
    expect(await viewerFromSessionToken(db, token, env, minutes(now, 12 * 60))).toBeNull();
  });

  it("is dead after sign-out", async () => {
    const { token, now } = await signIn("admin", []);
    await deleteSession(db, hashSessionToken(token));
    expect(await viewerFromSessionToken(db, token, env, now)).toBeNull();
  });

  it("housekeeping deletes sessions past either timeout and keeps live ones", async () => {
    const live = await signIn("viewer", []);
    const idle = await signIn("viewer", []);
    const now = minutes(live.now, 30);
    await db.update(sessions).set({ lastSeenAt: minutes(live.now, -120) }).where(eq(sessions.tokenHash, hashSessionToken(idle.token)));
    await deleteExpiredSessions(db, now, minutes(now, -60));
    expect(await findSession(db, hashSessionToken(live.token))).not.toBeNull();
    expect(await findSession(db, hashSessionToken(idle.token))).toBeNull();
  });

  it("refreshes role and groups at the next sign-in", async () => {
    const subject = randomUUID();
    const first = await upsertUser(db, { issuer: "http://issuer.test", subject, email: null, name: null, role: "owner", groups: ["a"] });
    const second = await upsertUser(db, { issuer: "http://issuer.test", subject, email: null, name: null, role: "admin", groups: ["admins"] });
    expect(second.id).toBe(first.id);
  });
});

describe("recordAudit", () => {
  it("records who, what, when (UTC) and from where", async () => {
    const actor = `auditor-${randomUUID()}@example.com`;
    const at = new Date("2026-03-04T05:06:07.890Z");
    await recordAudit(db, {
      at,
      actor,
      action: "scan.rescan",
      targetType: "account",
      targetId: "111122223333",
      outcome: "success",
      ip: "203.0.113.9",
      userAgent: "Mozilla/5.0",
      detail: { scanId: "x" },
    });
    const [row] = await listAudit(db, { actor });
    expect(row).toMatchObject({ actor, action: "scan.rescan", targetType: "account", targetId: "111122223333", outcome: "success", ip: "203.0.113.9", userAgent: "Mozilla/5.0", detail: { scanId: "x" } });
    // The caller's clock, not the database's now(): an audit entry sits on the same timeline as the scan dates.
    expect(row!.at.toISOString()).toBe(at.toISOString());
  });
});
