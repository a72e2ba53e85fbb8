import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeUserData, detectSecrets, isReference, saltedHash, scanUserData, scanUserDataParts, shannonEntropy, splitUserDataParts, type LintMatch } from "./detector";
import { AWS_DOCS_KEYS, FAKE_SECRETS } from "../testing/fake-secrets";

const SALT = "test-salt";
// The short Slack / Stripe variants are formats secretlint does not accept; the patterns no longer guess them.
const FAKE = { ...FAKE_SECRETS, slack: FAKE_SECRETS.slackShort, stripe: FAKE_SECRETS.stripeShort, awsDocsExample: AWS_DOCS_KEYS.keyId };

describe("detectSecrets — high-confidence value patterns", () => {
  it.each([
    ["AWS access key id", FAKE.awsKeyId, "aws-access-key-id"],
    ["AWS temporary key id", FAKE.awsTempKeyId, "aws-access-key-id"],
    ["RSA private key", FAKE.privateKey, "private-key"],
    ["OpenSSH private key", FAKE.opensshKey, "private-key"],
    ["Google API key", FAKE.google, "google-api-key"],
    ["JWT", FAKE.jwt, "jwt"],
    ["URL with inline credentials", FAKE.urlCreds, "url-credentials"],
    ["key id inside a longer value", `id=${FAKE.awsKeyId};region=eu-west-1`, "aws-access-key-id"],
  ])("%s → %s", (_name, value, kind) => {
    const hits = detectSecrets({ location: "fn Environment.Variables.X", name: "SOME_VALUE", value }, SALT);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind, confidence: "high", location: "fn Environment.Variables.X", name: "SOME_VALUE" });
  });
});

// GitHub, Slack and Stripe tokens are secretlint's (lib/aws/collectors/secretlint.test.ts runs it on real
// text); without its report the patterns stay silent on them rather than guess at their formats.
describe("detectSecrets — secretlint's kinds are left to secretlint", () => {
  it.each([
    ["GitHub token", FAKE.github],
    ["Slack token", FAKE.slack],
    ["Stripe live key", FAKE.stripe],
  ])("%s without a secretlint report → no pattern hit", (_name, value) => {
    expect(detectSecrets({ location: "l", name: "SOME_VALUE", value }, SALT)).toEqual([]);
  });
});

describe("detectSecrets — secretlint reports become high-confidence hits", () => {
  const rule = (name: string) => `@secretlint/secretlint-rule-${name}`;
  const secretKey = FAKE.awsSecret;
  it.each<[string, string, LintMatch[], { kind: string; detector: string; hashOf: string }[]]>([
    ["a GitHub token", FAKE.github, [{ ruleId: rule("github"), messageId: "GITHUB_TOKEN", start: 0, end: 40 }], [{ kind: "github-token", detector: "secretlint:github/GITHUB_TOKEN", hashOf: FAKE.github }]],
    ["a rule without a mapping", "npm_" + "a".repeat(36), [{ ruleId: rule("npm"), messageId: "NPM_ACCESS_TOKEN", start: 0, end: 40 }], [{ kind: "api-token", detector: "secretlint:npm/NPM_ACCESS_TOKEN", hashOf: "npm_" + "a".repeat(36) }]],
    // secretlint's AWS secret-key range starts at the variable name with the key's length: the hit hashes the key.
    ["an AWS secret key reported from its name", `aws_secret_access_key=${secretKey}`, [{ ruleId: rule("aws"), messageId: "AWSSecretAccessKey", start: 0, end: 40 }], [{ kind: "aws-secret-access-key", detector: "secretlint:aws/AWSSecretAccessKey", hashOf: secretKey }]],
    ["AWS's documentation secret key", AWS_DOCS_KEYS.secret, [{ ruleId: rule("aws"), messageId: "AWSSecretAccessKey", start: 0, end: 40 }], []],
    ["a private key secretlint validated, header also matching the pattern", FAKE.privateKey, [{ ruleId: rule("privatekey"), messageId: "PrivateKey", start: 0, end: FAKE.privateKey.length }], [{ kind: "private-key", detector: "secretlint:privatekey/PrivateKey", hashOf: FAKE.privateKey }]],
    ["a connection string and a key id beside it", `${FAKE.urlCreds} ${FAKE.awsKeyId}`, [{ ruleId: rule("database-connection-string"), messageId: "PostgreSQLConnection", start: 0, end: FAKE.urlCreds.length }], [{ kind: "url-credentials", detector: "secretlint:database-connection-string/PostgreSQLConnection", hashOf: FAKE.urlCreds }, { kind: "aws-access-key-id", detector: "pattern:aws-access-key-id", hashOf: FAKE.awsKeyId }]],
  ])("%s", (_name, value, lint, expected) => {
    const hits = detectSecrets({ location: "l", name: "X", value }, SALT, lint);
    expect(hits.map((h) => ({ kind: h.kind, detector: h.detector, hash: h.hash, confidence: h.confidence }))).toEqual(
      expected.map((e) => ({ kind: e.kind, detector: e.detector, hash: saltedHash(SALT, e.hashOf), confidence: "high" })),
    );
  });
});

