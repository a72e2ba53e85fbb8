// SDK v3 client factory: one client per (credentials, Region, service), cached; retry settings from
// AwsSettings; endpoint overrides (with the loopback tweaks of checks.md §15.6 only for loopback);
// a middleware that counts calls per service and bounds the calls in flight per account.
import { AccessAnalyzerClient } from "@aws-sdk/client-accessanalyzer";
import { AccountClient } from "@aws-sdk/client-account";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { CodeBuildClient } from "@aws-sdk/client-codebuild";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ECRClient } from "@aws-sdk/client-ecr";
import { ECSClient } from "@aws-sdk/client-ecs";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { IAMClient } from "@aws-sdk/client-iam";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { KMSClient } from "@aws-sdk/client-kms";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { Macie2Client } from "@aws-sdk/client-macie2";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { S3Client } from "@aws-sdk/client-s3";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SecurityHubClient } from "@aws-sdk/client-securityhub";
import { STSClient } from "@aws-sdk/client-sts";
import https from "node:https";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { ScanAbortedError } from "./errors";
import { createLimiter, type Limiter } from "./limiter";
import { isLoopbackUrl, loopbackHttpHandler } from "./loopback";
import { createPacer, isPacedService, type Pacer } from "./pacing";
import type { AwsSettings } from "./settings";

/** Service key → client constructor and the serviceId suffix of its AWS_ENDPOINT_URL_<SERVICE> variable. */
export const SERVICES = {
  accessanalyzer: { ctor: AccessAnalyzerClient, env: "ACCESSANALYZER" },
  account: { ctor: AccountClient, env: "ACCOUNT" },
  cloudtrail: { ctor: CloudTrailClient, env: "CLOUDTRAIL" },
  codebuild: { ctor: CodeBuildClient, env: "CODEBUILD" },
  ec2: { ctor: EC2Client, env: "EC2" },
  ecr: { ctor: ECRClient, env: "ECR" },
  ecs: { ctor: ECSClient, env: "ECS" },
  eventbridge: { ctor: EventBridgeClient, env: "EVENTBRIDGE" },
  guardduty: { ctor: GuardDutyClient, env: "GUARDDUTY" },
  iam: { ctor: IAMClient, env: "IAM" },
  inspector2: { ctor: Inspector2Client, env: "INSPECTOR2" },
  kms: { ctor: KMSClient, env: "KMS" },
  lambda: { ctor: LambdaClient, env: "LAMBDA" },
  macie2: { ctor: Macie2Client, env: "MACIE2" },
  organizations: { ctor: OrganizationsClient, env: "ORGANIZATIONS" },
  s3: { ctor: S3Client, env: "S3" },
  s3control: { ctor: S3ControlClient, env: "S3_CONTROL" },
  secretsmanager: { ctor: SecretsManagerClient, env: "SECRETS_MANAGER" },
  securityhub: { ctor: SecurityHubClient, env: "SECURITYHUB" },
  sts: { ctor: STSClient, env: "STS" },
} as const;

export type ServiceKey = keyof typeof SERVICES;
export type ClientOf<K extends ServiceKey> = InstanceType<(typeof SERVICES)[K]["ctor"]>;

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** Called once per AWS call (a command `send`, retries not counted separately). */
export type ApiCallListener = (service: ServiceKey, operation: string) => void;

/** The endpoint override for a service: AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL. */
export function endpointFor(service: ServiceKey, overrides: Record<string, string>): string | undefined {
  const specific = overrides[`AWS_ENDPOINT_URL_${SERVICES[service].env}`];
  const v = specific !== undefined && specific !== "" ? specific : overrides.AWS_ENDPOINT_URL;
  return v !== undefined && v !== "" ? v : undefined;
}

/** Client config for one service (exported for tests). */
export function clientConfig(
  service: ServiceKey,
  region: string,
  settings: Pick<AwsSettings, "maxAttempts" | "retryMode" | "endpointOverrides">,
  loopbackHandler: () => NodeHttpHandler,
  defaultHandler?: () => NodeHttpHandler,
): Record<string, unknown> {
  const config: Record<string, unknown> = { region, maxAttempts: settings.maxAttempts, retryMode: settings.retryMode };
  const endpoint = endpointFor(service, settings.endpointOverrides);
  if (endpoint !== undefined && isLoopbackUrl(endpoint)) config.requestHandler = loopbackHandler();
  else if (defaultHandler) config.requestHandler = defaultHandler();
  if (endpoint !== undefined) {
    config.endpoint = endpoint;
    // A custom endpoint cannot serve virtual-hosted bucket names (checks.md §15.6).
    if (service === "s3") config.forcePathStyle = true;
  } else if (service === "s3") {
    // Buckets of every Region are read with the client of their BucketRegion; redirects cover the rest.
    config.followRegionRedirects = true;
  }
  return config;
}

