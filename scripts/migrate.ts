// npm run db:migrate — apply committed migrations to DATABASE_URL, or to the embedded PGlite folder.
import { describeDbError, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { EnvError, getEnv } from "@/lib/env";

try {
  const env = getEnv();
  const connection = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TENFOLD_DATA_DIR });
  try {
    await migrateDatabase(connection);
    console.log(`tenfold: migrations applied (${connection.mode})`);
  } finally {
    await connection.close();
  }
} catch (error) {
  console.error(`tenfold: ${error instanceof EnvError ? error.message : describeDbError(error)}`);
  process.exitCode = 1;
}
