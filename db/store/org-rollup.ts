import { sql } from "drizzle-orm";
import type { Db } from "../client";

type Executor = Pick<Db, "execute">;

/**
 * Recomputes the organisation's row for one day from the account rollups. Each account counts with its
 * latest score on or before that day, so an account that could not be scanned keeps its last good score.
 *
 * "Latest on or before" is one backward primary-key probe per account (and per account and item), so the
 * cost follows the number of accounts, not the length of the history: a `distinct on` over every earlier
 * row sorted all of account_item_daily (3.65 M rows after a year of 1,000 accounts) at every scan's end
 * (docs/benchmarks.md).
 */
export async function recomputeOrgDay(db: Executor, day: string): Promise<void> {
  await db.execute(sql`
    with members as (
      select id from accounts where left_at is null and state = 'ACTIVE'
    ),
    account_latest as (
      select l.score from members m
      cross join lateral (
        select d.score from account_daily d
        where d.account_id = m.id and d.day <= ${day}
        order by d.day desc limit 1
      ) l
    ),
    item_latest as (
      -- The ten items of lib/scoring (ITEM_NUMBERS).
      select i.item, l.score, l.status from members m
      cross join generate_series(1, 10) as i(item)
      cross join lateral (
        select d.score, d.status from account_item_daily d
        where d.account_id = m.id and d.item = i.item and d.day <= ${day}
        order by d.day desc limit 1
      ) l
    ),
    items as (
      select item,
             avg(score) as score,
             avg(case status when 'green' then 1.0 when 'grey' then null else 0.0 end) as pass_rate
      from item_latest group by item
    )
    insert into org_daily (day, score, accounts_scored, item_scores, item_pass_rates)
    select ${day}::date,
           (select avg(score) from account_latest),
           (select count(score) from account_latest),
           coalesce((select jsonb_object_agg(item::text, score) from items), '{}'::jsonb),
           coalesce((select jsonb_object_agg(item::text, pass_rate) from items), '{}'::jsonb)
    on conflict (day) do update set
      score = excluded.score,
      accounts_scored = excluded.accounts_scored,
      item_scores = excluded.item_scores,
      item_pass_rates = excluded.item_pass_rates
  `);
}
