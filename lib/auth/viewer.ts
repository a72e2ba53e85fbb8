import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { inArray, like, or, sql, type SQL } from "drizzle-orm";
import { deleteSession, findSession, touchSession } from "@/db/store/auth";
import { accounts } from "@/db/schema";
import { getDb } from "@/lib/db/connection";
import type { Db } from "@/db/client";
import { authMode, getEnv, type Env } from "@/lib/env";
import { boundAddresses } from "@/lib/server-bind";
import { ForbiddenError, UnauthorizedError } from "./errors";
import { isApprover, ownerScope, type Role } from "./roles";
import { hashSessionToken, SESSION_COOKIE, sessionExpiry, shouldTouch } from "./session-token";

export type { Role } from "./roles";

export type Viewer = {
  id: string;
  email: string | null;
  name: string;
  role: Role;
  /** Lower-cased owner-tag values that are theirs: their email and their groups. */
  ownerValues: string[];
  /** OU paths ("Root/Workloads/Prod") whose accounts are theirs through TENFOLD_OU_OWNERS. */
  ouPrefixes: string[];
  /** May approve exceptions: admins, and members of TENFOLD_APPROVER_GROUPS. */
  approver?: boolean;
  demo: boolean;
};

export const DEMO_VIEWER: Viewer = {
  id: "demo",
  email: null,
  name: "Demo (sign-in off)",
  role: "admin",
  ownerValues: [],
  ouPrefixes: [],
  approver: true,
  demo: true,
};

/**
 * The signed-in person for this request, or null. Enforces the idle and absolute timeouts and slides
 * the idle one. Cached per request, so layout, page and data layer share one lookup.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const env = getEnv();
  const mode = authMode(env);
  if (mode === "demo") return DEMO_VIEWER;
  if (mode === "unconfigured") return null;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return viewerFromSessionToken(await getDb(), token, env, new Date());
});

/** Looks the token up, ends the session if a timeout passed, slides the idle timeout, builds the viewer. */
export async function viewerFromSessionToken(
  db: Db,
  token: string,
  env: Pick<Env, "TENFOLD_SESSION_IDLE_MINUTES" | "TENFOLD_SESSION_MAX_HOURS" | "TENFOLD_OU_OWNERS" | "TENFOLD_APPROVER_GROUPS">,
  now: Date,
): Promise<Viewer | null> {
  const tokenHash = hashSessionToken(token);
  const session = await findSession(db, tokenHash);
  if (!session) return null;
  const policy = { idleMinutes: env.TENFOLD_SESSION_IDLE_MINUTES, maxHours: env.TENFOLD_SESSION_MAX_HOURS };
  if (sessionExpiry(session, policy, now)) {
    await deleteSession(db, tokenHash);
    return null;
  }
  if (shouldTouch(session, now)) await touchSession(db, tokenHash, now);
  const { user } = session;
  const scope = ownerScope(user.email, user.groups, { ouOwners: env.TENFOLD_OU_OWNERS });
  return {
    id: user.id,
    email: user.email,
    name: user.name ?? user.email ?? "Signed-in user",
    role: user.role,
    ownerValues: user.role === "owner" ? scope.ownerValues : [],
    ouPrefixes: user.role === "owner" ? scope.ouPrefixes : [],
    approver: user.role === "admin" || isApprover(user.groups, env.TENFOLD_APPROVER_GROUPS),
    demo: false,
  };
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new UnauthorizedError();
  return viewer;
}

/** Text for the demo banner; null unless demo mode is on. */
export function demoBannerText(): string | null {
  const env = getEnv();
  if (authMode(env) !== "demo") return null;
  // Where the server really listens (read at start-up), not what HOST asked for.
  return `Demo mode: sign-in is off. Bound to ${boundAddresses().join(", ") || "an address this server could not read"}.`;
}

// What each role may do besides reading (product.md §7). Owners act only within their scope, which
// the data layer enforces by answering 404 outside it.
const ACTIONS = {
  rescan: ["admin", "owner"],
  exception: ["admin", "owner"],
  attestation: ["admin", "owner"],
  settings: ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type ViewerAction = keyof typeof ACTIONS;

export function can(viewer: Viewer, action: ViewerAction): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(viewer.role);
}

export function assertCan(viewer: Viewer, action: ViewerAction): void {
  if (!can(viewer, action)) throw new ForbiddenError(`role ${viewer.role} may not ${action}`);
}

/** Approving an exception is a second person's decision: admins and configured approvers only. */
export function assertApprover(viewer: Viewer): void {
  if (viewer.approver !== true) throw new ForbiddenError(`${viewer.email ?? viewer.id} is not an approver (TENFOLD_APPROVER_GROUPS)`);
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The rows of `accounts` this viewer may see, as a condition every lib/db query returning account
 * data must apply. Admins and viewers see all; an owner sees accounts whose owner tag is theirs or
 * that sit under an OU mapped to them; an owner with no mapping sees nothing.
 */
export function accountScope(viewer: Viewer): SQL {
  if (viewer.role === "admin" || viewer.role === "viewer") return sql`true`;
  const conditions: SQL[] = [];
  if (viewer.ownerValues.length > 0) conditions.push(inArray(sql`lower(${accounts.owner})`, viewer.ownerValues));
  for (const prefix of viewer.ouPrefixes) {
    conditions.push(sql`${accounts.ouPath} = ${prefix}`, like(accounts.ouPath, `${escapeLike(prefix)}/%`));
  }
  return conditions.length > 0 ? (or(...conditions) ?? sql`false`) : sql`false`;
}
