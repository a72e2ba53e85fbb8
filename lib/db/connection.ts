import "server-only";
import { openDatabase, type Db, type DbConnection } from "@/db/client";
import { getEnv } from "@/lib/env";

// One pool per server process, kept on globalThis so hot reloads in development do not leak pools.
const globalForDb = globalThis as unknown as { tenfoldDb?: Promise<DbConnection> };

export function getConnection(): Promise<DbConnection> {
  if (!globalForDb.tenfoldDb) {
    const env = getEnv();
    globalForDb.tenfoldDb = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TENFOLD_DATA_DIR });
    // A failed open must not be cached forever: the next request tries again.
    globalForDb.tenfoldDb.catch(() => (globalForDb.tenfoldDb = undefined));
  }
  return globalForDb.tenfoldDb;
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}
