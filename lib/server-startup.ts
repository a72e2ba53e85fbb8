import { describeDbError } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { EnvError, getEnv, servingProblem } from "@/lib/env";
import { getConnection } from "@/lib/db/connection";
import { demoBindProblem } from "@/lib/server-bind";

/** Runs once when a Next.js server process starts: validate configuration, then bring the schema up to date. */
export async function startServerRuntime(): Promise<void> {
  try {
    // A production server without sign-in would hand the estate's weaknesses to anyone who can reach it.
    const problem = getEnv().NODE_ENV === "production" ? servingProblem(getEnv()) : null;
    if (problem) {
      console.error(`tenfold: ${problem}`);
      process.exit(1);
    }
    // Whatever started this server: a demo listening beyond loopback stops here, before any request.
    const bindProblem = getEnv().TENFOLD_DEMO_MODE ? demoBindProblem() : null;
    if (bindProblem) {
      console.error(`tenfold: ${bindProblem}`);
      process.exit(1);
    }
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`tenfold: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  try {
    await migrateDatabase(await getConnection());
  } catch (error) {
    console.error(`tenfold: ${describeDbError(error)}`);
    process.exit(1);
  }
}
