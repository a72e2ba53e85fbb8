// Runs real scans in a test: a sandbox AWS organisation, a database of the suite's own, the real
// lib/aws collectors over HTTP, pg-boss queues in a schema of their own and an in-process worker.
import { inject } from "vitest";
import { connect, type DbConnection } from "@/db/client";
import { getScanResultDocument, type ScanResultDocument } from "@/db/store/scan-results";
import { parseEnv } from "@/lib/env";
import { createAwsScanner, type AwsSettingsInput } from "@/lib/aws";
import type { WebhookRetryOptions } from "@/lib/notify/webhook";
import { createScanRuntime } from "@/lib/scan/bootstrap";
import { awsSettingsFromEnv } from "@/lib/scan/config";
import { requestScan, type ScanRequest } from "@/lib/scan/request-scan";
import type { ScanRuntime } from "@/lib/scan/runtime";
import { waitForScan } from "@/lib/scan/wait";
import { startWorker } from "@/lib/scan/worker";
import { scannerOf } from "@/sandbox/scenario/builder";
import { startSandbox, type Sandbox, type SandboxOptions } from "@/sandbox/server";
import { createIsolatedDatabase } from "./isolated-db";

export type ScanHarness = {
  sandbox: Sandbox;
  connection: DbConnection;
  runtime: ScanRuntime;
  /** Environment for child processes (workers, CLI) that must reach the same sandbox and database. */
  childEnv: Record<string, string>;
  scan: (request?: Partial<ScanRequest>) => Promise<ScanResultDocument>;
  stop: () => Promise<void>;
};

export async function startScanHarness(
  options: SandboxOptions & { env?: Record<string, string>; aws?: Partial<AwsSettingsInput>; worker?: boolean; webhookRetry?: WebhookRetryOptions },
): Promise<ScanHarness> {
  const database = await createIsolatedDatabase(inject("databaseServerUrl"));
  const sandbox = await startSandbox(options);
  const sandboxEnv = sandbox.env();
  const envSource = {
    DATABASE_URL: database.url,
    TENFOLD_EXTERNAL_ID: options.scenario.access.externalId,
    TENFOLD_ROLE_NAME: options.scenario.access.roleName,
    TENFOLD_AWS_MAX_ATTEMPTS: "6",
    TENFOLD_ACCOUNT_TIMEOUT_SECONDS: "120",
    ...sandboxEnv,
    ...options.env,
  };
  const env = parseEnv(envSource);
  const connection = connect(database.url, { max: 6 });
  const aws = createAwsScanner(
    { ...awsSettingsFromEnv(env, { endpointOverrides: { AWS_ENDPOINT_URL: sandbox.endpoint }, secretSalt: "test-salt" }), ...options.aws },
    {
      credentials: {
        accessKeyId: scannerOf(options.scenario).accessKeyId,
        secretAccessKey: scannerOf(options.scenario).secretAccessKey,
      },
    },
  );
  const runtime = await createScanRuntime(connection, env, { aws, webhookRetry: options.webhookRetry });
  const stopWorker = options.worker === false ? async () => {} : await startWorker(runtime);
  return {
    sandbox,
    connection,
    runtime,
    childEnv: Object.fromEntries(Object.entries(envSource).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    scan: async (request = {}) => {
      const { scanId } = await requestScan(runtime, { trigger: "cli", ...request });
      await waitForScan(connection.db, scanId, { timeoutMs: 120_000 });
      const document = await getScanResultDocument(connection.db, scanId);
      if (!document) throw new Error(`scan ${scanId} has no document`);
      return document;
    },
    stop: async () => {
      await stopWorker();
      await runtime.boss.stop({ graceful: false, timeout: 2000 }).catch(() => undefined);
      await connection.close();
      await sandbox.stop();
      await database.drop();
    },
  };
}
