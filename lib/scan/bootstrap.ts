import type { DbConnection } from "@/db/client";
import { getSecretHashSalt } from "@/db/store/settings";
import { awsEndpointOverrides, type Env } from "@/lib/env";
import { createAwsScanner } from "@/lib/aws";
import type { ScannerAws } from "./aws-port";
import { awsSettingsFromEnv, scoringConfigFromEnv } from "./config";
import { createBoss } from "./queues";
import type { ScanRuntime } from "./runtime";

/** Builds the scan runtime of one process: job queue client, AWS access and scoring configuration. */
export async function createScanRuntime(
  connection: DbConnection,
  env: Env,
  options: { aws?: ScannerAws; concurrency?: number } = {},
): Promise<ScanRuntime> {
  const boss = await createBoss(connection.url, { max: 4 });
  const aws =
    options.aws ??
    createAwsScanner(
      awsSettingsFromEnv(env, { endpointOverrides: awsEndpointOverrides(), secretSalt: await getSecretHashSalt(connection.db) }),
    );
  return {
    db: connection.db,
    boss,
    aws,
    scoring: scoringConfigFromEnv(env),
    ownerTag: env.TENFOLD_OWNER_TAG,
    accountTimeoutMs: env.TENFOLD_ACCOUNT_TIMEOUT_SECONDS * 1000,
    concurrency: options.concurrency ?? env.TENFOLD_SCAN_CONCURRENCY,
  };
}
