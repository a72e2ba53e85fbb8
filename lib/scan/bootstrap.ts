import type { DbConnection } from "@/db/client";
import { getSecretHashSalt } from "@/db/store/settings";
import { awsEndpointOverrides, type Env } from "@/lib/env";
import { createAwsScanner } from "@/lib/aws";
import type { WebhookRetryOptions } from "@/lib/notify/webhook";
import type { ScannerAws } from "./aws-port";
import { awsSettingsFromEnv, scoringConfigFromEnv } from "./config";
import { createBoss } from "./queues";
import type { ScanRuntime } from "./runtime";
import { createScanNotifier } from "./scan-notifier";

/**
 * Builds the scan runtime of one process: job queue client, AWS access, scoring configuration and, with
 * TENFOLD_WEBHOOK_URL, the webhook told about each scheduled scan this process finishes.
 */
export async function createScanRuntime(
  connection: DbConnection,
  env: Env,
  options: { aws?: ScannerAws; concurrency?: number; webhookRetry?: WebhookRetryOptions } = {},
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
    exceptionMaxDays: env.TENFOLD_EXCEPTION_MAX_DAYS,
    concurrency: options.concurrency ?? env.TENFOLD_SCAN_CONCURRENCY,
    onScanFinished: env.TENFOLD_WEBHOOK_URL
      ? createScanNotifier({ db: connection.db, webhookUrl: env.TENFOLD_WEBHOOK_URL, baseUrl: env.TENFOLD_URL, retry: options.webhookRetry })
      : undefined,
  };
}
