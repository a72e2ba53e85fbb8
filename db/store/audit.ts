import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog } from "../schema";

// Audit actions in one list, so a reader can grep what Tenfold records.
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.denied", // failed authorisation: another owner's account, a role without the right, a bad cron bearer
  "scan.rescan",
  "exception.create",
  "exception.approve",
  "exception.revoke",
  "attestation.create",
  "attestation.revoke",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  /** When it happened, from the caller's clock (lib/clock), never the database's now(). */
  at: Date;
  actor: string; // the user's email (or subject), "cron", "system", "anonymous"
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  outcome: "success" | "denied" | "error";
  ip?: string | null;
  userAgent?: string | null;
  detail?: Record<string, unknown>;
};

/** Longest stored request header values: a client must not be able to fill the log with one header. */
export const STORED_HEADER_LIMITS = { ip: 100, userAgent: 200 } as const;

/** The request's address and user agent cut to STORED_HEADER_LIMITS, for every row that stores them. */
export function boundHeaders(info: { ip?: string | null; userAgent?: string | null }): { ip: string | null; userAgent: string | null } {
  return { ip: info.ip ? info.ip.slice(0, STORED_HEADER_LIMITS.ip) : null, userAgent: info.userAgent ? info.userAgent.slice(0, STORED_HEADER_LIMITS.userAgent) : null };
}

/** Appends one row. */
export async function recordAudit(db: Pick<Db, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome,
    ...boundHeaders(entry),
    detail: entry.detail ?? {},
  });
}

export type AuditRow = typeof auditLog.$inferSelect;

export async function listAudit(db: Db, filter: { actor?: string; action?: AuditAction; since?: Date; limit?: number } = {}): Promise<AuditRow[]> {
  const conditions = [
    filter.actor ? eq(auditLog.actor, filter.actor) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.since ? gte(auditLog.at, filter.since) : undefined,
  ];
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 100);
}
