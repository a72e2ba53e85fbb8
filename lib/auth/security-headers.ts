// Response headers for every answer (product.md §7). Pure, so the exact policy is unit-tested.

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // Next.js puts this nonce on its own scripts; 'strict-dynamic' lets those load their chunks.
    // React needs eval only for dev-mode error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // 'unsafe-inline' for styles only: React style={} attributes (charts, progress bars) cannot carry a
    // nonce, and a nonce in this directive would disable 'unsafe-inline'. Scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    // Only behind TLS: on http://localhost it would send every asset to an https port that is not there.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** 16 random bytes, base64: unguessable per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Policy for what proxy.ts never sees (its matcher skips static assets, /_next/image and /favicon.ico, so
 * their 404s too): none of it is a page of ours, so nothing may run in, load into or frame it.
 */
export const ASSET_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The paths proxy.ts's matcher leaves out, as a next.config `headers()` source. */
export const PROXY_SKIPPED_SOURCE = "/:skipped(_next/static|_next/image|favicon\\.ico)(.*)";

/**
 * next.config.ts `headers()`: Next applies these before the proxy and the file system, so static assets and
 * their 404s get the same security headers as pages. The nonce policy stays the proxy's (a second policy on
 * a page would be enforced too); only paths the proxy skips get the asset policy.
 */
export function configSecurityHeaders(): { source: string; headers: { key: string; value: string }[] }[] {
  return [
    { source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
    { source: PROXY_SKIPPED_SOURCE, headers: [{ key: "Content-Security-Policy", value: ASSET_CONTENT_SECURITY_POLICY }] },
  ];
}
