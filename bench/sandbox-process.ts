// Child process of `npm run bench:scan`: the sandbox organisation on its own process (and core), so the
// worker's CPU time and RSS are the worker's alone. Prints one `READY {json}` line, then serves until killed.
//   node --import tsx bench/sandbox-process.ts <accounts> <latencyMs>
// GET /_sandbox/bench answers the tallies the floor needs: requests per (caller account, service:operation),
// split into answered and throttled.
import { DEMO_WEEKS, demoScenarioAt } from "@/sandbox/demo";
import { awsLikeRateLimits } from "@/sandbox/faults";
import { THROTTLE_CODES, type RequestRecord } from "@/sandbox/request-log";
import { startSandbox } from "@/sandbox/server";

const accounts = Number(process.argv[2] ?? "1000");
const latencyMs = Number(process.argv[3] ?? "20");

export type Tally = Record<string, Record<string, [answered: number, throttled: number]>>;
const tally: Tally = {};
let requests = 0;

const sandbox = await startSandbox({
  scenario: demoScenarioAt(DEMO_WEEKS, { accounts }),
  faults: latencyMs > 0 ? [{ latencyMs }] : [],
  rateLimits: awsLikeRateLimits,
  // Only the counters are needed; the ring buffer would hold every record of a 400k-call scan.
  logCapacity: 0,
  control: (method, path) => {
    if (method === "GET" && path === "/_sandbox/bench") return { requests, tally };
    return undefined;
  },
});

// Per-account tally next to the request log's own per-operation counters (bench only, no server change).
const add = sandbox.requests.add.bind(sandbox.requests);
sandbox.requests.add = (r: RequestRecord) => {
  add(r);
  requests++;
  const byOp = (tally[r.account] ??= {});
  const key = `${r.service}:${r.operation}`;
  const c = (byOp[key] ??= [0, 0]);
  if (r.errorCode && THROTTLE_CODES.has(r.errorCode)) c[1]++;
  else c[0]++;
};

const s = sandbox.scenario;
const regions = Object.values(s.accounts)[0]?.enabledRegions ?? [];
console.log(
  `READY ${JSON.stringify({ ...sandbox.env("us-east-1"), roleName: s.access.roleName, externalId: s.access.externalId, accounts: Object.keys(s.accounts).length, regions })}`,
);
process.on("SIGTERM", () => void sandbox.stop().then(() => process.exit(0)));