describe("detectSecrets — name + value heuristic", () => {
  it.each([
    ["DB_PASSWORD", "hunter2hunter2", "medium"],
    ["api_key", "abcdabcdabcd", "medium"],
    ["CLIENT_SECRET", "s3cr3t-Value", "medium"],
    ["AUTH_TOKEN", "Zk9#qL2!vR7$wX4pT8m", "high"], // ≥ 16 chars, entropy > 3.5
    ["PRIVATE-KEY", "mD8fK2pQ9zL4xV7nB3cR", "high"],
  ])("%s=%s → %s", (name, value, confidence) => {
    expect(detectSecrets({ location: "l", name, value }, SALT)).toEqual([expect.objectContaining({ kind: "named-secret", confidence })]);
  });
});

describe("detectSecrets — false positives stay silent", () => {
  it.each([
    ["non-secret name", "LOG_LEVEL", "verbose-debugging-mode"],
    ["too short", "PASSWORD", "short"],
    ["boolean", "AUTH_ENABLED", "false"],
    ["number", "TOKEN_TTL_SECONDS", "86400000"],
    ["placeholder changeme", "DB_PASSWORD", "changeme"],
    ["placeholder xxx", "DB_PASSWORD", "xxxxxxxx"],
    ["placeholder <...>", "API_KEY", "<your-api-key-here>"],
    ["Secrets Manager ARN", "DB_PASSWORD_ARN", "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf"],
    ["SSM parameter ARN", "API_KEY", "arn:aws:ssm:eu-west-1:111111111111:parameter/app/key"],
    ["dynamic reference", "SECRET", "{{resolve:secretsmanager:db:SecretString:password}}"],
    ["template variable", "TOKEN", "${TOKEN_FROM_PIPELINE}"],
    ["plain URL", "AUTH_URL", "https://login.example.com/oauth2/authorize"],
    ["URL with a templated password", "DATABASE_URL", "postgres://app:${DB_PASSWORD}@db.internal:5432/app"],
    ["file path", "CREDENTIALS_FILE", "/etc/app/credentials.json"],
    ["AWS docs example key id", "ACCESS_KEY_ID", FAKE.awsDocsExample],
    ["AWS docs example secret key", "AWS_SECRET_ACCESS_KEY", AWS_DOCS_KEYS.secret],
    ["empty", "PASSWORD", ""],
  ])("%s", (_name, name, value) => {
    expect(detectSecrets({ location: "l", name, value }, SALT)).toEqual([]);
  });
});

