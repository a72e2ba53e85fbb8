// The detector as the collectors run it: real secretlint (recommended preset) plus the spec's patterns,
// on text shaped like a Lambda environment and like user data (fake values from the shared corpus).
import { describe, expect, it } from "vitest";
import { saltedHash } from "@/lib/scoring/secrets/detector";
import { AWS_DOCS_KEYS, FAKE_SECRETS } from "@/lib/scoring/testing/fake-secrets";
import { SecretScanBuilder } from "./secrets-scan";
import { lintText } from "./secretlint";

const SALT = "test-salt";
const FAKE = { ...FAKE_SECRETS, github: FAKE_SECRETS.githubMixed };
const DOCS = AWS_DOCS_KEYS;

const scanEnv = async (vars: Record<string, string>) => {
  const b = new SecretScanBuilder(SALT);
  b.total = 1;
  await b.scanPairs({ arn: "arn:fn" }, Object.entries(vars).map(([name, value]) => ({ location: `arn:fn Environment.Variables.${name}`, name, value })));
  return b.build();
};

describe("secretlint in the collectors", () => {
  it.each([
    ["AWS secret access key", { AWS_SECRET_ACCESS_KEY: FAKE.awsSecret }, "aws-secret-access-key", "secretlint:aws/AWSSecretAccessKey", FAKE.awsSecret],
    ["GitHub token", { GITHUB_TOKEN: FAKE.github }, "github-token", "secretlint:github/GITHUB_TOKEN", FAKE.github],
    ["Slack token", { SLACK: FAKE.slack }, "slack-token", "secretlint:slack/SLACK_TOKEN", FAKE.slack],
    ["Stripe live key", { STRIPE: FAKE.stripe }, "stripe-live-key", "secretlint:stripe/STRIPE_SECRET_KEY_LIVE", FAKE.stripe],
    ["Postgres URL with a password", { LEGACY_DSN: FAKE.postgres }, "url-credentials", "secretlint:database-connection-string/PostgreSQLConnection", FAKE.postgres],
    ["AWS access key id (the spec's pattern: secretlint does not flag ids)", { AWS_ACCESS_KEY_ID: FAKE.awsKeyId }, "aws-access-key-id", "pattern:aws-access-key-id", FAKE.awsKeyId],
  ])("%s → one high-confidence hit, hashed, named by its rule", async (_name, vars, kind, detector, value) => {
    const scan = await scanEnv(vars);
    expect(scan.flagged).toHaveLength(1);
    expect(scan.flagged[0]?.hits).toEqual([expect.objectContaining({ kind, detector, confidence: "high", hash: saltedHash(SALT, value) })]);
    expect(JSON.stringify(scan)).not.toContain(value);
  });

  it("AWS's documentation example keys are not secrets", async () => {
    expect((await scanEnv({ AWS_ACCESS_KEY_ID: DOCS.keyId, AWS_SECRET_ACCESS_KEY: DOCS.secret })).flagged).toEqual([]);
    expect(await lintText(`aws_access_key_id=${DOCS.keyId}\naws_secret_access_key=${DOCS.secret}\n`)).toEqual([]);
  });

  it("hands back rule ids and ranges only", async () => {
    const text = `A=1\nGITHUB_TOKEN=${FAKE.github}\n`;
    const [match, ...rest] = await lintText(text);
    expect(rest).toEqual([]);
    expect(match).toEqual({ ruleId: "@secretlint/secretlint-rule-github", messageId: "GITHUB_TOKEN", start: text.indexOf("ghp_"), end: text.indexOf("ghp_") + FAKE.github.length });
  });

  it("scans user data with secretlint per MIME part, one hit per secret", async () => {
    const script = `#!/bin/bash\nexport PGURL=${FAKE.postgres}\ngit clone https://x:${FAKE.github}@github.com/o/r\n`;
    const b = new SecretScanBuilder(SALT);
    await b.scanUserData({ arn: "arn:i" }, "arn:i UserData", Buffer.from(script).toString("base64"));
    const hits = b.build().flagged[0]?.hits ?? [];
    expect(hits.map((h) => [h.kind, h.location])).toEqual([
      ["url-credentials", "arn:i UserData part 1 line 2"],
      // The clone URL's credentials are the token secretlint already reported: not a second hit.
      ["github-token", "arn:i UserData part 1 line 3"],
    ]);
  });

  // Measurement, not an assertion (timing belongs in benchmarks): a typical Lambda environment.
  it("prints what a Lambda environment costs", async () => {
    const env = { STAGE: "prod", TABLE: "orders", QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/111111111111/jobs", LOG_LEVEL: "info", DB_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-Ab12Cd", FEATURE_FLAGS: "a,b,c" };
    await scanEnv(env);
    const runs = 50;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await scanEnv(env);
    console.info(`secretlint + detector: ${((performance.now() - started) / runs).toFixed(2)} ms per 6-variable Lambda environment`);
    expect((await scanEnv(env)).flagged).toEqual([]);
  });
});
