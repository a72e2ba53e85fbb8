// Settings for lib/aws. A plain object: lib/scan builds it from lib/env.ts; lib/aws never reads
// process.env itself (the SDK's default credential chain reading AWS_* variables is intended).

export type AwsSettings = {
  /** The Tenfold read-only role assumed in every account (TENFOLD_ROLE_NAME). */
  roleName: string;
  /** sts:ExternalId required by the role's trust policy (TENFOLD_EXTERNAL_ID). */
  externalId?: string;
  /** TENFOLD_REGIONS: Regions to scan; intersected with the account's enabled Regions. Empty = every enabled Region. */
  regionsAllowList: string[];
  /** Region for global calls (IAM, Organizations, Account, S3 Control, STS). */
  homeRegion: string;
  /** SDK retry attempts (including the first). */
  maxAttempts: number;
  retryMode: "standard" | "adaptive";
  /** Raw AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> values keyed by the full variable name. */
  endpointOverrides: Record<string, string>;
  /** TENFOLD_LOG_ARCHIVE_ACCOUNT_ID; inferred from the organization trail's bucket owner when absent. */
  logArchiveAccountId?: string;
  /**
   * TENFOLD_MANAGEMENT_ACCOUNT_ID: the management account of the organisation to scan, for a scanner
   * outside it (read through the member role there). Unset = the scanner's own organisation.
   */
  managementAccountId?: string;
  /** EC2 instances whose user data is read per Region; more are sampled (coverage < 100 %). */
  maxInstances: number;
  /** Page cap for finding lists (Security Hub, GuardDuty, Access Analyzer). */
  maxFindingPages: number;
  /** Salt of the sha256 hashes that identify secret values in evidence. */
  secretSalt: string;
  /** Time budget of the credential-report state machine (checks.md §12). */
  credentialReportBudgetMs: number;
  /** Base delay of its exponential backoff: min(base × 2^k, 10 × base), with jitter. */
  credentialReportBaseDelayMs: number;
  /** AWS calls in flight per account. */
  perAccountConcurrency: number;
};

/** Settings as callers may pass them: only the role name is required. */
export type AwsSettingsInput = Partial<AwsSettings> & Pick<AwsSettings, "roleName">;

export function defaultAwsSettings(): AwsSettings {
  return {
    roleName: "TenfoldReadOnly",
    regionsAllowList: [],
    homeRegion: "us-east-1",
    maxAttempts: 3,
    retryMode: "standard",
    endpointOverrides: {},
    maxInstances: 500,
    maxFindingPages: 10,
    secretSalt: "",
    credentialReportBudgetMs: 60_000,
    credentialReportBaseDelayMs: 1_000,
    perAccountConcurrency: 8,
  };
}

/** Defaults filled in; undefined values in `input` do not override defaults. */
export function resolveAwsSettings(input: AwsSettingsInput): AwsSettings {
  const out: AwsSettings = defaultAwsSettings();
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  if (out.perAccountConcurrency < 1) out.perAccountConcurrency = 1;
  if (out.maxAttempts < 1) out.maxAttempts = 1;
  return out;
}
