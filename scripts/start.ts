// npm start — validate configuration, open the database (embedded PGlite unless DATABASE_URL is set),
// apply migrations, build the app if the sources changed since the last build, then serve it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describeDbError, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { EnvError, getEnv } from "@/lib/env";

const SOURCE_DIRS = ["app", "components", "lib", "db", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "instrumentation.ts", "postcss.config.mjs"];
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

function fail(message: string): never {
  console.error(`tenfold: ${message}`);
  process.exit(1);
}

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  let connection;
  try {
    connection = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TENFOLD_DATA_DIR });
    await migrateDatabase(connection);
  } catch (error) {
    fail(describeDbError(error));
  }
  const where = connection.mode === "embedded" ? `embedded PGlite in ${path.resolve(env.TENFOLD_DATA_DIR)}` : "Postgres (DATABASE_URL)";
  console.log(`tenfold: database ready: ${where}`);

  if (!buildIsCurrent()) {
    console.log("tenfold: building the web app (first start or sources changed)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
    if (build.status !== 0) fail("the build failed; see the output above.");
  }

  // This process keeps the embedded database open; the web server reaches it over loopback.
  const server = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(env.PORT)], {
    stdio: "inherit",
    env: process.env,
  });
  console.log(`tenfold: serving on http://localhost:${env.PORT}`);

  const shutdown = async (code: number) => {
    server.kill("SIGTERM");
    await connection.close().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 0));
}

void main();
