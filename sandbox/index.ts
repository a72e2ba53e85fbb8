// Public entry points of the sandbox (tests, benchmarks, the demo). Product code never imports this.
export { startSandbox, type Sandbox, type SandboxOptions } from "./server";
export { SandboxError } from "./errors";
export { awsLikeRateLimits, type FaultRule, type RateLimitRule } from "./faults";
export { RequestLog, type RequestRecord, type RequestFilter, type Counter } from "./request-log";
export * from "./scenario/builder";
export * from "./scenario/clock";
export type * from "./scenario/types";
export { buildCredentialReport, CREDENTIAL_REPORT_COLUMNS } from "./credential-report";
export { DEFAULT_REGIONS, OPT_IN_REGIONS } from "./regions";
export { makeClient, assumeRole, type ClientOptions } from "./testing/clients";
export { loopbackHttpHandler, loopbackAgent, loopbackLookup } from "./testing/loopback";
export * from "./demo";
