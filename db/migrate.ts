import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { DbConnection } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Arbitrary constant: serialises concurrent migrators (several servers or workers starting together).
const MIGRATION_LOCK_KEY = 7_310_202_611;

export async function migrateDatabase(
  connection: Pick<DbConnection, "db" | "pool">,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<void> {
  const lockClient = await connection.pool.connect();
  try {
    await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(connection.db, { migrationsFolder });
  } finally {
    await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lockClient.release();
  }
}
