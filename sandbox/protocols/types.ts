import type { ServiceDef } from "../core";
import type { SandboxError } from "../errors";
import type { OperationPlan } from "../wire/plan";

export interface WireRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** A compiled service: its definition plus operation plans and (for REST protocols) routes. */
export interface CompiledService {
  def: ServiceDef;
  ops: Map<string, OperationPlan>;
  routes: Route[];
}

export interface Route {
  op: string;
  method: string;
  /** Path segments; `{Name}` / `{Name+}` are labels. */
  segments: string[];
  /** Literal query keys (and values) from the model's URI, e.g. `?policyStatus` or `?x-id=ListBuckets`. */
  queryLiterals: [string, string][];
}

export interface ProtocolCodec {
  /** Operation name from the request, or undefined when the service has no such operation. */
  operation(svc: CompiledService, req: WireRequest): { op: string; labels?: Record<string, string> } | undefined;
  decode(svc: CompiledService, plan: OperationPlan, req: WireRequest, labels?: Record<string, string>): Record<string, unknown>;
  encode(svc: CompiledService, plan: OperationPlan, output: unknown, requestId: string): Reply;
  error(svc: CompiledService, err: SandboxError, requestId: string): Reply;
}
