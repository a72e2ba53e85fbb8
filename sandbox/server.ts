// The sandbox HTTP server: one loopback listener for every service. The service comes from the
// SigV4 credential scope, the calling account from the access key (see product.md §5).
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Ctx, Identity, Protocol, ServerState } from "./core";
import { SandboxError } from "./errors";
import { FaultEngine, type FaultRule, type RateLimitRule } from "./faults";
import { makeJson } from "./protocols/json";
import { awsQuery, ec2Query } from "./protocols/query";
import { restJson, restXml, compileRoute } from "./protocols/rest";
import type { CompiledService, ProtocolCodec, Reply, WireRequest } from "./protocols/types";
import { RequestLog } from "./request-log";
import { scannerOf } from "./scenario/builder";
import type { Scenario } from "./scenario/types";
import { SERVICES } from "./services";
import { operationPlan, type OperationPlan } from "./wire/plan";

export interface SandboxOptions {
  scenario: Scenario;
  faults?: FaultRule[];
  rateLimits?: RateLimitRule[];
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Ring-buffer size of the request log (counters are never truncated). */
  logCapacity?: number;
  /**
   * Extra unsigned control routes under `/_sandbox/` (besides `GET status` and `PUT clock`), for a
   * sandbox in another process: return a JSON-able answer, or undefined for 404.
   */
  control?: (method: string, path: string, body: string, sandbox: Sandbox) => unknown;
}

export interface Sandbox {
  /** e.g. http://localhost:54321 — use it as AWS_ENDPOINT_URL. */
  endpoint: string;
  port: number;
  /** The live scenario; mutate it directly or through `update`. */
  readonly scenario: Scenario;
  requests: RequestLog;
  setScenario(scenario: Scenario): void;
  update(fn: (scenario: Scenario) => void): void;
  setClock(clock: Date): void;
  setFaults(faults: FaultRule[], rateLimits?: RateLimitRule[]): void;
  /** Environment variables that point an SDK (or Tenfold) at this sandbox with the scanner's key (`scannerOf`). */
  env(region?: string): Record<string, string>;
  stop(): Promise<void>;
}

const CODECS: Record<Protocol, ProtocolCodec> = {
  query: awsQuery,
  ec2: ec2Query,
  "json1.0": makeJson("1.0"),
  "json1.1": makeJson("1.1"),
  restJson,
  restXml,
};

/** Auth failures per protocol: [invalid key, expired session] as [code, status]. */
const AUTH: Record<Protocol, { invalid: [string, number]; expired: [string, number] }> = {
  query: { invalid: ["InvalidClientTokenId", 403], expired: ["ExpiredToken", 403] },
  // AuthFailure is deliberately avoided: the SDK retries it as clock skew (checks.md §0.8).
  ec2: { invalid: ["InvalidClientTokenId", 401], expired: ["ExpiredToken", 400] },
  "json1.0": { invalid: ["UnrecognizedClientException", 400], expired: ["ExpiredTokenException", 400] },
  "json1.1": { invalid: ["UnrecognizedClientException", 400], expired: ["ExpiredTokenException", 400] },
  restJson: { invalid: ["UnrecognizedClientException", 403], expired: ["ExpiredTokenException", 403] },
  restXml: { invalid: ["InvalidAccessKeyId", 403], expired: ["ExpiredToken", 400] },
};

const DEFS = new Map(SERVICES.map((d) => [d.name, d]));
const compiled = new Map<string, CompiledService>();

/** A service's plans, built from its SDK schemas on first use and kept for the process (they never change). */
function service(name: string): CompiledService | undefined {
  const hit = compiled.get(name);
  if (hit) return hit;
  const def = DEFS.get(name);
  if (!def) return undefined;
  const sdk = def.sdk();
  const ops = new Map<string, OperationPlan>();
  const routes = [];
  for (const op of Object.keys(def.handlers)) {
    const plan = operationPlan(sdk, op);
    ops.set(op, plan);
    if (def.protocol === "restJson" || def.protocol === "restXml") {
      const r = compileRoute(plan);
      if (r) routes.push(r);
    }
  }
  const svc = { def, ops, routes };
  compiled.set(name, svc);
  return svc;
}

