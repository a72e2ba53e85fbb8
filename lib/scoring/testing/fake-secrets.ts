// One corpus of obviously fake secrets for the detector's tests (pure and with secretlint). Each value is
// assembled from parts so that no scanner flags the source itself. For tests only, never product code.
export const FAKE_SECRETS = {
  awsKeyId: "AKIA" + "ZZZZFAKE0KEY0001",
  awsTempKeyId: "ASIA" + "ZZZZFAKE0KEY0002",
  /** 40 characters, the shape secretlint's AWS rule wants after an AWS_SECRET_ACCESS_KEY name. */
  awsSecret: "Zk9qL2vR7wX4pT8m" + "AbCdEfGhIjKlMnOpQrStUvWx",
  privateKey: "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIfake\n-----END RSA PRIVATE KEY-----",
  opensshKey: "-----BEGIN " + "OPENSSH PRIVATE KEY-----",
  github: "ghp_" + "F".repeat(36),
  githubMixed: "ghp_" + "aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5",
  githubPat: "github_pat_" + "FAKE_".repeat(8),
  slackShort: "xoxb-" + "000000000-fake",
  slack: "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
  stripeShort: "sk_live_" + "fakefakefakefake",
  stripe: "sk_live_" + "51H8aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdef",
  google: "AIza" + "F".repeat(35),
  jwt: "eyJ" + "hbGciOiJub25lIn0" + ".eyJ" + "zdWIiOiJmYWtlIn0" + ".fakesig",
  urlCreds: "postgres://app:" + "notreal-pass" + "@db.internal:5432/app",
  postgres: "postgres://app:" + "hunter2hunter2@db/app",
} as const;

/** AWS's documentation example keys: not secrets, and never reported. */
export const AWS_DOCS_KEYS = { keyId: "AKIA" + "IOSFODNN7EXAMPLE", secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY" } as const;
