// An HTTP handler whose DNS lookup maps `localhost` and `*.localhost` to 127.0.0.1 without asking
// the OS resolver. S3 Control puts the account id in the host (`<account>.localhost`, checks.md
// §15.6), which minimal containers cannot resolve.
import http from "node:http";
import type { LookupFunction } from "node:net";
import { NodeHttpHandler } from "@smithy/node-http-handler";

export const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  const cb = callback as unknown as (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void;
  const h = hostname.toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h === "127.0.0.1") {
    if ((options as { all?: boolean }).all) cb(null, [{ address: "127.0.0.1", family: 4 }]);
    else cb(null, "127.0.0.1", 4);
    return;
  }
  cb(Object.assign(new Error(`sandbox loopback handler refuses to resolve ${hostname}`), { code: "ENOTFOUND" }), "", 4);
};

export function loopbackAgent(options: http.AgentOptions = {}): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 50, ...options, lookup: loopbackLookup } as http.AgentOptions);
}

let shared: http.Agent | undefined;

/**
 * A NodeHttpHandler for SDK clients that talk to the sandbox. Without options, all handlers share one
 * keep-alive agent, so creating a client per account and Region does not open new sockets each time.
 */
export function loopbackHttpHandler(options?: http.AgentOptions): NodeHttpHandler {
  const httpAgent = options ? loopbackAgent(options) : (shared ??= loopbackAgent({ maxSockets: 64 }));
  return new NodeHttpHandler({ httpAgent });
}