const AUTH_RE = /Credential=([^/,\s]+)\/[^/]+\/([^/]+)\/([^/]+)\/aws4_request/;

function plainError(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json", "x-amzn-errortype": code });
  res.end(JSON.stringify({ __type: code, message }));
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  let scenario = options.scenario;
  const state: ServerState = { sessions: new Map(), reports: new Map() };
  const faults = new FaultEngine(scenario.seed, options.faults ?? [], options.rateLimits ?? []);
  const log = new RequestLog(options.logCapacity ?? 200_000);

  function identify(akid: string): Identity | undefined {
    for (const m of [scenario.scanner, scenario.management])
      if (m && akid === m.accessKeyId) return { accountId: m.accountId, arn: m.principalArn, userId: `AIDA${m.accountId}SCANNER` };
    return state.sessions.get(akid);
  }

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const t0 = performance.now();
    const at = Date.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const wreq: WireRequest = {
      method: req.method ?? "GET",
      path: q < 0 ? url : url.slice(0, q),
      query: new URLSearchParams(q < 0 ? "" : url.slice(q + 1)),
      headers: req.headers,
      body: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks),
    };
    if (wreq.path.startsWith("/_sandbox/") && req.headers.authorization === undefined) return control(wreq, res);
    const auth = AUTH_RE.exec(req.headers.authorization ?? "");
    if (!auth) return plainError(res, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    const [, akid = "", region = "", signingName = ""] = auth;
    const svcName =
      signingName === "s3" && (wreq.path.startsWith("/v20180820/") || req.headers["x-amz-account-id"] !== undefined) ? "s3control" : signingName;
    const svc = service(svcName);
    if (!svc) return plainError(res, 400, "UnknownServiceException", `The sandbox does not implement service ${signingName}`);
    const codec = CODECS[svc.def.protocol];
    const requestId = randomUUID();
    const resolved = codec.operation(svc, wreq);
    const operation = resolved?.op ?? "Unknown";
    const caller = identify(akid);
    const accountId = caller?.accountId ?? "unknown";
    let reply: Reply;
    let errorCode: string | undefined;
    try {
      const plan = resolved && svc.ops.get(resolved.op);
      if (!resolved || !plan) throw new SandboxError(svc.def.protocol === "query" || svc.def.protocol === "ec2" ? "InvalidAction" : "UnknownOperationException", `The sandbox does not implement this ${svc.def.name} operation`, 400);
      const authErr = AUTH[svc.def.protocol];
      if (!caller) throw new SandboxError(authErr.invalid[0], "The security token included in the request is invalid.", authErr.invalid[1]);
      if (caller.expiration && caller.expiration.getTime() <= scenario.clock.getTime())
        throw new SandboxError(authErr.expired[0], "The security token included in the request is expired", authErr.expired[1]);
      const account = scenario.accounts[caller.accountId] ?? scenario.outsideAccounts?.[caller.accountId];
      if (!account) throw new SandboxError(authErr.invalid[0], "The security token included in the request is invalid.", authErr.invalid[1]);
      // A Region the account has not enabled answers as AWS does for a disabled opt-in Region.
      if (!svc.def.global && !account.enabledRegions.includes(region))
        throw new SandboxError(authErr.invalid[0], "The security token included in the request is invalid.", authErr.invalid[1]);
      const decision = faults.decide(svc.def.name, operation, caller.accountId, region);
      if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
      if (decision.error) {
        const code = decision.error.code ?? svc.def.throttle.code;
        const status = decision.error.status ?? (code === svc.def.throttle.code ? svc.def.throttle.status : defaultStatus(code, svc.def.protocol));
        throw new SandboxError(code, decision.error.message ?? (status >= 500 ? "We encountered an internal error. Please try again." : "Rate exceeded"), status);
      }
      let input: Record<string, unknown>;
      try {
        input = codec.decode(svc, plan, wreq, resolved.labels);
      } catch {
        const query = svc.def.protocol === "query" || svc.def.protocol === "ec2";
        throw new SandboxError(query ? "MalformedQueryString" : "SerializationException", "The request body could not be parsed", 400);
      }
      const ctx: Ctx = { scenario, state, caller, account, region, service: svc.def.name, operation, requestId, headers: req.headers };
      const handler = svc.def.handlers[operation];
      const output = handler ? await handler(ctx, input) : {};
      reply = codec.encode(svc, plan, output, requestId);
    } catch (e) {
      if (!(e instanceof SandboxError)) console.error(`sandbox: ${svc.def.name}.${operation} failed`, e);
      const err = e instanceof SandboxError ? e : new SandboxError(svc.def.protocol === "restXml" ? "InternalError" : "InternalFailure", "Internal sandbox error", 500);
      errorCode = err.code;
      reply = codec.error(svc, err, requestId);
    }
    const r = reply;
    res.writeHead(r.status, { ...r.headers, "x-amzn-requestid": requestId, "x-amz-request-id": requestId });
    res.end(r.body);
    log.add({
      service: svc.def.name,
      operation,
      account: accountId,
      region,
      status: r.status,
      errorCode,
      latencyMs: performance.now() - t0,
      at,
      host: req.headers.host,
    });
  }

  // Loopback-only test controls; never part of the AWS surface (no SigV4, `/_sandbox/` prefix).
  function control(wreq: WireRequest, res: http.ServerResponse): void {
    const body = wreq.body.toString("utf8");
    let out: unknown;
    try {
      if (wreq.method === "GET" && wreq.path === "/_sandbox/status")
        out = { clock: scenario.clock.toISOString(), accounts: Object.keys(scenario.accounts).length, organization: scenario.organization?.id ?? null, totals: log.totals() };
      else if (wreq.method === "PUT" && wreq.path === "/_sandbox/clock") {
        const clock = new Date((JSON.parse(body) as { clock?: string }).clock ?? "");
        if (Number.isNaN(clock.getTime())) return plainError(res, 400, "ValidationException", 'body must be {"clock": "<ISO date>"}');
        scenario.clock = clock;
        out = { clock: clock.toISOString() };
      } else out = options.control?.(wreq.method, wreq.path, body, handle);
    } catch (e) {
      return plainError(res, 400, "ValidationException", e instanceof Error ? e.message : String(e));
    }
    if (out === undefined) return plainError(res, 404, "NotFound", `no control route ${wreq.method} ${wreq.path}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(out));
  }

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      console.error("sandbox: request failed", e);
      if (!res.headersSent) plainError(res, 500, "InternalFailure", "Internal sandbox error");
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // `localhost` rather than 127.0.0.1 so S3 Control's `<account>.localhost` host is a valid name.
  const endpoint = `http://localhost:${port}`;

  const handle: Sandbox = {
    endpoint,
    port,
    get scenario() {
      return scenario;
    },
    requests: log,
    setScenario(s) {
      scenario = s;
      state.reports.clear();
    },
    update(fn) {
      fn(scenario);
    },
    setClock(clock) {
      scenario.clock = clock;
    },
    setFaults(f, rl) {
      faults.set(f, rl);
    },
    env(region = "us-east-1") {
      return {
        AWS_ENDPOINT_URL: endpoint,
        AWS_ACCESS_KEY_ID: scannerOf(scenario).accessKeyId,
        AWS_SECRET_ACCESS_KEY: scannerOf(scenario).secretAccessKey,
        AWS_REGION: region,
      };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return handle;
}

function defaultStatus(code: string, protocol: Protocol): number {
  if (/AccessDenied|UnauthorizedOperation/.test(code)) return protocol === "json1.0" || protocol === "json1.1" ? 400 : 403;
  if (code === "ServiceUnavailable" || code === "SlowDown" || code === "RequestLimitExceeded") return 503;
  if (/Internal|ServiceFailure/.test(code)) return 500;
  return 400;
}
