import { isLoopbackHostname, type Env } from "@/lib/env";
import { stampedLocalAddress } from "./peer";

// Two refusals made before anything else, in proxy.ts.
//
// DNS rebinding: a page on rebind.attacker.example whose name later resolves to this server is, to the
// browser, same-origin with it: Host and Origin both say rebind.attacker.example, so an Origin check passes
// and the demo (no sign-in) answers as its admin. Only the names Tenfold is served under are answered:
// TENFOLD_URL's host, and loopback names in demo mode (no DNS answer can make those point elsewhere).
//
// Demo mode on a non-loopback address: instrumentation stamps each request with the local address it
// arrived on (lib/auth/peer.ts); a demo answers only requests that arrived on loopback.

// Answered whatever the Host: a load balancer's or orchestrator's health check uses its own name (or the
// pod's IP) and learns nothing but "ok"; the cron routes take only the CRON_SECRET bearer, which a rebinding
// page does not have, and are called by schedulers on internal names.
const UNPINNED = [/^\/api\/health$/, /^\/api\/cron\//];

export function isUnpinnedPath(pathname: string): boolean {
  return UNPINNED.some((pattern) => pattern.test(pathname));
}

/** 127.0.0.0/8 and ::1, plain or IPv4-mapped: the socket addresses that only this machine can reach. */
export function isLoopbackAddress(address: string): boolean {
  const ip = address.toLowerCase().replace(/^::ffff:/, "");
  return /^127(\.\d{1,3}){3}$/.test(ip) || ip === "::1" || ip === "0:0:0:0:0:0:0:1";
}

/** Whether a Host header names this Tenfold: TENFOLD_URL's host (port included), or loopback in demo mode. */
export function isExpectedHost(host: string | null, env: Pick<Env, "TENFOLD_URL" | "TENFOLD_DEMO_MODE">): boolean {
  // Anything beyond name[:port] (user info, a path) is not a Host header a browser sends.
  if (!host || !/^[\w.:[\]-]+$/.test(host) || !URL.canParse(`http://${host}`)) return false;
  const parsed = new URL(`http://${host}`);
  if (env.TENFOLD_URL && new URL(env.TENFOLD_URL).host === parsed.host) return true;
  // Without TENFOLD_URL (demo, or `next dev`) only loopback names; production sign-in requires TENFOLD_URL.
  return (env.TENFOLD_DEMO_MODE || !env.TENFOLD_URL) && isLoopbackHostname(parsed.hostname);
}

export type Refusal = { status: 421; error: string };

/** Why this request must not be served, or null. `headers` are the request's as it arrived. */
export function requestRefusal(pathname: string, headers: Headers, env: Pick<Env, "TENFOLD_URL" | "TENFOLD_DEMO_MODE">): Refusal | null {
  if (env.TENFOLD_DEMO_MODE) {
    const local = stampedLocalAddress(headers);
    // Fail closed: without the stamp nothing says the request came in on loopback.
    if (!local || !isLoopbackAddress(local)) {
      return { status: 421, error: "demo mode answers only on a loopback address" };
    }
  }
  if (!isUnpinnedPath(pathname) && !isExpectedHost(headers.get("host"), env)) {
    return { status: 421, error: "unknown host: set TENFOLD_URL to the origin people use" };
  }
  return null;
}
