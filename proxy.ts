import { NextResponse, type NextRequest } from "next/server";
import { requestRefusal } from "@/lib/auth/host-pin";
import { NO_STORE } from "@/lib/auth/no-store";
import { isPublicPath, PATH_HEADER } from "@/lib/auth/paths";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/auth/security-headers";
import { authMode, getEnv } from "@/lib/env";

// Every request: a fresh CSP nonce and the security headers. Requests for another Host, or reaching a demo
// off loopback, are refused (lib/auth/host-pin.ts). Requests without a session cookie are
// turned away early (sign-in redirect for pages, 401 for APIs). This is only the optimistic check:
// pages, route handlers and lib/db verify the session and the viewer's scope themselves.

export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = newNonce();
  const https = request.nextUrl.protocol === "https:" || env.TENFOLD_URL?.startsWith("https:") === true;
  const policy = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development", https });
  const { pathname, search } = request.nextUrl;

  // A foreign Host (DNS rebinding) or a demo reached off loopback: answered before anything else.
  const refusal = requestRefusal(pathname, request.headers, env);
  let response: NextResponse;
  const needsSession = authMode(env) !== "demo" && !isPublicPath(pathname);
  if (refusal) {
    response = NextResponse.json({ error: refusal.error }, { status: refusal.status });
  } else if (needsSession && !request.cookies.has(SESSION_COOKIE)) {
    if (pathname.startsWith("/api/")) {
      response = NextResponse.json({ error: "unauthorized" }, { status: 401 });
    } else {
      const signIn = request.nextUrl.clone();
      signIn.pathname = "/signin";
      signIn.search = `?returnTo=${encodeURIComponent(`${pathname}${search}`)}`;
      response = NextResponse.redirect(signIn, 303);
    }
  } else {
    // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", policy);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set(PATH_HEADER, `${pathname}${search}`);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  // API answers (the early 401 included) are one viewer's data: never cached (lib/auth/no-store.ts).
  if (pathname.startsWith("/api/")) response.headers.set("Cache-Control", NO_STORE);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
