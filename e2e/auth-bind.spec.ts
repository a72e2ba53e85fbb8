import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { rawRequest } from "./support/raw-http";

// Issue 14 §3: demo mode (everyone is the admin) must never be reachable off this machine, whatever starts
// the server. `next start` on its own, as the issue found it, listens on every interface; the server must
// refuse to run like that, and on loopback its banner must say where it really listens.
const PORT = Number(process.env.E2E_BIND_PORT ?? 3106);
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

test.describe.configure({ mode: "serial" });

let dataDir: string;
const started: ChildProcess[] = [];
test.beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "tenfold-e2e-bind-"));
});
test.afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

/** `next start` straight from the build, demo mode on, nothing but the bare environment (no HOST). */
function nextStart(extraArgs: string[]): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    TENFOLD_DEMO_MODE: "true",
    TENFOLD_DATA_DIR: dataDir,
  };
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(PORT), ...extraArgs], { env, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

test("`next start` in demo mode on every interface stops before serving anyone", async () => {
  test.setTimeout(120_000);
  const server = nextStart([]);
  expect(await exitCode(server.child)).toBe(1);
  expect(server.output()).toMatch(/tenfold: demo mode must listen on loopback only, but this server listens on (\[::\]|0\.0\.0\.0): start it with npm run demo/);
});

test("on loopback it serves, its banner names the real bind address, and a rebinding Host is refused", async ({ page }) => {
  test.setTimeout(120_000);
  const server = nextStart(["--hostname", "127.0.0.1"]);
  await expect
    .poll(async () => (await rawRequest({ port: PORT, path: "/api/health", headers: { host: `localhost:${PORT}` } }).catch(() => ({ status: 0 }))).status, {
      timeout: 90_000,
      intervals: [500],
    })
    .toBe(200);
  await page.goto(`http://localhost:${PORT}/`);
  await expect(page.getByText("Demo mode: sign-in is off. Bound to 127.0.0.1.")).toBeVisible();

  // The rescan the issue saw answered 202 under a rebinding name, Host and Origin alike.
  const rebind = { host: `rebind.attacker.example:${PORT}`, origin: `http://rebind.attacker.example:${PORT}` };
  expect((await rawRequest({ port: PORT, method: "POST", path: "/api/accounts/111122223333/rescan", headers: rebind })).status).toBe(421);
  expect((await rawRequest({ port: PORT, path: "/api/accounts/export", headers: rebind })).status).toBe(421);
  // A client cannot vouch for itself: the local-address stamp it sends is overwritten by the server.
  const spoof = await rawRequest({ port: PORT, path: "/api/accounts/export", headers: { host: `localhost:${PORT}`, "x-tenfold-local-address": "10.0.0.9" } });
  expect(spoof.status).toBe(200);
  server.child.kill("SIGTERM");
  await exitCode(server.child);
});
