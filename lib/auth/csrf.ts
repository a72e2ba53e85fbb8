// Route handlers that mutate accept only same-origin requests (server actions get Next's own Origin
// check). Sec-Fetch-Site is set by every current browser and cannot be forged by a page; Origin is
// the fallback. A request carrying neither is refused: browsers always send one of them on POST.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** expectedOrigin: TENFOLD_URL when configured; otherwise the request's own Host is the reference. */
export function isSameOriginRequest(request: Request, expectedOrigin: string | undefined): boolean {
  if (isSafeMethod(request.method)) return true;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  if (expectedOrigin) return origin === expectedOrigin;
  const host = request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