type Stack = { middlewareStack: { add: (mw: unknown, options: Record<string, unknown>) => void } };

/** The AWS operation a middleware sees: "GetFindingsCommand" → "GetFindings". */
const operationOf = (context: { commandName?: string }) => (context.commandName ?? "Unknown").replace(/Command$/, "");

/**
 * Clients for one set of credentials (one account). `get(service, region)` returns a cached client.
 * Every call is counted (`onApiCall`) and either paced where AWS's quota requires it (./pacing) or
 * bounded by the account's limiter.
 */
export class ClientFactory {
  private readonly cache = new Map<string, unknown>();
  readonly calls: Record<string, number>;
  private readonly limiter: Limiter;
  /** Per credentials (one account's quotas), so a derived factory paces its own account. */
  private readonly pace: Pacer = createPacer();
  private ownSignal?: AbortSignal;

  constructor(
    readonly credentials: Credentials,
    private readonly settings: AwsSettings,
    private readonly shared: SharedClientParts,
    limiter?: Limiter,
    private readonly parent?: ClientFactory,
  ) {
    this.limiter = limiter ?? createLimiter(settings.perAccountConcurrency);
    this.calls = parent?.calls ?? {};
  }

  /** Abort signal checked before every call (a derived factory follows its parent's). */
  get signal(): AbortSignal | undefined {
    return this.ownSignal ?? this.parent?.signal;
  }
  set signal(s: AbortSignal | undefined) {
    this.ownSignal = s;
  }

  /**
   * Clients with other credentials (e.g. a delegated admin's) whose calls count towards this factory
   * and share its limiter and abort signal.
   */
  derive(credentials: Credentials): ClientFactory {
    return new ClientFactory(credentials, this.settings, this.shared, this.limiter, this);
  }

  get<K extends ServiceKey>(service: K, region: string = this.settings.homeRegion): ClientOf<K> {
    const key = `${service}|${region}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit as ClientOf<K>;
    const Ctor = SERVICES[service].ctor as unknown as new (c: Record<string, unknown>) => ClientOf<K>;
    const client = new Ctor({
      ...clientConfig(service, region, this.settings, this.shared.loopbackHandler, this.shared.defaultHandler),
      credentials: this.credentials,
    });
    const paced = isPacedService(service);
    (client as unknown as Stack).middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        const operation = operationOf(context);
        const send = async () => {
          if (this.signal?.aborted) throw new ScanAbortedError();
          this.calls[service] = (this.calls[service] ?? 0) + 1;
          this.shared.onApiCall?.(service, operation);
          return next(args);
        };
        // Paced calls skip the in-flight limiter: they wait for their pace below, and holding one of the
        // account's slots meanwhile would stall its other calls.
        return paced ? send() : this.limiter(send);
      },
      { step: "initialize", name: "tenfoldCallCounter", priority: "high" },
    );
    // The pace is taken last, right before the HTTP request (and for every retry): taken earlier, the
    // time the SDK spends serialising and signing — longest for a new client's first call — would let
    // calls reach AWS closer together than the pace.
    if (paced)
      (client as unknown as Stack).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          await this.pace(service, operationOf(context));
          return next(args);
        },
        { step: "deserialize", name: "tenfoldPace", priority: "low" },
      );
    this.cache.set(key, client);
    return client;
  }

  /** Drops cached clients (their HTTP handler is shared by the scanner and stays open). */
  clear(): void {
    this.cache.clear();
  }
}

export type SharedClientParts = {
  loopbackHandler: () => NodeHttpHandler;
  /** Keep-alive handler shared by every non-loopback client (one socket pool per scanner, not per client). */
  defaultHandler?: () => NodeHttpHandler;
  onApiCall?: ApiCallListener;
};

/** Shared per-scanner parts: HTTP handlers are created lazily, once. Clients are never destroyed individually. */
export function sharedClientParts(onApiCall?: ApiCallListener, maxSockets = 256): SharedClientParts {
  let loopback: NodeHttpHandler | undefined;
  let remote: NodeHttpHandler | undefined;
  return {
    loopbackHandler: () => (loopback ??= loopbackHttpHandler()),
    defaultHandler: () => (remote ??= new NodeHttpHandler({ httpsAgent: new https.Agent({ keepAlive: true, maxSockets }) })),
    onApiCall,
  };
}
