// Bulk twin of db/store/snapshots.ts writeScoredSnapshot for the page benchmark's year of history: the
// same rows (same columns, same values, same conflict rules) for many accounts of one scan at once, with
// each table written by one statement per chunk from a JSON parameter instead of one transaction per
// account. bench/bulk-snapshots.int.test.ts proves the rows identical to the real writer's on a small case.
import type pg from "pg";
import type { ScoredSnapshotInput } from "@/db/store/snapshots";
import { dayOf } from "@/db/store/day";

type Query = Pick<pg.ClientBase, "query">;
const CHUNK = 5_000;

async function chunked<T>(q: Query, rows: T[], text: string): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await q.query(text, [JSON.stringify(rows.slice(i, i + CHUNK))]);
}

/**
 * Writes the scored snapshots of one scan (inputs in the order the real writer would be called) and counts
 * them into the scan, all in one transaction. Snapshot ids are assigned in input order, as a worker
 * writing them one by one would.
 */
export async function bulkWriteScoredSnapshots(client: pg.ClientBase, inputs: ScoredSnapshotInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await client.query("begin");
  try {
    const snapshots = inputs.map((s, ord) => ({
      ord,
      scan_id: s.scanId,
      account_id: s.accountId,
      status: s.status,
      score: s.score.score,
      coverage: s.score.coverage,
      evaluated_at: s.evaluatedAt.toISOString(),
      started_at: s.startedAt.toISOString(),
      finished_at: s.finishedAt.toISOString(),
      api_calls: s.apiCalls,
      worker: s.worker ?? null,
    }));
    const ids = new Map<string, number>();
    for (let i = 0; i < snapshots.length; i += CHUNK) {
      const r = await client.query<{ id: string; scan_id: string; account_id: string }>(
        `insert into account_snapshots (scan_id, account_id, status, score, coverage, evaluated_at, started_at, finished_at, api_calls, worker)
         select scan_id, account_id, status, score, coverage, evaluated_at, started_at, finished_at, api_calls, worker
         from json_to_recordset($1) as x(ord int, scan_id uuid, account_id text, status text, score real, coverage real,
              evaluated_at timestamptz, started_at timestamptz, finished_at timestamptz, api_calls jsonb, worker text)
         order by ord
         on conflict (scan_id, account_id) do nothing
         returning id, scan_id, account_id`,
        [JSON.stringify(snapshots.slice(i, i + CHUNK))],
      );
      for (const row of r.rows) ids.set(`${row.scan_id}|${row.account_id}`, Number(row.id));
    }
    // As in the real writer, an existing (scan, account) snapshot means nothing else is written for it.
    const written = inputs.flatMap((s) => {
      const id = ids.get(`${s.scanId}|${s.accountId}`);
      return id === undefined ? [] : [{ s, id }];
    });

    const items = written.flatMap(({ s, id }) =>
      s.score.items.map((it) => ({ snapshot_id: id, item: it.item, score: it.score, status: it.status, coverage: it.coverage, explanation: it.explanation })),
    );
    await chunked(client, items,
      `insert into item_results (snapshot_id, item, score, status, coverage, explanation)
       select * from json_to_recordset($1) as x(snapshot_id bigint, item smallint, score real, status text, coverage real, explanation text)`);

    const checks = written.flatMap(({ s, id }) =>
      s.score.items.flatMap((it) => it.checks).map((c) => ({
        snapshot_id: id, check_id: c.id, item: c.item, result: c.result, severity: c.severity, reason: c.reason,
        resources: c.resources, resources_truncated: c.truncated ?? 0, source: c.source ?? null,
      })),
    );
    await chunked(client, checks,
      `insert into check_results (snapshot_id, check_id, item, result, severity, reason, resources, resources_truncated, source)
       select * from json_to_recordset($1) as x(snapshot_id bigint, check_id text, item smallint, result text, severity text,
              reason text, resources jsonb, resources_truncated int, source text)`);

    // Rollups: the same upserts as writeRollups (db/store/snapshots.ts).
    const latest = written.flatMap(({ s, id }) =>
      s.score.items.map((it) => ({
        account_id: s.accountId, item: it.item, scan_id: s.scanId, snapshot_id: id, score: it.score, status: it.status,
        coverage: it.coverage, explanation: it.explanation, evaluated_at: s.evaluatedAt.toISOString(),
      })),
    );
    await chunked(client, latest,
      `insert into latest_item_results (account_id, item, scan_id, snapshot_id, score, status, coverage, explanation, evaluated_at)
       select * from json_to_recordset($1) as x(account_id text, item smallint, scan_id uuid, snapshot_id bigint, score real,
              status text, coverage real, explanation text, evaluated_at timestamptz)
       on conflict (account_id, item) do update set scan_id = excluded.scan_id, snapshot_id = excluded.snapshot_id,
         score = excluded.score, status = excluded.status, coverage = excluded.coverage, explanation = excluded.explanation,
         evaluated_at = excluded.evaluated_at
       where excluded.evaluated_at >= latest_item_results.evaluated_at`);

    const states = written.flatMap(({ s, id }) =>
      s.score.items.flatMap((it) => it.checks).map((c) => ({
        account_id: s.accountId, check_id: c.id, result: c.result, since: s.evaluatedAt.toISOString(),
        last_evaluated_at: s.evaluatedAt.toISOString(), last_snapshot_id: id,
      })),
    );
    await chunked(client, states,
      `insert into check_states (account_id, check_id, result, since, last_evaluated_at, last_snapshot_id)
       select * from json_to_recordset($1) as x(account_id text, check_id text, result text, since timestamptz,
              last_evaluated_at timestamptz, last_snapshot_id bigint)
       on conflict (account_id, check_id) do update set
         since = case when check_states.result = excluded.result then check_states.since else excluded.since end,
         result = excluded.result, last_evaluated_at = excluded.last_evaluated_at, last_snapshot_id = excluded.last_snapshot_id
       where excluded.last_evaluated_at >= check_states.last_evaluated_at`);

    const daily = written.map(({ s, id }) => ({
      account_id: s.accountId, day: dayOf(s.evaluatedAt), score: s.score.score, coverage: s.score.coverage,
      red_items: s.score.items.filter((it) => it.status === "red").length, snapshot_id: id,
    }));
    await chunked(client, daily,
      `insert into account_daily (account_id, day, score, coverage, red_items, snapshot_id)
       select * from json_to_recordset($1) as x(account_id text, day date, score real, coverage real, red_items smallint, snapshot_id bigint)
       on conflict (account_id, day) do update set score = excluded.score, coverage = excluded.coverage,
         red_items = excluded.red_items, snapshot_id = excluded.snapshot_id`);

    const itemDaily = written.flatMap(({ s }) =>
      s.score.items.map((it) => ({ account_id: s.accountId, item: it.item, day: dayOf(s.evaluatedAt), score: it.score, status: it.status, coverage: it.coverage })),
    );
    await chunked(client, itemDaily,
      `insert into account_item_daily (account_id, item, day, score, status, coverage)
       select * from json_to_recordset($1) as x(account_id text, item smallint, day date, score real, status text, coverage real)
       on conflict (account_id, item, day) do update set score = excluded.score, status = excluded.status, coverage = excluded.coverage`);

    // recordAccountOutcome, once per status instead of once per account.
    const perScan = new Map<string, { ok: number; partial: number }>();
    for (const { s } of written) {
      const c = perScan.get(s.scanId) ?? { ok: 0, partial: 0 };
      c[s.status]++;
      perScan.set(s.scanId, c);
    }
    for (const [scanId, c] of perScan)
      await client.query(`update scans set accounts_ok = accounts_ok + $2, accounts_partial = accounts_partial + $3 where id = $1`, [scanId, c.ok, c.partial]);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}
