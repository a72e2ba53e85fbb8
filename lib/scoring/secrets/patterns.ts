// Secret patterns of checks.md §4 "Detector", kept in one module with their test corpus (detector.test.ts).

export const SECRET_KINDS = [
  "aws-access-key-id",
  "private-key",
  "github-token",
  "slack-token",
  "stripe-live-key",
  "google-api-key",
  "jwt",
  "url-credentials",
  "named-secret",
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

/** High-confidence value patterns (rule 3): a hit fails the check. Global flags so every occurrence is found. */
export const HIGH_CONFIDENCE_PATTERNS: readonly { kind: SecretKind; re: RegExp }[] = [
  { kind: "aws-access-key-id", re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { kind: "private-key", re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY-----/g },
  { kind: "github-token", re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]+/g },
  { kind: "slack-token", re: /xox[abprs]-[A-Za-z0-9-]*/g },
  { kind: "stripe-live-key", re: /sk_live_[A-Za-z0-9]*/g },
  { kind: "google-api-key", re: /AIza[0-9A-Za-z_-]{35}/g },
  { kind: "jwt", re: /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g },
  { kind: "url-credentials", re: /[a-z]+:\/\/[^:/\s]+:[^@/\s]{3,}@/g },
];

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
