import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { CheckException, Attestation } from "@/lib/scoring/overrides";
import type { CheckId } from "@/lib/scoring/catalogue";
import type { Db } from "../client";
import { attestations, exceptions } from "../schema";
import { recordAudit, type AuditEntry } from "./audit";

// Exceptions (risk acceptance) and attestations (manual checks): rows, their life cycle, and the audit
// entry of every change, written in the same transaction so nothing happens unaudited.

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Who asked from where, and when: `at` (the caller's clock) stamps both the row and its audit entry. */
export type WriteContext = Pick<AuditEntry, "ip" | "userAgent"> & { at: Date };

import type { ExceptionCategory } from "@/lib/workflow/categories";
export type ExceptionRow = typeof exceptions.$inferSelect;
export type AttestationRow = typeof attestations.$inferSelect;

export type NewException = {
  accountId: string;
  checkId: string;
  resourceId: string | null;
  category: ExceptionCategory;
  reason: string;
  expiresAt: Date;
  createdBy: string;
  /** Set when the person recording it may approve it too (admin or approver): it is valid at once. */
  approvedBy: string | null;
};

export async function insertException(db: Db, input: NewException, context: WriteContext): Promise<ExceptionRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exceptions)
      .values({ ...input, createdAt: context.at, approvedAt: input.approvedBy ? context.at : null })
      .returning();
    if (!row) throw new Error("exception insert returned nothing");
    await auditIn(tx, context, {
      actor: input.createdBy,
      action: "exception.create",
      targetType: "account",
      targetId: input.accountId,
      detail: { exceptionId: row.id, checkId: input.checkId, resourceId: input.resourceId, category: input.category, expiresAt: input.expiresAt.toISOString(), approved: input.approvedBy !== null },
    });
    return row;
  });
}

export type TagExceptionRequest = { checkId: string; resourceId: string; reason: string; detail: Record<string, unknown> };

/**
 * The scan's side of a resource tag that asks for an exception (tenfold:secrets-scan=ignore): a pending
 * exception, created by "system" at the scan's time and audited, for each resource that has no open
 * (unrevoked, unexpired) one yet. It counts only once an approver approves it.
 */
export async function openTagExceptions(
  db: Db,
  accountId: string,
  requests: readonly TagExceptionRequest[],
  at: { now: Date; expiresAt: Date },
): Promise<ExceptionRow[]> {
  if (requests.length === 0) return [];
  return db.transaction(async (tx) => {
    // Two workers scanning the account at once must not both open one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tag-exceptions:${accountId}`}))`);
    const open = await tx
      .select({ checkId: exceptions.checkId, resourceId: exceptions.resourceId })
      .from(exceptions)
      .where(and(eq(exceptions.accountId, accountId), isNull(exceptions.revokedAt), gt(exceptions.expiresAt, at.now), inArray(exceptions.checkId, requests.map((r) => r.checkId))));
    const created: ExceptionRow[] = [];
    for (const request of requests) {
      if (open.some((row) => row.checkId === request.checkId && row.resourceId === request.resourceId)) continue;
      const [row] = await tx
        .insert(exceptions)
        .values({ accountId, checkId: request.checkId, resourceId: request.resourceId, category: "false_positive", reason: request.reason, expiresAt: at.expiresAt, createdBy: "system", createdAt: at.now, approvedBy: null })
        .returning();
      if (!row) throw new Error("exception insert returned nothing");
      await auditIn(tx, { at: at.now }, {
        actor: "system",
        action: "exception.create",
        targetType: "account",
        targetId: accountId,
        detail: { exceptionId: row.id, checkId: row.checkId, resourceId: row.resourceId, category: row.category, expiresAt: row.expiresAt.toISOString(), approved: false, ...request.detail },
      });
      created.push(row);
    }
    return created;
  });
}

export async function getException(db: Db, id: string): Promise<ExceptionRow | null> {
  const rows = await db.select().from(exceptions).where(eq(exceptions.id, id));
  return rows[0] ?? null;
}

/** Approves a pending, unrevoked exception; null when there was nothing to approve. */
export async function approveException(db: Db, id: string, approver: string, context: WriteContext): Promise<ExceptionRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(exceptions)
      .set({ approvedBy: approver, approvedAt: context.at })
      .where(and(eq(exceptions.id, id), isNull(exceptions.approvedAt), isNull(exceptions.revokedAt)))
      .returning();
    if (row) await auditIn(tx, context, { actor: approver, action: "exception.approve", targetType: "account", targetId: row.accountId, detail: { exceptionId: id, checkId: row.checkId } });
    return row ?? null;
  });
}

