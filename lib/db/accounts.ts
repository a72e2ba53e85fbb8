import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { OutOfScopeError, NotFoundError } from "@/lib/auth/errors";
import { accountScope, type Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/db/client";
import { getDb } from "./connection";

export type AccountRow = {
  id: string;
  name: string;
  email: string;
  state: string;
  ouPath: string;
  owner: string | null;
};

const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  email: accounts.email,
  state: accounts.state,
  ouPath: accounts.ouPath,
  owner: accounts.owner,
};

/** The accounts the viewer may see (current members of the organisation), by name. */
export async function listAccounts(viewer: Viewer, db?: Db): Promise<AccountRow[]> {
  const database = db ?? (await getDb());
  return database
    .select(accountColumns)
    .from(accounts)
    .where(and(isNull(accounts.leftAt), accountScope(viewer)))
    .orderBy(asc(accounts.name), asc(accounts.id));
}

/**
 * One account, if the viewer may see it. Missing and out-of-scope both end as 404 for the caller;
 * the out-of-scope case is a distinct error so the guard can audit it.
 */
export async function getAccountForViewer(viewer: Viewer, accountId: string, db?: Db): Promise<AccountRow> {
  const database = db ?? (await getDb());
  const [row] = await database
    .select({ ...accountColumns, visible: sql<boolean>`(${accountScope(viewer)})` })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1);
  if (!row) throw new NotFoundError(`no account ${accountId}`);
  const { visible, ...account } = row;
  if (visible !== true) throw new OutOfScopeError("account", accountId);
  return account;
}
