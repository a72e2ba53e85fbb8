// awsQuery (STS, IAM) and ec2Query (EC2): form-encoded requests, XML responses.
import { queryDecode, xmlEscape, xmlStructBody } from "../wire/codec";
import type { ProtocolCodec, Reply, WireRequest } from "./types";

const XML = { "content-type": "text/xml" };
const formCache = new WeakMap<WireRequest, Map<string, string>>();

function form(req: WireRequest): Map<string, string> {
  let f = formCache.get(req);
  if (!f) {
    f = new Map(new URLSearchParams(req.body.toString("utf8")));
    // GET-style query strings are accepted too, as AWS does.
    for (const [k, v] of req.query) if (!f.has(k)) f.set(k, v);
    formCache.set(req, f);
  }
  return f;
}

function makeQuery(ec2: boolean): ProtocolCodec {
  return {
    operation(svc, req) {
      const action = form(req).get("Action");
      return action && svc.ops.has(action) ? { op: action } : undefined;
    },
    decode(_svc, plan, req) {
      return queryDecode(plan.input, form(req), ec2);
    },
    encode(svc, plan, output, requestId): Reply {
      const ns = svc.def.xmlNamespace ?? "";
      const out: string[] = [];
      xmlStructBody(plan.output, (output ?? {}) as Record<string, unknown>, out);
      const name = plan.name;
      const body = ec2
        ? `<?xml version="1.0" encoding="UTF-8"?>\n<${name}Response xmlns="${ns}"><requestId>${requestId}</requestId>${out.join("")}</${name}Response>`
        : `<${name}Response xmlns="${ns}"><${name}Result>${out.join("")}</${name}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${name}Response>`;
      return { status: 200, headers: XML, body };
    },
    error(svc, err, requestId): Reply {
      const msg = xmlEscape(err.message);
      const body = ec2
        ? `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${err.code}</Code><Message>${msg}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`
        : `<ErrorResponse xmlns="${svc.def.xmlNamespace ?? ""}"><Error><Type>${err.fault}</Type><Code>${err.code}</Code><Message>${msg}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
      return { status: err.httpStatus, headers: XML, body };
    },
  };
}

export const awsQuery = makeQuery(false);
export const ec2Query = makeQuery(true);
