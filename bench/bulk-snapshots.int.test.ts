// The page benchmark seeds a year of history through bench/bulk-snapshots.ts; this proves its rows are
// the rows the real writer (db/store/snapshots.ts writeScoredSnapshot) produces, on a small case that
// exercises the rollups: 45 daily scans of 5 accounts whose posture changes (check_states.since moves).
import { afterAll, expect, inject, it } from "vitest";
import pg from "pg";
import { connect, type DbConnection } from "@/db/client";
import { createIsolatedDatabase, type IsolatedDatabase } from "@/test/isolated-db";
import { seedHistory } from "./seed";

const opened: { db: IsolatedDatabase; connection: DbConnection }[] = [];
afterAll(async () => {
  for (const o of opened) {
    await o.connection.close();
    await o.db.drop();
  }
});

const NOW = Date.parse("2026-11-01T12:00:00Z");

async function seeded(real: boolean): Promise<DbConnection> {
  const db = await createIsolatedDatabase(inject("databaseServerUrl"));
  const connection = connect(db.url, { max: 2 });
  opened.push({ db, connection });
  // 45 days cross a posture period (40 days), so check_states.since and latest results move.
  await seedHistory(connection, { accounts: 5, days: 45, now: NOW, real });
  return connection;
}

// Everything but what the clock or a random uuid sets; scan ids are replaced by their order.
const TABLES: Record<string, string> = {
  scans: `select row_number() over (order by as_of) as n, trigger, slot, state, requested_by, account_filter, as_of, accounts_total,
                 accounts_ok, accounts_partial, accounts_failed, accounts_skipped, api_calls, error from scans order by as_of`,
  accounts: `select id, name, email, state, ou_id, ou_path, tags, owner, joined_at, left_at from accounts order by id`,
  account_snapshots: `select s.id, (select count(*) from scans o where o.as_of <= c.as_of) as scan_n, s.account_id, s.status, s.score, s.coverage,
                      s.error_code, s.error_message, s.evaluated_at, s.started_at, s.finished_at, s.api_calls, s.worker
                      from account_snapshots s join scans c on c.id = s.scan_id order by s.id`,
  item_results: `select * from item_results order by snapshot_id, item`,
  check_results: `select * from check_results order by snapshot_id, check_id`,
  latest_item_results: `select account_id, item, snapshot_id, score, status, coverage, explanation, evaluated_at from latest_item_results order by account_id, item`,
  check_states: `select * from check_states order by account_id, check_id`,
  account_daily: `select * from account_daily order by account_id, day`,
  account_item_daily: `select * from account_item_daily order by account_id, item, day`,
  org_daily: `select * from org_daily order by day`,
  owner_daily: `select * from owner_daily order by owner, day, item`,
};

async function dump(connection: DbConnection, sql: string): Promise<unknown[]> {
  const client: pg.PoolClient = await connection.pool.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    client.release();
  }
}

it("bulk-seeded history has exactly the rows writeScoredSnapshot writes", { timeout: 120_000 }, async () => {
  const [real, bulk] = [await seeded(true), await seeded(false)];
  for (const [table, sql] of Object.entries(TABLES)) {
    const [a, b] = [await dump(real, sql), await dump(bulk, sql)];
    expect(a.length, table).toBeGreaterThan(0);
    expect(b, table).toEqual(a);
  }
});
