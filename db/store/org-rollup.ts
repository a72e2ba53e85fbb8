import { sql } from "drizzle-orm";
import type { Db } from "../client";

type Executor = Pick<Db, "execute">;

/**
 * Recomputes the organisation's row for one day from the account rollups. Each account counts with its
 * latest score on or before that day, so an account that could not be scanned keeps its last good score.
 */
export async function recomputeOrgDay(db: Executor, day: string): Promise<void> {
  await db.execute(sql`
    with members as (
      select id from accounts where left_at is null and state = 'ACTIVE'
    ),
    account_latest as (
      select distinct on (d.account_id) d.account_id, d.score
      from account_daily d join members m on m.id = d.account_id
      where d.day <= ${day}
      order by d.account_id, d.day desc
    ),
    item_latest as (
      select distinct on (d.account_id, d.item) d.item, d.score, d.status
      from account_item_daily d join members m on m.id = d.account_id
      where d.day <= ${day}
      order by d.account_id, d.item, d.day desc
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
