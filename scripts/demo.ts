// npm run demo — Tenfold on its embedded defaults, scanning the bundled sandbox organisation.
// Starts the local AWS sandbox with the demo organisation, opens the embedded database, backfills the
// demo timeline (one scan per sandbox week) on first run, then serves the app on 127.0.0.1 in demo mode.
//   --port <n>        web port (default 3000)     --sandbox-port <n>   sandbox port (default 4566, else any free one)
//   --fresh           forget the demo database and backfill again   --weeks <n>   backfill only the last n weeks
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { scans } from "@/db/schema";
import { requestScan } from "@/lib/scan/request-scan";
import { waitForScan } from "@/lib/scan/wait";
import { systemClock } from "@/lib/clock";
import { DEMO_EXTERNAL_ID, DEMO_START, DEMO_WEEKS, demoClock, demoScenarioAt, demoStartEndingAt } from "@/sandbox/demo";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { bindHost } from "@/lib/env";
import { exitWith, openForCli } from "./cli";
import { assertPortFree } from "./web-server";
import { buildOrExit, serveTenfold, startScanning } from "./serve";

// The demo organisation keeps its resources in two Regions; scanning only those keeps the backfill quick.
const DEMO_REGIONS = "us-east-1,eu-west-1";

const { values } = parseArgs({
  options: { port: { type: "string" }, "sandbox-port": { type: "string" }, fresh: { type: "boolean" }, weeks: { type: "string" } },
});

// --weeks n backfills only the last n weeks of the timeline (the browser tests use a short one).
const firstWeek = values.weeks ? Math.max(0, DEMO_WEEKS + 1 - (Number(values.weeks) || DEMO_WEEKS + 1)) : 0;

const dataDir = process.env.TENFOLD_DATA_DIR || path.join(".data", "demo");
if (values.fresh) rmSync(dataDir, { recursive: true, force: true });

async function startDemoSandbox(): Promise<Sandbox> {
  const wanted = Number(values["sandbox-port"] ?? 4566);
  try {
    return await startSandbox({ scenario: demoScenarioAt(firstWeek), port: wanted });
  } catch {
    return startSandbox({ scenario: demoScenarioAt(firstWeek), port: 0 });
  }
}

const sandbox = await startDemoSandbox();
// Everything below (the scanner here, the web server child) reads its settings from the environment.
Object.assign(process.env, sandbox.env(), {
  TENFOLD_DATA_DIR: dataDir,
  TENFOLD_DEMO_MODE: "true",
  HOST: process.env.HOST || "127.0.0.1",
  PORT: values.port ?? process.env.PORT ?? "3000",
  TENFOLD_EXTERNAL_ID: DEMO_EXTERNAL_ID,
  TENFOLD_REGIONS: process.env.TENFOLD_REGIONS || DEMO_REGIONS,
});
delete process.env.DATABASE_URL;
// What another terminal (or a browser test) needs to run `npm run scan` against this demo's sandbox.
mkdirSync(dataDir, { recursive: true });
const sandboxSettings = ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "TENFOLD_EXTERNAL_ID", "TENFOLD_REGIONS"];
writeFileSync(path.join(dataDir, "sandbox-env.json"), JSON.stringify(Object.fromEntries(sandboxSettings.map((name) => [name, process.env[name]])), null, 2));

const { env, connection } = await openForCli();
await assertPortFree(env.PORT, bindHost(env)).catch((error: Error) => exitWith(error.message));
buildOrExit();
const scanning = await startScanning(connection, env);
const existing = await connection.db.select({ n: count() }).from(scans);
// The timeline ends in the current week, so the pages' trend windows (which end today) show all of it on
// whatever date the demo first runs; later runs keep the anchor their history was written with (a demo
// database from before anchors were kept sits on the fixed DEMO_START).
const anchorFile = path.join(dataDir, "demo-timeline.json");
const start = existsSync(anchorFile)
  ? new Date((JSON.parse(readFileSync(anchorFile, "utf8")) as { start: string }).start)
  : (existing[0]?.n ?? 0) > 0
    ? DEMO_START
    : demoStartEndingAt(systemClock());
writeFileSync(anchorFile, JSON.stringify({ start: start.toISOString() }, null, 2));
const scenarioAt = (week: number) => demoScenarioAt(week, { start });
if ((existing[0]?.n ?? 0) === 0) {
  console.log(`tenfold: backfilling the demo timeline: ${DEMO_WEEKS + 1 - firstWeek} weekly scans of the sandbox organisation…`);
  for (let week = firstWeek; week <= DEMO_WEEKS; week++) {
    sandbox.setScenario(scenarioAt(week));
    const { scanId } = await requestScan(scanning.runtime, { trigger: "backfill", asOf: demoClock(week, start), requestedBy: "demo" });
    const result = await waitForScan(connection.db, scanId, { timeoutMs: 10 * 60_000 });
    console.log(`  week ${String(week).padStart(2)} (${demoClock(week, start).toISOString().slice(0, 10)}): ${result.state}, ${result.done}/${result.total} accounts`);
  }
} else {
  sandbox.setScenario(scenarioAt(DEMO_WEEKS));
  console.log(`tenfold: demo database already holds ${existing[0]?.n} scans (use --fresh to start over)`);
}
console.log(`tenfold: sandbox AWS organisation at ${sandbox.endpoint}`);
await serveTenfold({ env, connection, scanning }).catch((error: unknown) => exitWith(String(error)));
