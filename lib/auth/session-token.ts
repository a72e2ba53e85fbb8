import { createHash, randomBytes } from "node:crypto";

// The cookie carries a random 32-byte token; the database keeps only its SHA-256, so a leaked
// sessions table cannot be replayed as cookies.
export const SESSION_COOKIE = "__Host-tenfold_session";
export const LOGIN_COOKIE = "__Host-tenfold_login";

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };
export type SessionPolicy = { idleMinutes: number; maxHours: number };

/** Why a stored session no longer counts, or null while it is alive. */
export function sessionExpiry(session: SessionTimes, policy: SessionPolicy, now: Date): "absolute" | "idle" | null {
  if (now.getTime() >= session.expiresAt.getTime()) return "absolute";
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return "idle";
  return null;
}

/** Sliding the idle timeout costs a write; do it at most once a minute per session. */
export function shouldTouch(session: Pick<SessionTimes, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= 60_000;
}
