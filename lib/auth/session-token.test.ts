import { describe, expect, it } from "vitest";
import { hashSessionToken, newSessionToken, sessionExpiry, shouldTouch } from "./session-token";

const policy = { idleMinutes: 60, maxHours: 12 };
const t0 = new Date("2026-01-01T00:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("session tokens", () => {
  it("are 32 random bytes, stored only as their SHA-256", () => {
    const token = newSessionToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(newSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toContain(token);
  });
});

describe("sessionExpiry", () => {
  const session = { createdAt: t0, lastSeenAt: t0, expiresAt: at(12 * 60) };
  it.each([
    ["fresh", at(1), null],
    ["idle just under the limit", at(59), null],
    ["idle for the limit", at(60), "idle"],
    ["past the absolute limit", at(12 * 60), "absolute"],
  ])("%s", (_label, now, expected) => {
    expect(sessionExpiry(session, policy, now)).toBe(expected);
  });

  it("ends at the absolute limit even when the user stays active", () => {
    expect(sessionExpiry({ ...session, lastSeenAt: at(12 * 60 - 1) }, policy, at(12 * 60))).toBe("absolute");
  });
});

describe("shouldTouch", () => {
  it("slides the idle timeout at most once a minute", () => {
    expect(shouldTouch({ lastSeenAt: t0 }, at(0.5))).toBe(false);
    expect(shouldTouch({ lastSeenAt: t0 }, at(1))).toBe(true);
  });
});
