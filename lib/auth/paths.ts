/** Header proxy.ts sets to the requested path and query, so a page can send people back after sign-in. */
export const PATH_HEADER = "x-tenfold-path";

// Reachable without a session: the sign-in flow, the load balancer's health check, and the machine
// routes (which check their own bearer). Everything else needs a signed-in viewer.
const PUBLIC_PATHS = [/^\/signin$/, /^\/auth\//, /^\/api\/health$/, /^\/api\/cron\//];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((pattern) => pattern.test(pathname));
}
