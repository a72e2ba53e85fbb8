// npm run prune — delete raw check results and org evidence older than TENFOLD_RETENTION_DAYS now, and say what went.
//   --days <n>   another retention window for this run (at least 30)
import { parseArgs } from "node:util";
import { describeRetentionRun, runRetention } from "@/lib/scan/retention";
import { exitWith, openForCli } from "./cli";

function parseCommandLine(): { days?: number } {
  try {
    const { values } = parseArgs({ options: { days: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: false });
    if (values.help) {
      console.log("usage: npm run prune -- [--days <n>]");
      process.exit(0);
    }
    if (values.days === undefined) return {};
    const days = Number(values.days);
    // The same floor as TENFOLD_RETENTION_DAYS: a typo must not wipe last month's results.
    if (!Number.isInteger(days) || days < 30) exitWith(`--days must be a whole number of at least 30, got "${values.days}"`);
    return { days };
  } catch (error) {
    exitWith((error as Error).message);
  }
}

async function main() {
  const options = parseCommandLine();
  const { env, connection } = await openForCli();
  try {
    const run = await runRetention(connection, { retentionDays: options.days ?? env.TENFOLD_RETENTION_DAYS });
    console.log(describeRetentionRun(run));
  } finally {
    await connection.close();
  }
}

void main();
