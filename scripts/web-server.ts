// Building and serving the Next.js app, shared by `npm start` and `npm run demo`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "db", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "instrumentation.ts", "proxy.ts", "postcss.config.mjs"];
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), 0);
}

function buildIsCurrent(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].every((entry) => newestMtime(entry) <= builtAt);
}

/** Runs `next build` when there is no build yet or a source file is newer than it; false when the build failed. */
export function buildIfNeeded(): boolean {
  if (buildIsCurrent()) return true;
  console.log("tenfold: building the web app (first start, or the sources changed)…");
  return spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" }).status === 0;
}

/** Starts `next start` as a child process bound to hostname:port. */
export function spawnWebServer(options: { port: number; hostname: string; env?: NodeJS.ProcessEnv }): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, "start", "--port", String(options.port), "--hostname", options.hostname], {
    stdio: "inherit",
    env: { ...process.env, ...options.env },
  });
}

/** Fails early, before any slow start-up work, when the web port is taken. */
export async function assertPortFree(port: number, hostname: string): Promise<void> {
  const { createServer } = await import("node:net");
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `port ${port} on ${hostname} is already in use; pick another with PORT or --port` : error.message)),
    );
    probe.listen(port, hostname, () => probe.close(() => resolve()));
  });
}
