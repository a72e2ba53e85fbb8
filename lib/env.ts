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

const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

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
      .refine((expr) => expr.trim().split(/\s+/).length >= 5, "must be a cron expression such as '0 */6 * * *'")
      .default("0 */6 * * *"),
  ),
  CRON_SECRET: z.preprocess(emptyAsUnset, z.string().min(16, "must be at least 16 characters").optional()),
  TENFOLD_AMBER_THRESHOLD: intInRange(0, 100, 60),
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

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
