// npm run bench:pages -- [--accounts 1000] [--days 365] [--requests 30] [--reseed]
// Seeds Postgres with a year of daily scans (bench/seed.ts), starts the production build in demo mode
// against it, and times each page: p50/p95 of `requests` sequential requests after warm-up, plus the
// slowest SQL statement per page from the server's statement log (log_min_duration_statement = 0 on the
// bench database only). See docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { parseArgs } from "node:util";
import pg from "pg";
import { connect } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { buildIfNeeded, spawnWebServer } from "@/scripts/web-server";
import { benchAccounts } from "./history";
import { databaseUrl, recreateDatabase } from "./pg";
import { seedHistory } from "./seed";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "1000" },
    days: { type: "string", default: "365" },
    requests: { type: "string", default: "30" },
    reseed: { type: "boolean", default: false },
    "pg-log": { type: "string", default: process.env.TENFOLD_BENCH_PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log" },
  },
});
const ACCOUNTS = Number(args.accounts);
const DAYS = Number(args.days);
const REQUESTS = Number(args.requests);
const DB = "tenfold_bench_pages";
const SEED_KEY = `bench-seed:${ACCOUNTS}x${DAYS}`;

// The pages issue 8 times, on an account from the middle of the generated organisation.
const account = benchAccounts(ACCOUNTS)[Math.floor(ACCOUNTS / 2)]!.id;
const PAGES = [
  { name: "/", path: "/" },
  { name: "/ (365-day trend)", path: "/?range=365" },
  { name: "/accounts", path: "/accounts" },
  { name: "/accounts/[id]", path: `/accounts/${account}` },
  { name: "/accounts/[id]/items/[n]", path: `/accounts/${account}/items/2` },
  { name: "/items/[n]", path: "/items/4" },
  { name: "/review", path: "/review" },
];

