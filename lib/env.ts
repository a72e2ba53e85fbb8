import { Cron } from "croner";
import { z } from "zod";
import { REGION_PATTERN } from "./region-code";

// The only reader of process.env. Validated once; a bad variable stops the process with one line each.

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUnset, z.string().optional());
const optionalAccountId = z.preprocess(emptyAsUnset, z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id").optional());
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

// Sign-in, roles and sessions (product.md §7). Cross-variable rules live in checkAuthEnv.
const LOOPBACK_HOSTS = ["127.0.0.1", "::1", "localhost"] as const;
const flag = z.preprocess(
  emptyAsUnset,
  z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true" || value === "1"),
);
const httpUrl = z
  .string()
  .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), "must be an http:// or https:// URL");
// "Workloads/Prod=team-payments;Sandbox=platform": a group (or email) owns every account under that OU path.
const ouOwnerList = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const entries: { ouPath: string; owner: string }[] = [];
      for (const part of (raw ?? "").split(";").map((entry) => entry.trim()).filter(Boolean)) {
        const [path, owner, ...rest] = part.split("=").map((side) => side.trim());
        if (!path || !owner || rest.length > 0) {
          ctx.addIssue({ code: "custom", message: "must be a ;-separated list of OU-path=group, such as Workloads/Prod=team-payments;Sandbox=platform" });
          return z.NEVER;
        }
        entries.push({ ouPath: path, owner });
      }
      return entries;
    }),
);

// Proxies in front of the web server whose X-Forwarded-For hops the audit log may believe: a count of
// hops ("1" behind one load balancer) or the proxies' addresses/CIDRs. Unset or 0: the socket address only.
function isProxyAddress(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(address) && address.split(".").every((octet) => Number(octet) <= 255);
  const v6 = !v4 && /^[0-9a-f:.]+$/i.test(address) && address.includes(":");
  if ((!v4 && !v6) || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128));
}
export type TrustedProxies = number | string[];
const trustedProxies = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .optional()
    .transform((raw, ctx): TrustedProxies => {
      const value = (raw ?? "0").trim();
      if (/^\d+$/.test(value)) {
        const count = Number(value);
        if (count <= 10) return count;
      } else {
        const list = value.split(",").map((part) => part.trim()).filter(Boolean);
        if (list.length > 0 && list.every(isProxyAddress)) return list;
      }
      ctx.addIssue({ code: "custom", message: "must be a hop count from 0 to 10, or a comma-separated list of proxy addresses or CIDRs such as 10.0.0.0/8" });
      return z.NEVER;
    }),
);

