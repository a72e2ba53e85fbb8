// awsJson1_0 / awsJson1_1: POST / with X-Amz-Target, JSON bodies, epoch-second timestamps.
import { jsonDecode, jsonEncode } from "../wire/codec";
import type { ProtocolCodec, Reply } from "./types";

export function makeJson(version: "1.0" | "1.1"): ProtocolCodec {
  const contentType = { "content-type": `application/x-amz-json-${version}` };
  return {
    operation(svc, req) {
      const target = req.headers["x-amz-target"];
      if (typeof target !== "string") return undefined;
      const dot = target.lastIndexOf(".");
      const op = target.slice(dot + 1);
      const prefix = target.slice(0, dot);
      // SDK v3 sends the short form (`CloudTrail_20131101`) of some long model prefixes.
      const known = svc.def.targetPrefix ?? "";
      const ok = prefix === known || known.endsWith(`.${prefix}`);
      return ok && svc.ops.has(op) ? { op } : undefined;
    },
    decode(_svc, plan, req) {
      const text = req.body.length ? req.body.toString("utf8") : "{}";
      return jsonDecode(plan.input, JSON.parse(text), false);
    },
    encode(_svc, plan, output): Reply {
      return { status: 200, headers: contentType, body: JSON.stringify(jsonEncode(plan.output, output ?? {}, false)) };
    },
    error(_svc, err): Reply {
      return {
        status: err.httpStatus,
        headers: { ...contentType, "x-amzn-errortype": err.code },
        body: JSON.stringify({ __type: err.code, message: err.message }),
      };
    },
  };
}
