// npm run db:migrate — apply committed migrations to DATABASE_URL, or to the embedded PGlite folder.
import { openForCli } from "./cli";

const { connection } = await openForCli();
console.log(`tenfold: migrations applied (${connection.mode})`);
await connection.close();