export async function revokeException(db: Db, id: string, by: string, context: WriteContext): Promise<ExceptionRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(exceptions)
      .set({ revokedBy: by, revokedAt: context.at })
      .where(and(eq(exceptions.id, id), isNull(exceptions.revokedAt)))
      .returning();
    if (row) await auditIn(tx, context, { actor: by, action: "exception.revoke", targetType: "account", targetId: row.accountId, detail: { exceptionId: id, checkId: row.checkId } });
    return row ?? null;
  });
}

export type NewAttestations = {
  accountIds: string[];
  checkId: string;
  statement: string;
  evidenceUrl: string | null;
  attestedBy: string;
  expiresAt: Date;
};

/** One attestation per account (bulk form), all in one transaction with one audit entry each. */
export async function insertAttestations(db: Db, input: NewAttestations, context: WriteContext): Promise<AttestationRow[]> {
  return db.transaction(async (tx) => {
    const { accountIds, ...common } = input;
    const rows = await tx
      .insert(attestations)
      .values(accountIds.map((accountId) => ({ ...common, accountId, attestedAt: context.at })))
      .returning();
    for (const row of rows) {
      await auditIn(tx, context, {
        actor: input.attestedBy,
        action: "attestation.create",
        targetType: "account",
        targetId: row.accountId,
        detail: { attestationId: row.id, checkId: row.checkId, expiresAt: row.expiresAt.toISOString(), evidenceUrl: row.evidenceUrl },
      });
    }
    return rows;
  });
}

export async function getAttestation(db: Db, id: string): Promise<AttestationRow | null> {
  const rows = await db.select().from(attestations).where(eq(attestations.id, id));
  return rows[0] ?? null;
}

export async function revokeAttestation(db: Db, id: string, by: string, context: WriteContext): Promise<AttestationRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(attestations)
      .set({ revokedBy: by, revokedAt: context.at })
      .where(and(eq(attestations.id, id), isNull(attestations.revokedAt)))
      .returning();
    if (row) await auditIn(tx, context, { actor: by, action: "attestation.revoke", targetType: "account", targetId: row.accountId, detail: { attestationId: id, checkId: row.checkId } });
    return row ?? null;
  });
}

/**
 * What scoring may apply to an account: approved, unrevoked exceptions and unrevoked attestations.
 * Whether each is valid at the scoring time is lib/scoring's decision (applyOverrides).
 */
export async function overridesForAccount(db: Db, accountId: string): Promise<{ exceptions: CheckException[]; attestations: Attestation[] }> {
  const [exceptionRows, attestationRows] = await Promise.all([
    db
      .select({ id: exceptions.id, checkId: exceptions.checkId, resourceId: exceptions.resourceId, createdAt: exceptions.createdAt, expiresAt: exceptions.expiresAt })
      .from(exceptions)
      .where(and(eq(exceptions.accountId, accountId), isNotNull(exceptions.approvedAt), isNull(exceptions.revokedAt))),
    db
      .select({ id: attestations.id, checkId: attestations.checkId, attestedAt: attestations.attestedAt, expiresAt: attestations.expiresAt })
      .from(attestations)
      .where(and(eq(attestations.accountId, accountId), isNull(attestations.revokedAt))),
  ]);
  return {
    exceptions: exceptionRows.map((row) => ({
      id: row.id,
      checkId: row.checkId as CheckId,
      ...(row.resourceId ? { resourceId: row.resourceId } : {}),
      // Valid from the start of its creation day: a scan dated earlier that day is still covered.
      createdAt: `${row.createdAt.toISOString().slice(0, 10)}T00:00:00.000Z`,
      expiresAt: row.expiresAt.toISOString(),
    })),
    attestations: attestationRows.map((row) => ({
      id: row.id,
      checkId: row.checkId as CheckId,
      attestedAt: `${row.attestedAt.toISOString().slice(0, 10)}T00:00:00.000Z`,
      expiresAt: row.expiresAt.toISOString(),
    })),
  };
}

/** Every exception and attestation of the given accounts, newest first (the drill-down and the list page). */
export async function listWorkflowRows(db: Db, accountIds: string[] | "all") {
  const exceptionScope = accountIds === "all" ? undefined : inArray(exceptions.accountId, accountIds);
  const attestationScope = accountIds === "all" ? undefined : inArray(attestations.accountId, accountIds);
  if (accountIds !== "all" && accountIds.length === 0) return { exceptions: [], attestations: [] };
  const [exceptionRows, attestationRows] = await Promise.all([
    db.select().from(exceptions).where(exceptionScope).orderBy(desc(exceptions.createdAt), asc(exceptions.id)),
    db.select().from(attestations).where(attestationScope).orderBy(desc(attestations.attestedAt), asc(attestations.id)),
  ]);
  return { exceptions: exceptionRows, attestations: attestationRows };
}

async function auditIn(tx: Tx, context: WriteContext, entry: Omit<AuditEntry, "outcome" | "ip" | "userAgent" | "at">): Promise<void> {
  await recordAudit(tx, { ...entry, ...context, outcome: "success" });
}
