import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";
import { embeddedUrl, readLiveLock, startEmbeddedPostgres } from "./embedded";

export type Db = NodePgDatabase<typeof schema>;
export type DbConnection = { db: Db; pool: pg.Pool; url: string; close: () => Promise<void> };

export function connect(url: string, options: { max?: number } = {}): DbConnection {
  // No JIT: Tenfold's queries run for milliseconds, but at 1,000 accounts the planner's estimate for the
  // organisation-wide aggregates passes jit_above_cost and Postgres spent ~230 ms compiling a query that
  // runs in ~25 (docs/benchmarks.md). A startup option, so it holds from the connection's first query.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: "-c jit=off" });
  // An idle client's network error must not crash the process; the next query reports it instead.
  pool.on("error", (error) => console.error(`database: ${describeDbError(error)}`));
  const db = drizzle({ client: pool, schema });
  return { db, pool, url, close: () => pool.end() };
}

export type DatabaseMode = "postgres" | "embedded";

/**
 * DATABASE_URL when set; otherwise the embedded PGlite in dataDir, either reached through the process
 * that already owns it or opened (and served) by this process.
 */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  max?: number;
}): Promise<DbConnection & { mode: DatabaseMode }> {
  if (options.databaseUrl) {
    return { ...connect(options.databaseUrl, { max: options.max }), mode: "postgres" };
  }
  const dataDir = path.resolve(options.dataDir);
  const owner = readLiveLock(dataDir);
  if (owner) return { ...connect(embeddedUrl(owner), { max: options.max }), mode: "embedded" };
  const embedded = await startEmbeddedPostgres({ dataDir });
  const connection = connect(embedded.url, { max: options.max });
  return {
    ...connection,
    mode: "embedded",
    close: async () => {
      await connection.close();
      await embedded.stop();
    },
  };
}

/** One line a person can act on, for the errors a misconfigured DATABASE_URL produces. */
export function describeDbError(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { code?: string; address?: string; port?: number };
  const where = err.address ? ` at ${err.address}${err.port ? `:${err.port}` : ""}` : "";
  switch (err.code) {
    case "ECONNREFUSED":
      return `cannot reach the database${where}: connection refused. Is Postgres running, and is DATABASE_URL right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot resolve the database host in DATABASE_URL (${err.message}).`;
    case "ETIMEDOUT":
      return `timed out connecting to the database${where}. Check DATABASE_URL and the network.`;
    case "28P01":
    case "28000":
      return `the database rejected the credentials in DATABASE_URL (${err.message}).`;
    case "3D000":
      return `${err.message}. Create it first, or point DATABASE_URL at an existing database.`;
    default:
      return err.message ?? String(error);
  }
}
