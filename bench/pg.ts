// Benchmark databases on the real Postgres server: dropped and created afresh for every run.
import pg from "pg";

export const BENCH_SERVER = process.env.TENFOLD_BENCH_POSTGRES_URL ?? "postgres://root@127.0.0.1:5432/test";

export function databaseUrl(name: string): string {
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function recreateDatabase(name: string): Promise<string> {
  if (!/^tenfold_bench\w*$/.test(name)) throw new Error(`refusing to recreate ${name}: bench databases are named tenfold_bench*`);
  const admin = new pg.Client({ connectionString: BENCH_SERVER });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

/** Rows per table of the public and pg-boss schemas (a fresh database: rows written by the run). */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
       where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE' order by 1, 2`,
    );
    const out: Record<string, number> = {};
    for (const t of tables.rows) {
      const r = await client.query<{ n: string }>(`select count(*) as n from "${t.schema}"."${t.name}"`);
      const n = Number(r.rows[0]?.n ?? 0);
      if (n > 0) out[t.schema === "public" ? t.name : `${t.schema}.${t.name}`] = n;
    }
    return out;
  } finally {
    await client.end();
  }
}
