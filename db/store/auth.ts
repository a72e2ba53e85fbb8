import { eq, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { sessions, users } from "../schema";
import { boundHeaders } from "./audit";

type Role = (typeof users.$inferSelect)["role"];

export type SignedInUser = {
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  role: Role;
  groups: string[];
};

/** Creates the user at first sign-in; refreshes email, name, role and groups at every later one. */
export async function upsertUser(db: Db, user: SignedInUser): Promise<{ id: string }> {
  const now = new Date();
  const [row] = await db
    .insert(users)
    .values({ ...user, lastSignInAt: now })
    .onConflictDoUpdate({
      target: [users.issuer, users.subject],
      set: { email: user.email, name: user.name, role: user.role, groups: user.groups, lastSignInAt: now },
    })
    .returning({ id: users.id });
  if (!row) throw new Error("upsertUser returned no row");
  return row;
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values({ ...session, ...boundHeaders(session) });
}

export type SessionWithUser = {
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  user: { id: string; email: string | null; name: string | null; role: Role; groups: string[] };
};

export async function findSession(db: Db, tokenHash: string): Promise<SessionWithUser | null> {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, groups: users.groups },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Housekeeping: sessions past their absolute timeout, or idle since before idleCutoff. */
export async function deleteExpiredSessions(db: Db, now: Date, idleCutoff: Date): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}
