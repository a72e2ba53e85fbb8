import { Cron } from "croner";
import { z } from "zod";

// The only reader of process.env. Validated once; a bad variable stops the process with one line each.

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUnset, z.string().optional());
const intInRange = (min: number, max: number, fallback: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback),
  );
};
const commaList = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .optional()
    .transform((raw) =>
      raw
        ? raw
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean)
        : [],
    ),
);

function isCronExpression(expression: string): boolean {
  try {
    new Cron(expression, { timezone: "UTC", paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const CIDR_PATTERN = /^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9a-f:]+\/\d{1,3})$/i;

export const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUnset, z.enum(["development", "production", "test"]).default("development")),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .refine((url) => /^postgres(ql)?:\/\//.test(url), "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  TENFOLD_DATA_DIR: z.preprocess(emptyAsUnset, z.string().default(".data")),
  PORT: intInRange(1, 65535, 3000),
  TENFOLD_ROLE_NAME: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name (letters, digits and +=,.@_-, at most 64)")
      .default("TenfoldReadOnly"),
  ),
  TENFOLD_EXTERNAL_ID: optionalString,
  TENFOLD_REGIONS: commaList.refine(
    (regions) => regions.every((region) => REGION_PATTERN.test(region)),
    "must be a comma-separated list of AWS Region codes such as us-east-1,eu-west-1",
  ),
  TENFOLD_SCAN_CONCURRENCY: intInRange(1, 256, 8),
  TENFOLD_SCHEDULE: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .refine(isCronExpression, "must be a cron expression such as '0 */6 * * *'")
      .default("0 */6 * * *"),
  ),
  CRON_SECRET: z.preprocess(emptyAsUnset, z.string().min(16, "must be at least 16 characters").optional()),
  TENFOLD_AMBER_THRESHOLD: intInRange(0, 100, 60),
  TENFOLD_OWNER_TAG: z.preprocess(emptyAsUnset, z.string().default("owner")),
  TENFOLD_CLASSIFICATION_TAG: z.preprocess(emptyAsUnset, z.string().default("data-classification")),
  TENFOLD_CONTACT_DOMAINS: commaList,
  TENFOLD_KNOWN_CIDRS: commaList.refine(
    (cidrs) => cidrs.every((cidr) => CIDR_PATTERN.test(cidr)),
    "must be a comma-separated list of CIDR blocks such as 203.0.113.0/24",
  ),
  TENFOLD_LOG_ARCHIVE_ACCOUNT_ID: z.preprocess(emptyAsUnset, z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id").optional()),
  TENFOLD_ATTEST_DAYS: intInRange(1, 730, 180),
  TENFOLD_UNUSED_ROLE_DAYS: intInRange(1, 400, 90),
  TENFOLD_SECRET_MAX_AGE: intInRange(1, 3650, 90),
  TENFOLD_SLA_CRITICAL_DAYS: intInRange(0, 365, 7),
  TENFOLD_SLA_HIGH_DAYS: intInRange(0, 365, 30),
  TENFOLD_MAX_INSTANCES: intInRange(1, 100_000, 500),
  TENFOLD_MAX_FINDING_PAGES: intInRange(1, 1000, 10),
  TENFOLD_ACCOUNT_TIMEOUT_SECONDS: intInRange(10, 3600, 600),
  TENFOLD_AWS_MAX_ATTEMPTS: intInRange(1, 20, 8),
  TENFOLD_AWS_RETRY_MODE: z.preprocess(emptyAsUnset, z.enum(["standard", "adaptive"]).default("adaptive")),
  AWS_REGION: z.preprocess(emptyAsUnset, z.string().regex(REGION_PATTERN, "must be an AWS Region code such as us-east-1").default("us-east-1")),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  ${line}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    return `${name}: ${issue.message}`;
  });
  throw new EnvError(problems);
}

/** The AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> overrides in force (the SDK reads them itself too). */
export function awsEndpointOverrides(source: Record<string, string | undefined> = process.env): Record<string, string> {
  if (source.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true") return {};
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[0].startsWith("AWS_ENDPOINT_URL") && Boolean(entry[1]),
    ),
  );
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
