// Types shared by the server, the protocols and the service modules.
import { createRequire } from "node:module";
import type { AccountData, RegionData, Scenario } from "./scenario/types";

export type Protocol = "query" | "ec2" | "json1.0" | "json1.1" | "restJson" | "restXml";

export interface Identity {
  accountId: string;
  /** ARN reported by GetCallerIdentity and in AccessDenied messages. */
  arn: string;
  userId: string;
  expiration?: Date;
}

/** Mutable per-server state that is not part of the scenario (issued sessions, report jobs). */
export interface ServerState {
  sessions: Map<string, Identity>;
  /** accountId → when the credential report was requested (real ms) and the clock it captured. */
  reports: Map<string, { generatedTime: Date; readyAt: number }>;
}

export interface Ctx {
  scenario: Scenario;
  state: ServerState;
  caller: Identity;
  account: AccountData;
  region: string;
  service: string;
  operation: string;
  requestId: string;
  /** Raw request headers (lower-case), for the few handlers that need them (S3 Control). */
  headers: Record<string, string | string[] | undefined>;
}

// Handlers receive and return SDK-shaped objects; the protocol layer does the wire encoding.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (ctx: Ctx, input: any) => unknown;

export interface ServiceDef {
  /** Name used in the request log and in fault rules (the signing name, `s3control` for S3 Control). */
  name: string;
  protocol: Protocol;
  /** The SDK client module (loaded on first use); its `<Op>$` schemas drive decoding and encoding. */
  sdk: () => Record<string, unknown>;
  version?: string;
  xmlNamespace?: string;
  targetPrefix?: string;
  /** Global services accept any signing Region (they sign with the client's Region on an endpoint override). */
  global: boolean;
  throttle: { code: string; status: number };
  handlers: Record<string, Handler>;
}

const EMPTY_REGION: Partial<RegionData> = Object.freeze({});

/** The caller's resources in the request's Region (empty when the scenario has none there). */
export function regionOf(ctx: Ctx, region = ctx.region): Partial<RegionData> {
  return ctx.account.regions[region] ?? EMPTY_REGION;
}

const requireHere = createRequire(import.meta.url);

/**
 * An SDK client package loaded on first request for its service, so a process (or a test file)
 * that exercises two services does not pay for loading all nineteen.
 */
export function sdkModule(pkg: string): () => Record<string, unknown> {
  let mod: Record<string, unknown> | undefined;
  return () => (mod ??= requireHere(pkg) as Record<string, unknown>);
}

/** A typed handler with the SDK's input type. */
export function op<I, O>(fn: (ctx: Ctx, input: I) => O | Promise<O>): Handler {
  return fn as Handler;
}
