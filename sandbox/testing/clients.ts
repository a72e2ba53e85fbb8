// Builds any SDK v3 client against a running sandbox: endpoint override, Region, credentials and
// the loopback handler — nothing else, so the client behaves as it would against AWS.
import type { AwsCredentialIdentity } from "@smithy/types";
import { loopbackHttpHandler } from "./loopback";
import type { Sandbox } from "../server";
import { scannerOf } from "../scenario/builder";

export interface ClientOptions {
  region?: string;
  credentials?: AwsCredentialIdentity;
  maxAttempts?: number;
  forcePathStyle?: boolean;
  /** S3 only: follow 301 PermanentRedirect to the bucket's Region (default true). */
  followRegionRedirects?: boolean;
}

type ClientCtor<C> = new (config: Record<string, unknown>) => C;

/** `makeClient(sandbox, S3Client, { credentials })`; defaults to the scanner's key (the management account's unless placed elsewhere). */
export function makeClient<C>(sandbox: Pick<Sandbox, "endpoint" | "scenario">, Ctor: ClientCtor<C>, o: ClientOptions = {}): C {
  const m = scannerOf(sandbox.scenario);
  return new Ctor({
    endpoint: sandbox.endpoint,
    region: o.region ?? "us-east-1",
    credentials: o.credentials ?? { accessKeyId: m.accessKeyId, secretAccessKey: m.secretAccessKey },
    requestHandler: loopbackHttpHandler(),
    maxAttempts: o.maxAttempts ?? 3,
    // Path-style S3 keeps bucket names out of the host (checks.md §15.6); other clients ignore it.
    forcePathStyle: o.forcePathStyle ?? true,
    followRegionRedirects: o.followRegionRedirects ?? true,
  });
}

/** Credentials for account `accountId` through the sandbox's own sts:AssumeRole. */
export async function assumeRole(
  sandbox: Pick<Sandbox, "endpoint" | "scenario">,
  accountId: string,
  o: { roleName?: string; externalId?: string | null; region?: string } = {},
): Promise<AwsCredentialIdentity> {
  const { STSClient, AssumeRoleCommand } = await import("@aws-sdk/client-sts");
  const sts = makeClient(sandbox, STSClient, { region: o.region });
  const s = sandbox.scenario;
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${o.roleName ?? s.access.roleName}`,
      RoleSessionName: "tenfold-test",
      ExternalId: o.externalId === null ? undefined : (o.externalId ?? s.access.externalId),
      DurationSeconds: 3600,
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
}
