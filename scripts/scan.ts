// npm run scan — run one full scan to completion in this process and print a summary.
//   --account <id>   scan only this account (repeatable)
//   --json <file>    write the scan result document
//   --as-of <time>   evaluate ages against this clock (tests, demo backfill); default: now
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { getScanResultDocument, type ScanResultDocument } from "@/db/store/scan-results";
import { createScanRuntime } from "@/lib/scan/bootstrap";
import { requestScan } from "@/lib/scan/request-scan";
import { waitForScan } from "@/lib/scan/wait";
import { startWorker } from "@/lib/scan/worker";
import { exitWith, openForCli } from "./cli";

function parseCommandLine() {
  try {
    const { values } = parseArgs({
      options: {
        account: { type: "string", multiple: true },
        json: { type: "string" },
        "as-of": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
    });
    if (values.help) {
      console.log("usage: npm run scan -- [--account <12-digit id>]... [--json <file>] [--as-of <ISO time>]");
      process.exit(0);
    }
    const accounts = values.account ?? [];
    const badAccount = accounts.find((id) => !/^\d{12}$/.test(id));
    if (badAccount) exitWith(`--account must be a 12-digit AWS account id, got "${badAccount}"`);
    let asOf: Date | undefined;
    if (values["as-of"]) {
      asOf = new Date(values["as-of"]);
      if (Number.isNaN(asOf.getTime())) exitWith(`--as-of must be a date or ISO time, got "${values["as-of"]}"`);
    }
    return { accounts, json: values.json, asOf };
  } catch (error) {
    exitWith((error as Error).message);
  }
}

function printSummary(document: ScanResultDocument): void {
  const rows = document.accounts.map((account) => ({
    account: account.accountId,
    name: account.name,
    status: account.status,
    score: account.score === null ? "—" : Math.round(account.score).toString(),
    red: account.items.filter((item) => item.status === "red").length,
    error: account.error ? `${account.error.code}: ${account.error.message}`.slice(0, 80) : "",
  }));
  const widths = Object.keys(rows[0] ?? { account: "" }).map((key) =>
    Math.max(key.length, ...rows.map((row) => String(row[key as keyof typeof row]).length)),
  );
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  ").trimEnd();
  if (rows[0]) {
    console.log(line(Object.keys(rows[0])));
    for (const row of rows) console.log(line(Object.values(row).map(String)));
  }
  const calls = Object.values(document.apiCalls).reduce((sum, count) => sum + count, 0);
  const counts = (status: string) => document.accounts.filter((account) => account.status === status).length;
  console.log(
    `\nscan ${document.scanId} ${document.state}: ${counts("ok")} ok, ${counts("partial")} partial, ${counts("failed")} failed, ${counts("skipped")} skipped; ${calls} AWS API calls`,
  );
}

async function main() {
  const options = parseCommandLine();
  const { env, connection } = await openForCli();
  const runtime = await createScanRuntime(connection, env);
  const stopWorker = await startWorker(runtime);
  const startedAt = Date.now();
  try {
    const { scanId } = await requestScan(runtime, {
      trigger: "cli",
      asOf: options.asOf,
      accountIds: options.accounts.length ? options.accounts : undefined,
      requestedBy: "cli",
    });
    console.log(`tenfold: scan ${scanId} started (${connection.mode} database)`);
    const progress = await waitForScan(runtime.db, scanId, {
      onProgress: (p) => process.stderr.write(`\r${p.state}: ${p.done}/${p.total} accounts`),
    });
    process.stderr.write("\n");
    const document = await getScanResultDocument(runtime.db, scanId);
    if (!document) exitWith(`scan ${scanId} vanished`);
    printSummary(document);
    console.log(`finished in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    if (options.json) {
      writeFileSync(options.json, `${JSON.stringify(document, null, 2)}\n`);
      console.log(`result document written to ${options.json}`);
    }
    process.exitCode = progress.state === "failed" ? 1 : 0;
  } finally {
    await stopWorker();
    await runtime.boss.stop({ graceful: true, timeout: 5000 });
    await connection.close();
  }
}

void main();
