// Loopback endpoint support (checks.md §15.6): S3 Control puts the account id in the host
// (`<account>.localhost`), which minimal containers cannot resolve, so an endpoint override that
// points at loopback gets an http.Agent whose lookup maps `localhost` / `*.localhost` to 127.0.0.1.
import dns from "node:dns";
import http from "node:http";
import type { LookupFunction } from "node:net";
import { NodeHttpHandler } from "@smithy/node-http-handler";

/** True when `url` names 127.0.0.0/8, localhost, *.localhost or [::1]. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]" || host === "::1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `localhost` and `*.localhost` → 127.0.0.1 without the OS resolver; anything else → the OS resolver. */
export const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  const h = hostname.toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) {
    const cb = callback as unknown as (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void;
    if ((options as { all?: boolean }).all) cb(null, [{ address: "127.0.0.1", family: 4 }]);
    else cb(null, "127.0.0.1", 4);
    return;
  }
  dns.lookup(hostname, options, callback);
};

/** One handler per scanner: a keep-alive agent shared by every loopback client. */
export function loopbackHttpHandler(maxSockets = 64): NodeHttpHandler {
  const agent = new http.Agent({ keepAlive: true, maxSockets, lookup: loopbackLookup } as http.AgentOptions);
  return new NodeHttpHandler({ httpAgent: agent });
}
