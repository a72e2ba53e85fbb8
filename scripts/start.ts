// npm start — validate configuration, open the database (embedded PGlite unless DATABASE_URL is set),
// apply migrations, start a scan worker and (embedded default) the scheduler, build the app if the
// sources changed since the last build, then serve it.
import path from "node:path";
import { bindHost, servingProblem } from "@/lib/env";
import { exitWith, openForCli } from "./cli";
import { buildOrExit, serveTenfold, startScanning } from "./serve";
import { assertPortFree } from "./web-server";

const { env, connection } = await openForCli();
const problem = servingProblem(env);
if (problem) exitWith(problem);
await assertPortFree(env.PORT, bindHost(env)).catch((error: Error) => exitWith(error.message));
const where = connection.mode === "embedded" ? `embedded PGlite in ${path.resolve(env.TENFOLD_DATA_DIR)}` : "Postgres (DATABASE_URL)";
console.log(`tenfold: database ready: ${where}`);
buildOrExit();
await serveTenfold({ env, connection, scanning: await startScanning(connection, env) });
