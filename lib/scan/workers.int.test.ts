import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { accountSnapshots } from "@/db/schema";
import { addAccount, createScenario } from "@/sandbox/scenario/builder";
import { startScanHarness, type ScanHarness } from "@/test/scan-harness";
import { requestScan } from "./request-scan";
import { waitForScan } from "./wait";

const TSX = path.join("node_modules", ".bin", "tsx");

function startProcess(script: string, args: string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  let output = "";
  const child = spawn(TSX, [script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));
}

async function waitForOutput(child: ChildProcess & { output: () => string }, text: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!child.output().includes(text)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`process did not print "${text}":\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function organisation(size: number) {
  const scenario = createScenario();
  for (let index = 0; index < size; index++) addAccount(scenario, { name: `member-${index}` });
  return scenario;
}

describe("npm run worker", () => {
  let harness: ScanHarness;
  const workers: ReturnType<typeof startProcess>[] = [];
  beforeAll(async () => {
    harness = await startScanHarness({ scenario: organisation(9), worker: false, env: { TENFOLD_REGIONS: "us-east-1" } });
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill("SIGTERM");
    await Promise.all(workers.map(exited));
    await harness?.stop();
  });

  it("lets two worker processes share one scan without duplicate or lost accounts", async () => {
    const env = { ...harness.childEnv, TENFOLD_SCAN_CONCURRENCY: "2" };
    workers.push(startProcess("scripts/worker.ts", [], env), startProcess("scripts/worker.ts", [], env));
    await Promise.all(workers.map((worker) => waitForOutput(worker, "ready")));

    const { scanId } = await requestScan(harness.runtime, { trigger: "cli" });
    const progress = await waitForScan(harness.connection.db, scanId, { timeoutMs: 120_000 });
    expect(progress).toMatchObject({ state: "succeeded", done: 10, total: 10 });

    const snapshots = await harness.connection.db
      .select({ accountId: accountSnapshots.accountId, worker: accountSnapshots.worker })
      .from(accountSnapshots)
      .where(eq(accountSnapshots.scanId, scanId));
    expect(snapshots).toHaveLength(10);
    expect(new Set(snapshots.map((snapshot) => snapshot.accountId)).size).toBe(10);
    expect(new Set(snapshots.map((snapshot) => snapshot.worker)).size).toBe(2);
  });
});

const resultDocument = z.object({
  scanId: z.string().uuid(),
  startedAt: z.string().nullable(),
  finishedAt: z.string(),
  accounts: z.array(
    z.object({
      accountId: z.string().regex(/^\d{12}$/),
      name: z.string(),
      status: z.enum(["ok", "partial", "failed", "skipped"]),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      score: z.number().min(0).max(100).nullable(),
      items: z.array(
        z.object({
          item: z.number().int().min(1).max(10),
          key: z.string(),
          score: z.number().nullable(),
          status: z.enum(["green", "amber", "red", "grey"]),
          coverage: z.number().min(0).max(1),
          checks: z.array(
            z.object({
              id: z.string().regex(/^i\d+\.[a-z0-9_]+$/),
              result: z.enum(["pass", "fail", "warn", "unknown", "not_applicable", "excepted", "attested"]),
              severity: z.enum(["critical", "high", "medium", "low"]),
              reason: z.string().min(1),
              resources: z.array(z.unknown()),
            }),
          ),
        }),
      ),
    }),
  ),
});

describe("npm run scan", () => {
  let harness: ScanHarness;
  beforeAll(async () => {
    harness = await startScanHarness({ scenario: organisation(2), worker: false, env: { TENFOLD_REGIONS: "us-east-1" } });
  });
  afterAll(() => harness?.stop());

  it("runs a scan to completion, prints a summary and writes the result document", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "tenfold-scan-")), "out.json");
    const cli = startProcess("scripts/scan.ts", ["--json", file, "--as-of", "2026-11-29T10:00:00Z"], harness.childEnv);
    expect(await exited(cli)).toBe(0);
    expect(cli.output()).toMatch(/scan [0-9a-f-]{36} succeeded: 3 ok/);
    const document = resultDocument.parse(JSON.parse(readFileSync(file, "utf8")));
    expect(document.accounts).toHaveLength(3);
    for (const account of document.accounts) expect(account.items.map((item) => item.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("rejects bad arguments with one clear line", async () => {
    const cli = startProcess("scripts/scan.ts", ["--account", "12345"], harness.childEnv);
    expect(await exited(cli)).toBe(1);
    expect(cli.output().trim()).toBe('tenfold: --account must be a 12-digit AWS account id, got "12345"');
  });
});
