// npm run bench:scan -- [--accounts 1000] [--regions 17] [--latency 20] [--workers 1] [--concurrency 8] [--cpu-prof]
// One full scan of a generated sandbox organisation (AWS-like per-account rate limits on) with one worker
// process; with --workers N, the same scan again with N workers, and the speed-up. See docs/benchmarks.md.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getScanRow } from "@/db/store/scans";
import { accountSnapshots } from "@/db/schema";
import { defaultAwsSettings } from "@/lib/aws";
import { createBoss } from "@/lib/scan/queues";
import { requestScan } from "@/lib/scan/request-scan";
import { waitForScan } from "@/lib/scan/wait";
import { awsLikeRateLimits } from "@/sandbox/faults";
import { eq } from "drizzle-orm";
import { scanFloor, type Floor, type OpCounts } from "./floor";
import { recreateDatabase, rowCounts } from "./pg";
import { procStats, startTs, stopChild, waitForLine, type Child } from "./processes";
import type { Tally } from "./sandbox-process";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "1000" },
    regions: { type: "string", default: "17" },
    latency: { type: "string", default: "20" },
    workers: { type: "string", default: "1" },
    concurrency: { type: "string", default: process.env.TENFOLD_SCAN_CONCURRENCY ?? "8" },
    "cpu-prof": { type: "boolean", default: false },
    // Node.js options for the worker processes. The default is what `npm run worker` and the image pass
    // (package.json, deploy/docker-entrypoint.sh); --node-arg=--max-old-space-size=4096 lifts the cap.
    "node-arg": { type: "string", multiple: true, default: [`--max-old-space-size=${process.env.TENFOLD_WORKER_HEAP_MB ?? 320}`] },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  console.log("usage: npm run bench:scan -- [--accounts 1000] [--regions 17] [--latency 20] [--workers N] [--concurrency 8] [--cpu-prof]");
  process.exit(0);
}
const ACCOUNTS = Number(args.accounts);
const REGIONS = Number(args.regions);
const LATENCY = Number(args.latency);
const WORKERS = Number(args.workers);
const CONCURRENCY = Number(args.concurrency);
const CREDENTIAL_REPORT_DELAY_MS = 200; // sandbox/demo/organization.ts: the demo's IAM report generation time

type RunResult = {
  workers: number;
  wallS: number;
  orgPhaseS: number;
  floor: Floor;
  scan: NonNullable<Awaited<ReturnType<typeof getScanRow>>>;
  perAccount: { mean: Record<string, number>; total: { min: number; median: number; max: number } };
  httpRequests: number;
  throttled: number;
  throttledByService: Record<string, number>;
  /** Per operation: throttled answers and how many accounts got them. */
  throttledByOperation: Record<string, { total: number; accounts: number }>;
  workerStats: { pid: number; peakRssMb: number; cpuSeconds: number }[];
  sandboxCpuS: number;
  rows: Record<string, number>;
};

const diff = (after: Tally, before: Tally): Tally => {
  const out: Tally = {};
  for (const [account, ops] of Object.entries(after))
    for (const [op, [ok, thr]] of Object.entries(ops)) {
      const [ok0, thr0] = before[account]?.[op] ?? [0, 0];
      if (ok - ok0 > 0 || thr - thr0 > 0) (out[account] ??= {})[op] = [ok - ok0, thr - thr0];
    }
  return out;
};
const answered = (ops: Tally[string] | undefined): OpCounts => Object.fromEntries(Object.entries(ops ?? {}).map(([k, v]) => [k, v[0]]));

async function benchTally(endpoint: string): Promise<{ requests: number; tally: Tally }> {
  return (await (await fetch(`${endpoint}/_sandbox/bench`)).json()) as { requests: number; tally: Tally };
}

