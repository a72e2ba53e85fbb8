import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, checkResults, latestItemResults } from "@/db/schema";
import * as store from "@/db/store/workflow";
import { actorOf } from "@/lib/auth/audit";
import { NotFoundError, ValidationError } from "@/lib/auth/errors";
import { accountScope, assertApprover, assertCan, type Viewer } from "@/lib/auth/viewer";
import { systemClock } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { CHECK_BY_ID, type CheckId } from "@/lib/scoring/catalogue";
import { scoringConfigFromEnv } from "@/lib/scan/config";
import { attestationInputSchema, exceptionInputSchema, expiryOfDay } from "@/lib/workflow/input";
import { rescoreAccount } from "@/lib/workflow/rescore";
import { getAccountForViewer } from "./accounts";
import { getDb } from "./connection";

// Exceptions and attestations as people use them: scope and role checks, validation, the write with its
// audit entry, then the account rescored so the scorecard shows the change at once.

type RequestContext = { ip?: string | null; userAgent?: string | null; now?: Date };

/** The request's one instant (its `now`, else the clock's), stamped on the rows it writes and their audit. */
const writeContextOf = (context: RequestContext): store.WriteContext => ({ ip: context.ip ?? null, userAgent: context.userAgent ?? null, at: context.now ?? systemClock() });

const DAY_MS = 86_400_000;

export async function recordException(viewer: Viewer, accountId: string, body: unknown, context: RequestContext = {}, database?: Db) {
  const db = database ?? (await getDb());
  const env = getEnv();
  const write = writeContextOf(context);
  const now = write.at;
  await getAccountForViewer(viewer, accountId, db);
  assertCan(viewer, "exception");
  const input = exceptionInputSchema({ now, maxDays: env.TENFOLD_EXCEPTION_MAX_DAYS }).parse(body);
  const current = await currentCheck(db, accountId, input.checkId);
  if (!current) throw new ValidationError(`${input.checkId} has no result for account ${accountId} yet; it can be excepted after a scan`);
  const failing = current.result === "fail" || current.result === "warn" || current.result === "excepted";
  if (!failing) throw new ValidationError(`${input.checkId} is not failing in account ${accountId} (it is ${current.result}); only a failing check can be excepted`);
  if (input.resourceId && !current.resources.some((resource) => resource.id === input.resourceId)) {
    throw new ValidationError(`resource ${input.resourceId} is not among the resources behind ${input.checkId} in account ${accountId}`);
  }
  const open = await store.listWorkflowRows(db, [accountId]);
  const duplicate = open.exceptions.find(
    (row) => row.checkId === input.checkId && (row.resourceId ?? null) === input.resourceId && row.revokedAt === null && row.expiresAt > now,
  );
  if (duplicate) {
    throw new ValidationError(`${input.checkId} already has an open exception until ${duplicate.expiresAt.toISOString().slice(0, 10)}; revoke it first to record a new one`);
  }
  const actor = actorOf(viewer);
  const row = await store.insertException(
    db,
    {
      accountId,
      checkId: input.checkId,
      resourceId: input.resourceId,
      category: input.category,
      reason: input.reason,
      expiresAt: expiryOfDay(input.expiresOn),
      createdBy: actor,
      // Approvers' own exceptions need no second signature; an owner's waits for one.
      approvedBy: viewer.approver === true ? actor : null,
    },
    write,
  );
  if (row.approvedAt) await rescoreAccount(db, accountId, scoringConfigFromEnv(env), now);
  return row;
}

export async function approveException(viewer: Viewer, id: string, context: RequestContext = {}, database?: Db) {
  const db = database ?? (await getDb());
  const existing = await store.getException(db, id);
  const write = writeContextOf(context);
  return changeAndRescore(viewer, db, existing, write, () => {
    assertApprover(viewer);
    if (existing?.revokedAt) throw new ValidationError("this exception was revoked; it cannot be approved");
    return existing?.approvedAt ? Promise.resolve(null) : store.approveException(db, id, actorOf(viewer), write);
  });
}

export async function revokeException(viewer: Viewer, id: string, context: RequestContext = {}, database?: Db) {
  const db = database ?? (await getDb());
  const write = writeContextOf(context);
  return changeAndRescore(viewer, db, await store.getException(db, id), write, () => {
    assertCan(viewer, "exception");
    return store.revokeException(db, id, actorOf(viewer), write);
  });
}

