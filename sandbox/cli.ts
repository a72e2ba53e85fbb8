// `npm run sandbox` — serves the demo organisation on loopback until Ctrl-C.
import { parseArgs } from "node:util";
import { DEMO_WEEKS, demoClock, demoScenarioAt, demoTimeline } from "./demo";
import { awsLikeRateLimits, type FaultRule } from "./faults";
import { startSandbox } from "./server";

const HELP = `Usage: npm run sandbox -- [--port 4566] [--week ${DEMO_WEEKS}] [--accounts 39] [--latency 0] [--aws-limits]

  --port        TCP port on 127.0.0.1 (0 = any free port)              default 4566
  --week        demo week 0..${DEMO_WEEKS} (0 = baseline, ${DEMO_WEEKS} = latest)             default ${DEMO_WEEKS}
  --accounts    total accounts; above 39, generated workload accounts    default 39
  --latency     fixed latency in ms added to every call                  default 0
  --aws-limits  apply AWS-like per-account rate limits (token buckets)`;

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4566" },
    week: { type: "string", default: String(DEMO_WEEKS) },
    latency: { type: "string", default: "0" },
    accounts: { type: "string", default: "0" },
    "aws-limits": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const week = Number(values.week);
const port = Number(values.port);
const latency = Number(values.latency);
const totalAccounts = Number(values.accounts);
if (!Number.isInteger(week) || week < 0 || week > DEMO_WEEKS || !Number.isInteger(port) || port < 0 || !(latency >= 0) || !Number.isInteger(totalAccounts) || totalAccounts < 0) {
  console.error(HELP);
  process.exit(2);
}

const faults: FaultRule[] = latency > 0 ? [{ latencyMs: latency }] : [];
const sandbox = await startSandbox({
  scenario: demoScenarioAt(week, { accounts: totalAccounts }),
  port,
  faults,
  rateLimits: values["aws-limits"] ? awsLikeRateLimits : [],
  // PUT /_sandbox/week/<n> moves the running demo to another week (sessions then expire).
  control: (method, path, _body, sb) => {
    const m = /^\/_sandbox\/week\/(\d+)$/.exec(path);
    if (method !== "PUT" || !m) return undefined;
    const w = Number(m[1]);
    sb.setScenario(demoScenarioAt(w, { accounts: totalAccounts }));
    console.log(`moved to week ${w} (clock ${demoClock(w).toISOString()})`);
    return { week: w, clock: demoClock(w).toISOString() };
  },
});
const s = sandbox.scenario;
const accounts = Object.values(s.accounts);

console.log(`Tenfold AWS sandbox — demo organisation, week ${week} of ${DEMO_WEEKS} (clock ${demoClock(week).toISOString()})`);
console.log(`Listening on ${sandbox.endpoint} (127.0.0.1 only)\n`);
console.log("Export these to point Tenfold or the AWS SDK at it:\n");
for (const [k, v] of Object.entries(sandbox.env("us-east-1"))) console.log(`  export ${k}=${v}`);
console.log(`  export TENFOLD_ROLE_NAME=${s.access.roleName}`);
console.log(`  export TENFOLD_EXTERNAL_ID=${s.access.externalId}\n`);
console.log(`Organization ${s.organization?.id}: ${accounts.length} accounts (${accounts.filter((a) => a.state !== "ACTIVE").length} suspended), management ${s.management.accountId}`);
console.log("S3 Control calls go to <account-id>.localhost; use a resolver that maps *.localhost to 127.0.0.1 (see sandbox/README.md).\n");
console.log("Timeline:");
for (const step of demoTimeline) console.log(`  ${step.week <= week ? "✓" : " "} week ${String(step.week).padStart(2)}  ${step.kind.padEnd(10)} ${step.title}`);
console.log(`\nControl: curl -X PUT ${sandbox.endpoint}/_sandbox/week/<0..${DEMO_WEEKS}>   ·   curl ${sandbox.endpoint}/_sandbox/status`);
console.log("Ctrl-C to stop.");

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  const totals = sandbox.requests.totals();
  const count = Object.values(totals).reduce((n, c) => n + c.count, 0);
  await sandbox.stop();
  console.log(`\nStopped after ${count} requests.`);
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