async function seedIfNeeded(): Promise<string> {
  const url = databaseUrl(DB);
  if (!args.reseed) {
    const probe = new pg.Client({ connectionString: url });
    const seeded = await probe
      .connect()
      .then(() => probe.query("select value from app_settings where key = $1", [SEED_KEY]))
      .then((r) => r.rows.length > 0)
      .catch(() => false);
    await probe.end().catch(() => undefined);
    if (seeded) {
      console.log(`database ${DB} already holds ${ACCOUNTS} accounts × ${DAYS} days (--reseed to start over)`);
      return url;
    }
  }
  await recreateDatabase(DB);
  const connection = connect(url, { max: 2 });
  await migrateDatabase(connection);
  const t0 = performance.now();
  await seedHistory(connection, {
    accounts: ACCOUNTS,
    days: DAYS,
    onDay: (k) => process.stderr.write(`\r  seeding: day ${k + 1}/${DAYS}, ${((performance.now() - t0) / 1000).toFixed(0)} s   `),
  });
  process.stderr.write("\n");
  // A year of daily upserts in minutes leaves millions of dead rows in the tables rewritten every day;
  // on a live server autovacuum reclaims them as they appear (this machine's server runs with it off).
  // Compact them once, so the pages read what a year of autovacuum would have left.
  await connection.pool.query("vacuum full latest_item_results, check_states, scans");
  await connection.pool.query("analyze");
  await connection.pool.query("insert into app_settings (key, value) values ($1, now()::text)", [SEED_KEY]);
  console.log(`seeded ${ACCOUNTS} accounts × ${DAYS} daily scans in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await connection.close();
  return url;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Bytes appended to the Postgres log since `from`, and the new end. */
function readLog(file: string, from: number): { text: string; end: number } {
  const end = statSync(file).size;
  if (end <= from) return { text: "", end };
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(end - from);
  readSync(fd, buf, 0, buf.length, from);
  closeSync(fd);
  return { text: buf.toString("utf8"), end };
}

/** Slowest statement (by mean duration of its executions) in a log excerpt of the bench database. */
function slowestStatement(text: string): { ms: number; calls: number; sql: string } | null {
  const byStatement = new Map<string, { total: number; calls: number; max: number }>();
  const re = new RegExp(`@${DB} LOG:\\s+duration: ([\\d.]+) ms\\s+(?:execute [^:]*|statement): ([\\s\\S]*?)(?=\\n\\S|$)`, "g");
  for (const m of text.matchAll(re)) {
    const sql = (m[2] ?? "").replace(/\s+/g, " ").trim();
    const s = byStatement.get(sql) ?? { total: 0, calls: 0, max: 0 };
    s.total += Number(m[1]);
    s.calls++;
    s.max = Math.max(s.max, Number(m[1]));
    byStatement.set(sql, s);
  }
  let best: { ms: number; calls: number; sql: string } | null = null;
  for (const [sql, s] of byStatement) if (!best || s.total / s.calls > best.ms) best = { ms: s.total / s.calls, calls: s.calls, sql };
  return best;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

const url = await seedIfNeeded();
// Statement timing for this database only (a per-database setting; no restart, other databases untouched).
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`alter database ${DB} set log_min_duration_statement = 0`);
await admin.end();

if (!buildIfNeeded()) throw new Error("next build failed");
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawnWebServer({
  port,
  hostname: "127.0.0.1",
  env: { DATABASE_URL: url, TENFOLD_DEMO_MODE: "true", HOST: "127.0.0.1", PORT: String(port), NODE_ENV: "production" },
});
try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 600 || server.exitCode !== null) throw new Error("web server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  const logFile = args["pg-log"];
  let logAvailable = true;
  try {
    statSync(logFile);
  } catch {
    logAvailable = false;
  }
  console.log(`\n== pages: ${ACCOUNTS} accounts × ${DAYS} days, production build, Postgres, ${REQUESTS} requests each after 3 warm-ups   budget p95 < 150 ms`);
  console.log(`${"page".padEnd(26)} ${"p50".padStart(8)} ${"p95".padStart(8)}   slowest SQL statement (mean of its executions)`);
  for (const page of PAGES) {
    const get = async () => {
      const t = performance.now();
      const r = await fetch(`${base}${page.path}`, { redirect: "manual" });
      await r.text();
      return { status: r.status, ms: performance.now() - t };
    };
    const first = await get();
    if (first.status === 404) {
      console.log(`${page.name.padEnd(26)} not present (404)`);
      continue;
    }
    if (first.status !== 200) throw new Error(`${page.path}: HTTP ${first.status}`);
    await get();
    await get();
    let logPos = logAvailable ? statSync(logFile).size : 0;
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) samples.push((await get()).ms);
    samples.sort((a, b) => a - b);
    let slow = "(statement log not readable)";
    if (logAvailable) {
      await new Promise((r) => setTimeout(r, 200)); // let the server flush its log
      const { text, end } = readLog(logFile, logPos);
      logPos = end;
      const s = slowestStatement(text);
      slow = s ? `${s.ms.toFixed(1)} ms ×${s.calls}: ${s.sql.slice(0, 140)}` : "(no statements logged)";
    }
    console.log(`${page.name.padEnd(26)} ${quantile(samples, 0.5).toFixed(1).padStart(6)} ms ${quantile(samples, 0.95).toFixed(1).padStart(6)} ms   ${slow}`);
  }
} finally {
  server.kill("SIGTERM");
  const reset = new pg.Client({ connectionString: url });
  await reset.connect();
  await reset.query(`alter database ${DB} reset log_min_duration_statement`);
  await reset.end();
}

// Year-long trend queries, in a process of their own (lib/db is server-only).
const owner = benchAccounts(ACCOUNTS)[0]!.owner!;
const trend = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/trend-timing.ts", url, owner, account, String(REQUESTS)], { encoding: "utf8" });
if (trend.status !== 0) throw new Error(`trend timing failed: ${trend.stderr}`);
console.log(`\n== trend queries (lib/db/trends.ts, in-process, ${REQUESTS} calls after warm-up)   budget < 50 ms`);
for (const [name, t] of Object.entries(JSON.parse(trend.stdout.trim().split("\n").pop() ?? "{}") as Record<string, { p50: number; max: number; rows: number }>))
  console.log(`${name.padEnd(70)} p50 ${t.p50.toFixed(1).padStart(6)} ms   max ${t.max.toFixed(1).padStart(6)} ms   (${t.rows} days)`);
process.exit(0);