/** One attestation per chosen account (the bulk form); every account must be the viewer's. */
export async function recordAttestations(viewer: Viewer, body: unknown, context: RequestContext = {}, database?: Db) {
  const db = database ?? (await getDb());
  const env = getEnv();
  const write = writeContextOf(context);
  const now = write.at;
  assertCan(viewer, "attestation");
  const input = attestationInputSchema({ maxDays: env.TENFOLD_ATTEST_DAYS }).parse(body);
  const accountIds = [...new Set(input.accountIds)];
  for (const accountId of accountIds) await getAccountForViewer(viewer, accountId, db);
  const rows = await store.insertAttestations(
    db,
    {
      accountIds,
      checkId: input.checkId,
      statement: input.statement,
      evidenceUrl: input.evidenceUrl,
      attestedBy: actorOf(viewer),
      expiresAt: new Date(now.getTime() + input.validDays * DAY_MS),
    },
    write,
  );
  const config = scoringConfigFromEnv(env);
  for (const accountId of accountIds) await rescoreAccount(db, accountId, config, now);
  return rows;
}

export async function revokeAttestation(viewer: Viewer, id: string, context: RequestContext = {}, database?: Db) {
  const db = database ?? (await getDb());
  const write = writeContextOf(context);
  return changeAndRescore(viewer, db, await store.getAttestation(db, id), write, () => {
    assertCan(viewer, "attestation");
    return store.revokeAttestation(db, id, actorOf(viewer), write);
  });
}

/**
 * The shared path of approve and revoke: 404 for a missing row or one outside the viewer's scope, then
 * `change` (which checks the role first), then the account rescored when something changed.
 */
async function changeAndRescore<T extends { accountId: string }>(
  viewer: Viewer,
  db: Db,
  existing: T | null,
  write: store.WriteContext,
  change: () => Promise<T | null>,
): Promise<T> {
  if (!existing) throw new NotFoundError();
  await getAccountForViewer(viewer, existing.accountId, db);
  const row = await change();
  if (row) await rescoreAccount(db, row.accountId, scoringConfigFromEnv(getEnv()), write.at);
  return row ?? existing;
}

export type WorkflowEntry =
  | (store.ExceptionRow & { kind: "exception"; accountName: string; state: OverrideState })
  | (store.AttestationRow & { kind: "attestation"; accountName: string; state: OverrideState });
export type OverrideState = "pending" | "active" | "expired" | "revoked";

function stateOf(row: { revokedAt: Date | null; expiresAt: Date; approvedAt?: Date | null }, now: Date): OverrideState {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  if ("approvedAt" in row && row.approvedAt === null) return "pending";
  return "active";
}

/**
 * Exceptions and attestations of the viewer's accounts (or one of them), with their state now. `notBefore`
 * (the shown snapshot's time) moves "now" forward when a scan is dated ahead, so a page never says an
 * exception covers a result that was scored after it expired.
 */
export async function listWorkflow(viewer: Viewer, options: { accountId?: string; now?: Date; notBefore?: Date } = {}, database?: Db) {
  const db = database ?? (await getDb());
  const clock = options.now ?? systemClock();
  const now = options.notBefore && options.notBefore > clock ? options.notBefore : clock;
  const visible = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(isNull(accounts.leftAt), accountScope(viewer), options.accountId ? eq(accounts.id, options.accountId) : undefined))
    .orderBy(asc(accounts.name));
  const names = new Map(visible.map((account) => [account.id, account.name]));
  const rows = await store.listWorkflowRows(db, [...names.keys()]);
  return {
    accounts: visible,
    exceptions: rows.exceptions.map((row) => ({ ...row, kind: "exception" as const, accountName: names.get(row.accountId) ?? row.accountId, state: stateOf(row, now) })),
    attestations: rows.attestations.map((row) => ({ ...row, kind: "attestation" as const, accountName: names.get(row.accountId) ?? row.accountId, state: stateOf(row, now) })),
  };
}

async function currentCheck(db: Db, accountId: string, checkId: string) {
  const rows = await db
    .select({ result: checkResults.result, resources: checkResults.resources })
    .from(latestItemResults)
    .innerJoin(checkResults, and(eq(checkResults.snapshotId, latestItemResults.snapshotId), eq(checkResults.checkId, checkId)))
    .where(and(eq(latestItemResults.accountId, accountId), eq(latestItemResults.item, CHECK_BY_ID[checkId as CheckId].item)))
    .limit(1);
  return rows[0] ?? null;
}
