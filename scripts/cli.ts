// Shared start-up of the command-line entry points: validated env, database with migrations applied.
import { describeDbError, openDatabase, type DbConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { EnvError, getEnv, type Env } from "@/lib/env";

export function exitWith(message: string, code = 1): never {
  console.error(`tenfold: ${message}`);
  process.exit(code);
}

export async function openForCli(): Promise<{ env: Env; connection: DbConnection & { mode: string } }> {
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) exitWith(error.message);
    throw error;
  }
  try {
    const connection = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TENFOLD_DATA_DIR });
    await migrateDatabase(connection);
    return { env, connection };
  } catch (error) {
    exitWith(describeDbError(error));
  }
}
