import { and, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { accounts } from "../schema";
import { rebuildOwners } from "./owner-rollup";

export type DiscoveredAccount = {
  id: string;
  name: string;
  email: string;
  state: string;
  ouId: string | null;
  ouPath: string;
  tags: Record<string, string>;
  owner: string | null;
  joinedAt?: Date | null;
};

/** Upserts the accounts Organizations listed; accounts no longer listed are marked as having left. */
export async function upsertDiscoveredAccounts(
  db: Db,
  discovered: DiscoveredAccount[],
  options: { complete: boolean },
): Promise<void> {
  if (discovered.length === 0) return;
  const before = await db
    .select({ id: accounts.id, owner: accounts.owner })
    .from(accounts)
    .where(inArray(accounts.id, discovered.map((account) => account.id)));
  const now = new Date();
  await db
    .insert(accounts)
    .values(discovered.map((account) => ({ ...account, joinedAt: account.joinedAt ?? null, lastSeenAt: now, leftAt: null })))
    .onConflictDoUpdate({
      target: accounts.id,
      set: {
        name: sql`excluded.name`,
        email: sql`excluded.email`,
        state: sql`excluded.state`,
        ouId: sql`excluded.ou_id`,
        ouPath: sql`excluded.ou_path`,
        tags: sql`excluded.tags`,
        owner: sql`excluded.owner`,
        lastSeenAt: sql`excluded.last_seen_at`,
        leftAt: sql`null`,
      },
    });
  // Owner series follow current ownership: rewrite both sides of every change (rare: a re-tagged account).
  const key = (owner: string | null | undefined) => owner?.toLowerCase() ?? null;
  const newOwner = new Map(discovered.map((account) => [account.id, key(account.owner)]));
  const moved = before.filter((row) => key(row.owner) !== newOwner.get(row.id)).flatMap((row) => [key(row.owner), newOwner.get(row.id)]);
  const owners = moved.filter((owner): owner is string => !!owner);
  // One transaction, so an owner's trend is never read between the delete and the insert.
  if (owners.length > 0) await db.transaction((tx) => rebuildOwners(tx, owners));
  // Only a full listing can tell that an account left; a single-account rescan lists just one.
  if (options.complete) {
    await db
      .update(accounts)
      .set({ leftAt: now })
      .where(and(isNull(accounts.leftAt), notInArray(accounts.id, discovered.map((account) => account.id))));
  }
}
