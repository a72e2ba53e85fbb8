import { inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";

type Executor = Pick<Db, "execute">;

/**
 * owner_daily rows (see db/schema/rollups.ts) for the account rollups `where` selects: item 0 from
 * account_daily, items 1–10 from account_item_daily, grouped by the owner's lower-cased value and day.
 * The caller deletes what these rows replace first.
 */
function insertOwnerRows(where: SQL): SQL {
  return sql`
    insert into owner_daily (owner, day, item, score_sum, scored, green, rated)
    select lower(a.owner), d.day, 0, coalesce(sum(d.score::float8), 0), count(d.score), 0, 0
    from account_daily d join accounts a on a.id = d.account_id
    where a.owner is not null and ${where}
    group by lower(a.owner), d.day
    union all
    select lower(a.owner), d.day, d.item, coalesce(sum(d.score::float8), 0), count(d.score),
           count(*) filter (where d.status = 'green'), count(*) filter (where d.status <> 'grey')
    from account_item_daily d join accounts a on a.id = d.account_id
    where a.owner is not null and ${where}
    group by lower(a.owner), d.day, d.item`;
}

/** Every owner's row for one day, from that day's account rollups (at a scan's end, after a rescore). */
export async function recomputeOwnerDay(db: Executor, day: string): Promise<void> {
  await db.execute(sql`delete from owner_daily where day = ${day}::date`);
  await db.execute(insertOwnerRows(sql`d.day = ${day}::date`));
}

/**
 * Every day of these owners (lower-cased values), from their current accounts: an owner's series follows
 * the accounts they own now, so a change of owner rewrites the history of both the old and the new owner.
 */
export async function rebuildOwners(db: Executor, owners: string[]): Promise<void> {
  const keys = [...new Set(owners.map((owner) => owner.toLowerCase()))];
  if (keys.length === 0) return;
  await db.execute(sql`delete from owner_daily where ${inArray(sql`owner`, keys)}`);
  await db.execute(insertOwnerRows(inArray(sql`lower(a.owner)`, keys)));
}
