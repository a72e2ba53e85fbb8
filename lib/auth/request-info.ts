// Where a request came from, for the audit log. Behind a load balancer the client address is the
// last X-Forwarded-For hop the balancer appended; earlier hops are client-supplied and not trusted.
export type RequestInfo = { ip: string | null; userAgent: string | null };

export function requestInfoFrom(headers: Headers): RequestInfo {
  const forwarded = headers.get("x-forwarded-for");
  const hops = forwarded ? forwarded.split(",").map((hop) => hop.trim()).filter(Boolean) : [];
  const ip = hops.at(-1) ?? headers.get("x-real-ip") ?? null;
  return { ip: ip ? ip.slice(0, 100) : null, userAgent: headers.get("user-agent")?.slice(0, 500) ?? null };
}