describe("secret hygiene", () => {
  it("never returns the value, only a 12-hex salted hash", () => {
    const value = "hunter2hunter2";
    const [hit] = detectSecrets({ location: "l", name: "PASSWORD", value }, SALT);
    expect(JSON.stringify(hit)).not.toContain(value);
    expect(hit?.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(hit?.hash).toBe(saltedHash(SALT, value));
  });
  it("hash depends on the salt", () => {
    expect(saltedHash("a", "v")).not.toBe(saltedHash("b", "v"));
  });
  it("the same key in two places hashes the same (correlation)", () => {
    const a = detectSecrets({ location: "a", value: `x ${FAKE.awsKeyId}` }, SALT);
    const b = detectSecrets({ location: "b", value: FAKE.awsKeyId }, SALT);
    expect(a[0]?.hash).toBe(b[0]?.hash);
  });
});

describe("references and entropy", () => {
  it.each([
    ["arn:aws:secretsmanager:us-east-1:1:secret:x", true],
    ["arn:aws-us-gov:ssm:us-gov-west-1:1:parameter/x", true],
    ["{{resolve:ssm:/x}}", true],
    ["${X}", true],
    ["plain", false],
  ])("isReference(%s) = %s", (v, expected) => expect(isReference(v)).toBe(expected));
  it("entropy of a repeated character is 0 and of 16 distinct characters is 4", () => {
    expect(shannonEntropy("aaaaaaaa")).toBe(0);
    expect(shannonEntropy("0123456789abcdef")).toBe(4);
  });
});

describe("user data", () => {
  const script = `#!/bin/bash\nexport DB_PASSWORD="hunter2hunter2"\naws configure set aws_access_key_id ${FAKE.awsKeyId}\nexport SECRET_ARN=arn:aws:secretsmanager:eu-west-1:1:secret:x\necho done\n`;
  const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");

  it.each([
    ["plain base64", b64(script)],
    ["gzip then base64", b64(gzipSync(script))],
  ])("decodes %s", (_n, encoded) => {
    expect(decodeUserData(encoded)).toBe(script);
  });

  it("finds assignments and key patterns, counts references, and numbers lines", () => {
    const { hits, references } = scanUserData({ location: "i-0abc userData", userDataBase64: b64(gzipSync(script)) }, SALT);
    expect(hits.map((h) => [h.kind, h.confidence, h.location])).toEqual([
      ["named-secret", "medium", "i-0abc userData part 1 line 2"],
      ["aws-access-key-id", "high", "i-0abc userData part 1 line 3"],
    ]);
    expect(references).toBe(1);
  });

  it("splits MIME multi-part user data and decodes base64 parts", () => {
    const cloudConfig = `#cloud-config\nwrite_files:\n  - path: /etc/app.env\nruncmd:\n  - echo ${FAKE.google}\n`;
    const mime = [
      'Content-Type: multipart/mixed; boundary="==BOUNDARY=="',
      "MIME-Version: 1.0",
      "",
      "--==BOUNDARY==",
      'Content-Type: text/cloud-config; charset="us-ascii"',
      "Content-Transfer-Encoding: base64",
      "",
      b64(cloudConfig),
      "--==BOUNDARY==",
      "Content-Type: text/x-shellscript",
      "",
      "#!/bin/sh\nAPI_KEY=abcdabcdabcd",
      "--==BOUNDARY==--",
    ].join("\n");
    expect(splitUserDataParts(mime)).toHaveLength(2);
    const { hits } = scanUserData({ location: "lt-1", userDataBase64: b64(mime) }, SALT);
    expect(hits.map((h) => h.kind)).toEqual(["google-api-key", "named-secret"]);
  });

  it("places a secretlint report on the line it starts, once, beside the line patterns", () => {
    const pem = FAKE.privateKey;
    const part = `#!/bin/bash\ncat > /etc/app.key <<'PEM'\n${pem}\nPEM\nexport KEY_ID=${FAKE.awsKeyId}\n`;
    const start = part.indexOf(pem);
    const lint: LintMatch[] = [{ ruleId: "@secretlint/secretlint-rule-privatekey", messageId: "PrivateKey", start, end: start + pem.length }];
    const { hits } = scanUserDataParts({ location: "i", parts: [part] }, SALT, [lint]);
    expect(hits.map((h) => [h.kind, h.location, h.detector])).toEqual([
      ["private-key", "i part 1 line 3", "secretlint:privatekey/PrivateKey"],
      ["aws-access-key-id", "i part 1 line 7", "pattern:aws-access-key-id"],
    ]);
  });

  it("finds nothing in a clean script", () => {
    expect(scanUserData({ location: "i", userDataBase64: b64("#!/bin/bash\nyum install -y nginx\nexport PORT=8080\n") }, SALT).hits).toEqual([]);
  });
});