async function run(workers: number): Promise<RunResult> {
  const sandbox = startTs("bench/sandbox-process.ts", [String(ACCOUNTS), String(LATENCY)], {});
  const children: Child[] = [];
  try {
    const ready = JSON.parse(await waitForLine(sandbox, /^READY (.*)$/m)) as Record<string, string> & { regions: string[]; accounts: number };
    const endpoint = ready.AWS_ENDPOINT_URL as string;
    const dbUrl = await recreateDatabase(`tenfold_bench_scan_w${workers}`);
    const connection = connect(dbUrl, { max: 2 });
    await migrateDatabase(connection);
    const env = {
      DATABASE_URL: dbUrl,
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: ready.AWS_ACCESS_KEY_ID as string,
      AWS_SECRET_ACCESS_KEY: ready.AWS_SECRET_ACCESS_KEY as string,
      AWS_REGION: "us-east-1",
      TENFOLD_ROLE_NAME: ready.roleName as string,
      TENFOLD_EXTERNAL_ID: ready.externalId as string,
      TENFOLD_REGIONS: ready.regions.slice(0, REGIONS).join(","),
      TENFOLD_SCAN_CONCURRENCY: String(CONCURRENCY),
    };
    for (let i = 0; i < workers; i++) {
      const prof = args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve("bench-results/cpu-prof")}`] : [];
      children.push(startTs("scripts/worker.ts", [], env, [...prof, ...(args["node-arg"] ?? [])]));
    }
    await Promise.all(children.map((c) => waitForLine(c, /(ready)/)));
    const boss = await createBoss(dbUrl, { max: 1 });
    const started = performance.now();
    const { scanId } = await requestScan({ db: connection.db, boss }, { trigger: "cli", requestedBy: "bench" });
    let orgPhaseS = 0;
    let atAccountPhase: Promise<{ requests: number; tally: Tally }> | undefined;
    await waitForScan(connection.db, scanId, {
      pollMs: 100,
      timeoutMs: 3 * 60 * 60 * 1000,
      onProgress: (p) => {
        if (p.state === "running" && !atAccountPhase) {
          orgPhaseS = (performance.now() - started) / 1000;
          atAccountPhase = benchTally(endpoint);
        }
        process.stderr.write(`\r  ${workers} worker(s): ${p.state} ${p.done}/${p.total} accounts, ${((performance.now() - started) / 1000).toFixed(0)} s   `);
      },
    });
    const wallS = (performance.now() - started) / 1000;
    process.stderr.write("\n");
    const workerStats = children.map((c) => ({ pid: c.pid ?? 0, ...procStats(c.pid ?? 0) }));
    const sandboxCpuS = procStats(sandbox.pid ?? 0).cpuSeconds;
    const end = await benchTally(endpoint);
    const mid = (await atAccountPhase) ?? { requests: 0, tally: {} };
    const scan = (await getScanRow(connection.db, scanId))!;

    // Calls per account (sends counted by lib/aws, retries not included), from the snapshots.
    const snaps = await connection.db.select({ apiCalls: accountSnapshots.apiCalls }).from(accountSnapshots).where(eq(accountSnapshots.scanId, scanId));
    const scanned = snaps.filter((s) => Object.keys(s.apiCalls).length > 0);
    const mean: Record<string, number> = {};
    for (const s of scanned) for (const [k, v] of Object.entries(s.apiCalls)) mean[k] = (mean[k] ?? 0) + v / scanned.length;
    const totals = scanned.map((s) => Object.values(s.apiCalls).reduce((a, b) => a + b, 0)).sort((a, b) => a - b);

    // Floor inputs: org phase = tallies up to "running"; account phase = the rest.
    const orgTally = mid.tally;
    const accTally = diff(end.tally, mid.tally);
    const mgmtId = Object.entries(orgTally).sort((a, b) => Object.values(b[1]).length - Object.values(a[1]).length)[0]?.[0] ?? "";
    const assumeRoles = accTally[mgmtId]?.["sts:AssumeRole"]?.[0] ?? 0;
    const accountsCalls = Object.fromEntries(
      Object.entries(accTally).map(([id, ops]) => {
        const c = answered(ops);
        // The scanner's AssumeRole calls into the other accounts are signed in its own account; it
        // enters its own account with its own credentials (lib/aws/placement.ts), so none is its own.
        if (id === mgmtId) c["sts:AssumeRole"] = Math.max(0, (c["sts:AssumeRole"] ?? 0) - assumeRoles);
        return [id, c];
      }),
    );
    const floor = scanFloor({
      latencyMs: LATENCY,
      perAccount: defaultAwsSettings().perAccountConcurrency,
      accountsAtOnce: CONCURRENCY * workers,
      rateLimits: awsLikeRateLimits,
      serviceWaitMs: CREDENTIAL_REPORT_DELAY_MS,
      org: { management: answered(orgTally[mgmtId]), members: Object.entries(orgTally).filter(([id]) => id !== mgmtId).map(([, ops]) => answered(ops)) },
      accounts: accountsCalls,
      accountPhaseAssumeRoles: assumeRoles,
    });
    let throttled = 0;
    const throttledByService: Record<string, number> = {};
    const throttledByOperation: Record<string, { total: number; accounts: number }> = {};
    for (const ops of Object.values(end.tally))
      for (const [op, [, thr]] of Object.entries(ops)) {
        if (!thr) continue;
        throttled += thr;
        const svc = op.split(":")[0] ?? op;
        throttledByService[svc] = (throttledByService[svc] ?? 0) + thr;
        const entry = (throttledByOperation[op] ??= { total: 0, accounts: 0 });
        entry.total += thr;
        entry.accounts += 1;
      }
    await boss.stop({ graceful: false, timeout: 2000 });
    await connection.close();
    for (const c of children) await stopChild(c);
    const rows = await rowCounts(dbUrl);
    return {
      workers,
      wallS,
      orgPhaseS,
      floor,
      scan,
      perAccount: { mean, total: { min: totals[0] ?? 0, median: totals[Math.floor(totals.length / 2)] ?? 0, max: totals[totals.length - 1] ?? 0 } },
      httpRequests: end.requests,
      throttled,
      throttledByService,
      throttledByOperation,
      workerStats,
      sandboxCpuS,
      rows,
    };
  } finally {
    for (const c of children) await stopChild(c, "SIGKILL", 1000);
    await stopChild(sandbox);
  }
}

function report(r: RunResult): void {
  const s = r.scan;
  const sends = Object.values(s.apiCalls).reduce((a, b) => a + b, 0);
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(`\n== scan: ${ACCOUNTS} accounts × ${REGIONS} Regions, ${LATENCY} ms latency, AWS-like rate limits, ${r.workers} worker(s) × ${CONCURRENCY} accounts at once`);
  console.log(`wall time            ${f(r.wallS)} s  (org phase ${f(r.orgPhaseS)} s, account phase ${f(r.wallS - r.orgPhaseS)} s)   budget < 300 s`);
  console.log(`floor                ${f(r.floor.totalS)} s  (org ${f(r.floor.orgS)} s + accounts ${f(r.floor.accountS)} s; bound by ${r.floor.bound}; one account ≥ ${f(r.floor.perAccountS.median, 2)} s median)`);
  console.log(`wall ÷ floor         ${f(r.wallS / r.floor.totalS, 2)}   budget ≤ 1.5`);
  console.log(`API calls            ${sends} sends (${r.httpRequests} HTTP requests incl. retries); per account min ${r.perAccount.total.min} / median ${r.perAccount.total.median} / max ${r.perAccount.total.max}`);
  console.log(`  per account by service (mean): ${Object.entries(r.perAccount.mean).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${f(v)}`).join(", ")}`);
  console.log(`  org phase: ${Object.entries(s.apiCalls).length ? "" : "—"}${sends - Math.round(Object.values(r.perAccount.mean).reduce((a, b) => a + b, 0) * (s.accountsOk + s.accountsPartial))} calls (total − accounts)`);
  console.log(`throttling           ${r.throttled} throttled responses, all retried by the SDK (${Object.entries(r.throttledByService).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}); ${s.accountsPartial} accounts partial`);
  const byOperation = Object.entries(r.throttledByOperation).sort((a, b) => b[1].total - a[1].total);
  if (byOperation.length > 0) console.log(`  by operation: ${byOperation.map(([op, v]) => `${op} ${v.total} in ${v.accounts} account${v.accounts === 1 ? "" : "s"}`).join(", ")}`);
  console.log(`accounts             ${s.accountsOk} ok, ${s.accountsPartial} partial, ${s.accountsFailed} failed, ${s.accountsSkipped} skipped (of ${s.accountsTotal}); scan ${s.state}`);
  console.log(`peak RSS             ${r.workerStats.map((w) => `${f(w.peakRssMb, 0)} MB`).join(", ")} (worker${r.workers > 1 ? "s" : ""})   budget < 500 MB`);
  console.log(`CPU                  worker${r.workers > 1 ? "s" : ""} ${r.workerStats.map((w) => `${f(w.cpuSeconds)} s`).join(" + ")} (${f((1000 * r.workerStats.reduce((a, w) => a + w.cpuSeconds, 0)) / Math.max(1, s.accountsOk + s.accountsPartial), 0)} ms per account), sandbox ${f(r.sandboxCpuS)} s, ${os.cpus().length} cores`);
  console.log(`DB rows written      ${Object.values(r.rows).reduce((a, b) => a + b, 0)}: ${Object.entries(r.rows).map(([k, v]) => `${k} ${v}`).join(", ")}`);
}

const one = await run(1);
report(one);
if (WORKERS > 1) {
  const many = await run(WORKERS);
  report(many);
  console.log(`\nspeed-up ${WORKERS} workers vs 1: ${(one.wallS / many.wallS).toFixed(2)}×   budget ≥ 1.7× (2 workers)`);
}
process.exit(0);
