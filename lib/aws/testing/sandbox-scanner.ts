// Test helper: a scanner pointed at a running sandbox with the scenario's scanner key (the management
// account's unless the scenario places the scanner elsewhere).
import type { AwsSettingsInput } from "../settings";
import { createAwsScanner, type AwsScanner, type AwsScannerOptions } from "../index";

type Keys = { accessKeyId: string; secretAccessKey: string };
export type SandboxLike = { endpoint: string; scenario: { management: Keys; scanner?: Keys; access: { roleName: string; externalId: string } } };

export function sandboxScanner(sandbox: SandboxLike, settings: Partial<AwsSettingsInput> = {}, options: AwsScannerOptions = {}): AwsScanner {
  const m = sandbox.scenario.scanner ?? sandbox.scenario.management;
  return createAwsScanner(
    {
      roleName: sandbox.scenario.access.roleName,
      externalId: sandbox.scenario.access.externalId,
      endpointOverrides: { AWS_ENDPOINT_URL: sandbox.endpoint },
      secretSalt: "test-salt",
      credentialReportBaseDelayMs: 5,
      credentialReportBudgetMs: 30_000,
      maxAttempts: 2,
      ...settings,
    },
    { credentials: { accessKeyId: m.accessKeyId, secretAccessKey: m.secretAccessKey }, ...options },
  );
}

/** Every `Collected` failure in a piece of evidence, with its path (a clean account has none). */
export function collectedErrors(v: unknown, path = "evidence"): string[] {
  if (typeof v !== "object" || v === null) return [];
  if ("ok" in v && v.ok === false) return [`${path}: ${JSON.stringify((v as { error?: unknown }).error)}`];
  return Object.entries(v).flatMap(([k, x]) => collectedErrors(x, `${path}.${k}`));
}
