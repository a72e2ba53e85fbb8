import "server-only";
import { and, asc, eq, gt, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { accounts, attestations, exceptions } from "@/db/schema";
import type { Db } from "@/db/client";
import type { ExpiryRow, StaleAccountRow } from "@/lib/review/types";
import { rowsOf } from "./account-summaries";

// A meeting reads a page, not a ledger: past this many rows per list the exports still carry all of them.
const MAX_EXPIRY_ROWS = 500;

/** Approved, unrevoked exceptions and unrevoked attestations with start < expires_at <= end, soonest first. */
async function listExpiries(db: Db, scope: SQL, start: Date, end: Date): Promise<ExpiryRow[]> {
  const account = { accountId: accounts.id, accountName: accounts.name, owner: accounts.owner };
  const [exceptionRows, attestationRows] = await Promise.all([
    db
      .select({ ...account, id: exceptions.id, checkId: exceptions.checkId, resourceId: exceptions.resourceId, expiresAt: exceptions.expiresAt, by: exceptions.createdBy, text: exceptions.reason })
      .from(exceptions)
      .innerJoin(accounts, eq(accounts.id, exceptions.accountId))
      .where(and(scope, isNotNull(exceptions.approvedAt), isNull(exceptions.revokedAt), gt(exceptions.expiresAt, start), lte(exceptions.expiresAt, end)))
      .orderBy(asc(exceptions.expiresAt))
      .limit(MAX_EXPIRY_ROWS),
    db
      .select({ ...account, id: attestations.id, checkId: attestations.checkId, expiresAt: attestations.expiresAt, by: attestations.attestedBy, text: attestations.statement })
      .from(attestations)
      .innerJoin(accounts, eq(accounts.id, attestations.accountId))
      .where(and(scope, isNull(attestations.revokedAt), gt(attestations.expiresAt, start), lte(attestations.expiresAt, end)))
      .orderBy(asc(attestations.expiresAt))
      .limit(MAX_EXPIRY_ROWS),
  ]);
  return [
    ...exceptionRows.map((row) => ({ ...row, kind: "exception" as const })),
    ...attestationRows.map((row) => ({ ...row, kind: "attestation" as const, resourceId: null })),
  ].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.accountName.localeCompare(b.accountName));
}

/** Expiring after `start` (now, or the end of the review's "to" date when that is later) and within the window. */
export const listExpiring = (db: Db, scope: SQL, start: Date, end: Date) => listExpiries(db, scope, start, end);

/** Expired since the end of the review's "from" date, up to now (or the end of "to" when later). */
export const listExpired = (db: Db, scope: SQL, fromEnd: Date, now: Date) => (fromEnd < now ? listExpiries(db, scope, fromEnd, now) : Promise.resolve([]));

type RawStale = {
  id: string;
  name: string;
  owner: string | null;
  status: string | null;
  error_code: string | null;
  error_message: string | null;
  attempt_ms: number | string | null;
  good_ms: number | string | null;
};

const dateOf = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)));

/**
 * Active accounts that, as of `before` (the end of the review's "to" date), were unreachable (their latest
 * snapshot failed) or stale (their last good snapshot is older than the latest organisation-wide scan).
 * Two LATERAL probes of account_snapshots_account_idx per account.
 */
export async function listStaleAccounts(db: Db, scope: SQL, before: Date): Promise<StaleAccountRow[]> {
  const at = before.toISOString();
  const result = await db.execute(sql`
    with latest_scan as (
      select as_of from scans
      where trigger <> 'rescan' and account_filter is null and state in ('succeeded', 'partial', 'failed') and as_of < ${at}::timestamptz
      order by as_of desc limit 1
    )
    select accounts.id, accounts.name, accounts.owner, s.status, s.error_code, s.error_message,
           (extract(epoch from s.evaluated_at) * 1000)::float8 as attempt_ms, (extract(epoch from g.evaluated_at) * 1000)::float8 as good_ms
    from ${accounts}
    join lateral (
      select status, error_code, error_message, evaluated_at from account_snapshots s
      where s.account_id = accounts.id and s.evaluated_at < ${at}::timestamptz order by s.evaluated_at desc, s.id desc limit 1
    ) s on true
    left join lateral (
      select evaluated_at from account_snapshots g
      where g.account_id = accounts.id and g.status in ('ok', 'partial') and g.evaluated_at < ${at}::timestamptz order by g.evaluated_at desc limit 1
    ) g on true
    where accounts.left_at is null and accounts.state = 'ACTIVE' and ${scope}
      and (s.status = 'failed' or g.evaluated_at is null or g.evaluated_at < (select as_of from latest_scan))
    order by accounts.name, accounts.id`);
  return rowsOf<RawStale>(result).map((row) => ({
    id: row.id,
    name: row.name,
    owner: row.owner,
    kind: row.status === "failed" ? "unreachable" : "stale",
    lastGoodAt: dateOf(row.good_ms),
    lastAttemptAt: dateOf(row.attempt_ms),
    errorCode: row.error_code,
    errorMessage: row.error_message,
  }));
}