const authEnvShape = {
  OIDC_ISSUER: z.preprocess(emptyAsUnset, httpUrl.optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_SCOPES: z.preprocess(emptyAsUnset, z.string().default("openid email profile")),
  TENFOLD_URL: z.preprocess(emptyAsUnset, httpUrl.transform((url) => new URL(url).origin).optional()),
  TENFOLD_GROUPS_CLAIM: z.preprocess(emptyAsUnset, z.string().default("groups")),
  TENFOLD_ADMIN_GROUPS: commaList,
  TENFOLD_VIEWER_GROUPS: commaList,
  // Groups whose members may approve exceptions besides admins (owners only record them).
  TENFOLD_APPROVER_GROUPS: commaList,
  TENFOLD_OU_OWNERS: ouOwnerList,
  TENFOLD_SESSION_IDLE_MINUTES: intInRange(1, 24 * 60, 60),
  TENFOLD_SESSION_MAX_HOURS: intInRange(1, 24 * 30, 12),
  TENFOLD_DEMO_MODE: flag,
  HOST: optionalString,
  TENFOLD_TRUSTED_PROXIES: trustedProxies,
};

/** localhost, *.localhost, 127.0.0.1 or ::1 (brackets allowed): names no DNS answer can point elsewhere. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return (LOOPBACK_HOSTS as readonly string[]).includes(host) || host.endsWith(".localhost");
}

function isLoopbackUrl(url: string): boolean {
  return isLoopbackHostname(new URL(url).hostname);
}

function checkAuthEnv(
  env: { OIDC_ISSUER?: string; OIDC_CLIENT_ID?: string; OIDC_CLIENT_SECRET?: string; TENFOLD_DEMO_MODE: boolean; HOST?: string },
  ctx: z.RefinementCtx,
) {
  if (env.OIDC_ISSUER || env.OIDC_CLIENT_ID || env.OIDC_CLIENT_SECRET) {
    for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
      if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required once any OIDC_ setting is set" });
    }
  }
  // The whole sign-in rests on TLS to the IdP; plain http only for an issuer on this machine (tests).
  if (env.OIDC_ISSUER && new URL(env.OIDC_ISSUER).protocol === "http:" && !isLoopbackUrl(env.OIDC_ISSUER)) {
    ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "must be an https:// URL (http:// only for localhost)" });
  }
  if (env.TENFOLD_DEMO_MODE && env.OIDC_ISSUER) {
    ctx.addIssue({ code: "custom", path: ["TENFOLD_DEMO_MODE"], message: "cannot be combined with OIDC_ISSUER: demo mode turns sign-in off" });
  }
  if (env.TENFOLD_DEMO_MODE && env.HOST && !(LOOPBACK_HOSTS as readonly string[]).includes(env.HOST)) {
    ctx.addIssue({ code: "custom", path: ["HOST"], message: "must be a loopback address (127.0.0.1, ::1 or localhost) while TENFOLD_DEMO_MODE is on" });
  }
}

/** The address the web server binds to: loopback in demo mode, every interface otherwise. */
export function bindHost(env: Env): string {
  return env.HOST ?? (env.TENFOLD_DEMO_MODE ? "127.0.0.1" : "0.0.0.0");
}

/** How people sign in, or why the server must not serve at all (production without OIDC nor demo mode). */
export function authMode(env: Env): "oidc" | "demo" | "unconfigured" {
  if (env.TENFOLD_DEMO_MODE) return "demo";
  return env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET ? "oidc" : "unconfigured";
}

/** The one line a server that cannot serve prints before it exits, or null when it may serve. */
export function servingProblem(env: Env): string | null {
  // The public origin pins the Host header (DNS rebinding) and builds the redirect URI.
  if (authMode(env) === "oidc" && !env.TENFOLD_URL) return "TENFOLD_URL is required with sign-in: set it to the public origin people use, such as https://tenfold.example.com.";
  if (authMode(env) !== "unconfigured") return null;
  return "sign-in is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or TENFOLD_DEMO_MODE=true for a local demo bound to 127.0.0.1.";
}

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
  TENFOLD_LOG_ARCHIVE_ACCOUNT_ID: optionalAccountId,
  // The organisation to scan when the scanner runs outside it; unset = the scanner's own organisation.
  TENFOLD_MANAGEMENT_ACCOUNT_ID: optionalAccountId,
  TENFOLD_ATTEST_DAYS: intInRange(1, 730, 180),
  // Exceptions always expire; this caps how far ahead their expiry may be set.
  TENFOLD_EXCEPTION_MAX_DAYS: intInRange(1, 1095, 365),
  // Slack-compatible incoming webhook told about regressions after each scheduled scan.
  TENFOLD_WEBHOOK_URL: z.preprocess(emptyAsUnset, httpUrl.optional()),
  // Raw check results older than this are pruned; the daily rollups (trends) stay.
  TENFOLD_RETENTION_DAYS: intInRange(30, 3650, 400),
  TENFOLD_RETENTION_SCHEDULE: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .refine(isCronExpression, "must be a cron expression such as '17 3 * * *'")
      .default("17 3 * * *"),
  ),
  TENFOLD_UNUSED_ROLE_DAYS: intInRange(1, 400, 90),
  // IAM Identity Center access portal: when set, the item drill-down offers a link that signs the owner into
  // the account with TENFOLD_SSO_ROLE_NAME (a permission set name) and opens the resource's console page.
  TENFOLD_SSO_START_URL: z.preprocess(emptyAsUnset, httpUrl.optional()),
  TENFOLD_SSO_ROLE_NAME: z.preprocess(
    emptyAsUnset,
    z.string().regex(/^[\w+=,.@-]{1,32}$/, "must be a permission set name (letters, digits and +=,.@_-, at most 32)").default("SecurityAudit"),
  ),
  TENFOLD_SECRET_MAX_AGE: intInRange(1, 3650, 90),
  TENFOLD_SLA_CRITICAL_DAYS: intInRange(0, 365, 7),
  TENFOLD_SLA_HIGH_DAYS: intInRange(0, 365, 30),
  TENFOLD_MAX_INSTANCES: intInRange(1, 100_000, 500),
  TENFOLD_MAX_FINDING_PAGES: intInRange(1, 1000, 10),
  TENFOLD_ACCOUNT_TIMEOUT_SECONDS: intInRange(10, 3600, 600),
  TENFOLD_AWS_MAX_ATTEMPTS: intInRange(1, 20, 8),
  TENFOLD_AWS_RETRY_MODE: z.preprocess(emptyAsUnset, z.enum(["standard", "adaptive"]).default("adaptive")),
  AWS_REGION: z.preprocess(emptyAsUnset, z.string().regex(REGION_PATTERN, "must be an AWS Region code such as us-east-1").default("us-east-1")),
  ...authEnvShape,
}).superRefine(checkAuthEnv);

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
