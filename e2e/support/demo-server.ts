// The dashboard project's demo server (scripts/e2e-server.sh … dashboard): where its database lives, and
// how a spec moves its sandbox clock and runs a scan against it, as an operator would from a terminal.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

const DASHBOARD_PORT = Number(process.env.E2E_DASHBOARD_PORT ?? 3104);
export const DASHBOARD_DATA_DIR = `${process.env.TMPDIR ?? "/tmp"}/tenfold-e2e-dashboard-${DASHBOARD_PORT}`;

/** The sandbox settings the demo wrote (endpoint, keys, external id, Regions). */
export function demoSandboxEnv(): Record<string, string> {
  return JSON.parse(readFileSync(`${DASHBOARD_DATA_DIR}/sandbox-env.json`, "utf8")) as Record<string, string>;
}

async function sandboxControl(method: "GET" | "PUT", path: string, body?: unknown): Promise<{ clock: string }> {
  const response = await fetch(`${demoSandboxEnv().AWS_ENDPOINT_URL}/_sandbox/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { clock: string };
}

export const sandboxClock = async () => new Date((await sandboxControl("GET", "status")).clock);
export const setSandboxClock = (clock: Date) => sandboxControl("PUT", "clock", { clock: clock.toISOString() });

/** `npm run scan -- --account <id> --as-of <time>` against the demo's database and sandbox. */
export async function scanAccountAsOf(accountId: string, asOf: Date): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...demoSandboxEnv(), TENFOLD_DATA_DIR: DASHBOARD_DATA_DIR };
  delete env.DATABASE_URL;
  const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/scan.ts", "--account", accountId, "--as-of", asOf.toISOString()], { env, timeout: 120_000 });
  return stdout;
}
