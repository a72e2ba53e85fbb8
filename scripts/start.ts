// npm start — validate configuration, open the database (embedded PGlite unless DATABASE_URL is set),
// apply migrations, start a scan worker and (embedded default) the scheduler, build the app if the
// sources changed since the last build, then serve it.
import path from "node:path";
import { servingProblem } from "@/lib/env";
import { exitWith, openForCli } from "./cli";
import { serveTenfold, startScanning } from "./serve";

const { env, connection } = await openForCli();
const problem = servingProblem(env);
if (problem) exitWith(problem);
const where = connection.mode === "embedded" ? `embedded PGlite in ${path.resolve(env.TENFOLD_DATA_DIR)}` : "Postgres (DATABASE_URL)";
console.log(`tenfold: database ready: ${where}`);
await serveTenfold({ env, connection, scanning: await startScanning(connection, env) });
