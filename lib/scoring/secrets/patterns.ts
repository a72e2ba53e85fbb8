// Secret patterns of checks.md §4 "Detector", kept in one module with their test corpus (detector.test.ts).
// secretlint (run by the collectors, lib/aws/collectors/secretlint.ts) finds the high-confidence kinds it
// knows; the patterns here cover what it does not: key ids, bare key headers, Google keys, JWTs, other URLs.

export const SECRET_KINDS = [
  "aws-access-key-id",
  "aws-secret-access-key",
  "private-key",
  "github-token",
  "slack-token",
  "stripe-live-key",
  "google-api-key",
  "jwt",
  "url-credentials",
  "api-token",
  "named-secret",
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

/**
 * High-confidence value patterns (rule 3) that secretlint's recommended preset lacks: it never flags a key
 * id on its own, wants a valid key body after a PEM header, and has no Google API key, JWT or generic
 * `scheme://user:pass@` rule. GitHub, Slack and Stripe tokens are left to secretlint, which knows their
 * real formats. A hit fails the check. Global flags so every occurrence is found.
 */
export const HIGH_CONFIDENCE_PATTERNS: readonly { kind: SecretKind; re: RegExp }[] = [
  { kind: "aws-access-key-id", re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { kind: "private-key", re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY-----/g },
  { kind: "google-api-key", re: /AIza[0-9A-Za-z_-]{35}/g },
  { kind: "jwt", re: /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g },
  { kind: "url-credentials", re: /[a-z]+:\/\/[^:/\s]+:[^@/\s]{3,}@/g },
];

/** secretlint rule (short name, or `rule/messageId` first) → kind; a rule not listed reports as "api-token". */
export const SECRETLINT_KINDS: Readonly<Record<string, SecretKind>> = {
  "aws/AWSAccessKeyID": "aws-access-key-id",
  aws: "aws-secret-access-key",
  privatekey: "private-key",
  github: "github-token",
  slack: "slack-token",
  "stripe/STRIPE_SECRET_KEY_LIVE": "stripe-live-key",
  "stripe/STRIPE_RESTRICTED_KEY_LIVE": "stripe-live-key",
  basicauth: "url-credentials",
  "database-connection-string": "url-credentials",
};

/** AWS's documentation example credentials are not secrets (secretlint ignores them too). */
export const AWS_EXAMPLE_KEY = /EXAMPLE$/;
export const AWS_DOCS_EXAMPLE = /(?:AKIA|ASIA)[A-Z0-9]{9}EXAMPLE|EXAMPLEKEY$/;

/** Rule 4: a variable name that suggests a secret. */
export const SECRET_NAME = /(pass(word)?|passwd|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|client[_-]?secret|credential|auth)/i;

/** Rule 2: values that point at a secret store instead of holding a secret. */
export const REFERENCE_PATTERNS: readonly RegExp[] = [
  /^arn:aws[a-z-]*:secretsmanager:/,
  /^arn:aws[a-z-]*:ssm:/,
  /\{\{resolve:/,
  /^\$\{[^}]*\}$/,
];

/** Placeholders (rule 4): never worth a finding. */
export const PLACEHOLDER = /^(?:change[_-]?me|x{3,}|\*{3,}|<[^>]*>|placeholder|replace[_-]?me|todo|tbd|dummy|redacted|none|null|undefined)$/i;

/** Non-secret values a secret-like name often carries: booleans, numbers, plain URLs, file paths, other ARNs. */
export const BENIGN_VALUE: readonly RegExp[] = [
  /^(?:true|false|yes|no|on|off|enabled|disabled)$/i,
  /^-?\d+(?:\.\d+)?$/,
  /^https?:\/\/[^@\s]*$/i,
  /^\/[\w./-]*$/,
  /^arn:aws[a-z-]*:/,
];

export const MEDIUM_MIN_LENGTH = 8;
export const HIGH_ENTROPY_MIN_LENGTH = 16;
export const HIGH_ENTROPY_BITS = 3.5;

/**
 * A resource tag asking that its findings be excepted (checks.md §4 rule 5). It is a request, not a pass:
 * the hits still count, and the scan opens a pending, expiring exception naming the tag for an approver.
 */
export const SECRETS_SCAN_IGNORE_TAG = { key: "tenfold:secrets-scan", value: "ignore" } as const;
