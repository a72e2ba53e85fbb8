// restJson1 and restXml: operation from method + URI template, members bound to labels,
// query string, headers and body as the model says.
import { jsonDecode, jsonEncode, restBindings, xmlEscape, xmlRoot } from "../wire/codec";
import type { MemberPlan, OperationPlan, Plan } from "../wire/plan";
import type { CompiledService, ProtocolCodec, Reply, Route, WireRequest } from "./types";

export function compileRoute(plan: OperationPlan): Route | undefined {
  if (!plan.http) return undefined;
  const [path = "", qs = ""] = plan.http.path.split("?");
  const queryLiterals = qs
    ? qs.split("&").map((kv): [string, string] => {
        const [k = "", v = ""] = kv.split("=");
        return [k, v];
      })
    : [];
  return { op: plan.name, method: plan.http.method, segments: path.split("/").filter(Boolean), queryLiterals };
}

function matchRoute(route: Route, method: string, segs: string[], query: URLSearchParams): Record<string, string> | undefined {
  if (route.method !== method) return undefined;
  for (const [k, v] of route.queryLiterals) {
    const got = query.get(k);
    if (got === null || (v && got !== v)) return undefined;
  }
  const labels: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const s = route.segments[i] ?? "";
    if (s.startsWith("{") && s.endsWith("+}")) {
      labels[s.slice(1, -2)] = segs.slice(i).join("/");
      return labels;
    }
    const got = segs[i];
    if (got === undefined) return undefined;
    if (s.startsWith("{")) labels[s.slice(1, -1)] = got;
    else if (s !== got) return undefined;
  }
  return segs.length === route.segments.length ? labels : undefined;
}

/** S3 binds the bucket through its endpoint rules: the first path segment (path style) or the host label. */
function s3Bucket(req: WireRequest, segs: string[]): string | undefined {
  const host = String(req.headers.host ?? "").split(":")[0] ?? "";
  const dot = host.indexOf(".");
  if (dot > 0 && /\.localhost$|\.amazonaws\.com$/.test(host) && !/^s3[.-]/.test(host)) return host.slice(0, dot);
  return segs.shift();
}

function resolve(svc: CompiledService, req: WireRequest): { op: string; labels: Record<string, string> } | undefined {
  const segs = req.path.split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  const bucket = svc.def.name === "s3" ? s3Bucket(req, segs) : undefined;
  let best: { op: string; labels: Record<string, string>; score: number } | undefined;
  for (const r of svc.routes) {
    const labels = matchRoute(r, req.method, segs, req.query);
    if (labels && bucket !== undefined) {
      if (r.op === "ListBuckets") continue;
      labels.Bucket = bucket;
    } else if (labels && svc.def.name === "s3" && r.op !== "ListBuckets") continue;
    if (labels && (!best || r.queryLiterals.length > best.score)) best = { op: r.op, labels, score: r.queryLiterals.length };
  }
  return best;
}

function payloadMember(plan: Plan): MemberPlan | undefined {
  return plan.kind === "struct" ? plan.members.find((m) => m.httpPayload) : undefined;
}

function headersOf(plan: Plan, output: Record<string, unknown>): Record<string, string> {
  const h: Record<string, string> = {};
  if (plan.kind !== "struct") return h;
  for (const m of plan.members) {
    const v = output[m.name];
    if (m.httpHeader && v !== undefined && v !== null) h[m.httpHeader.toLowerCase()] = v instanceof Date ? v.toUTCString() : String(v);
  }
  return h;
}

function decodeRest(plan: OperationPlan, req: WireRequest, labels: Record<string, string> | undefined, json: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const payload = payloadMember(plan.input);
  if (json && req.body.length) {
    const parsed = JSON.parse(req.body.toString("utf8")) as unknown;
    if (payload) input[payload.name] = payload.plan.kind === "struct" ? jsonDecode(payload.plan, parsed, true) : parsed;
    else Object.assign(input, jsonDecode(plan.input, parsed, true));
  }
  restBindings(plan.input, labels ?? {}, req.query, req.headers, input);
  return input;
}

export const restJson: ProtocolCodec = {
  operation: resolve,
  decode: (_svc, plan, req, labels) => decodeRest(plan, req, labels, true),
  encode(_svc, plan, output): Reply {
    const o = (output ?? {}) as Record<string, unknown>;
    const headers = { "content-type": "application/json", ...headersOf(plan.output, o) };
    const payload = payloadMember(plan.output);
    let body: string;
    if (payload) {
      const v = o[payload.name];
      body = v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(jsonEncode(payload.plan, v, true));
    } else {
      body = JSON.stringify(jsonEncode(plan.output, o, true));
    }
    return { status: plan.http?.code ?? 200, headers, body };
  },
  error(_svc, err): Reply {
    return {
      status: err.httpStatus,
      headers: { "content-type": "application/json", "x-amzn-errortype": err.code },
      body: JSON.stringify({ __type: err.code, message: err.message, Message: err.message }),
    };
  },
};

export const restXml: ProtocolCodec = {
  operation: resolve,
  decode: (_svc, plan, req, labels) => decodeRest(plan, req, labels, false),
  encode(svc, plan, output): Reply {
    const o = (output ?? {}) as Record<string, unknown>;
    const headers = { "content-type": "application/xml", ...headersOf(plan.output, o) };
    const ns = svc.def.xmlNamespace;
    const payload = payloadMember(plan.output);
    const out = plan.output;
    let body = "";
    if (payload) {
      const v = o[payload.name];
      if (typeof v === "string") return { status: plan.http?.code ?? 200, headers: { ...headers, "content-type": "application/json" }, body: v };
      else if (v !== undefined && payload.plan.kind === "struct") body = xmlRoot(payload.xmlName ?? payload.plan.xmlName ?? payload.plan.name, payload.plan, v, ns);
    } else if (out.kind === "struct") {
      const rootName = out.xmlName ?? out.name;
      const only = out.members.length === 1 ? out.members[0] : undefined;
      if (only && (only.xmlName ?? only.name) === rootName && only.plan.kind === "string") {
        // A root element that is its own value, e.g. <LocationConstraint>eu-west-1</LocationConstraint>.
        const v = o[only.name];
        body = `<${rootName} xmlns="${ns ?? ""}">${v ? xmlEscape(String(v)) : ""}</${rootName}>`;
      } else {
        body = xmlRoot(rootName, out, o, ns);
      }
    }
    return { status: plan.http?.code ?? 200, headers, body: body ? `<?xml version="1.0" encoding="UTF-8"?>\n${body}` : "" };
  },
  error(svc, err, requestId): Reply {
    const inner = `<Code>${err.code}</Code><Message>${xmlEscape(err.message)}</Message>`;
    // S3 errors are unwrapped; S3 Control wraps them in <ErrorResponse> like the query protocols.
    const body =
      svc.def.name === "s3control"
        ? `<ErrorResponse><Error>${inner}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`
        : `<Error>${inner}<RequestId>${requestId}</RequestId></Error>`;
    return { status: err.httpStatus, headers: { "content-type": "application/xml", ...err.headers }, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` };
  },
};
