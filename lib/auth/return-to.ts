// Where to land after sign-in: only a same-origin relative path, never back into the sign-in flow.
// The URL parser normalises dot segments ("/.//x", "/%2e//x", "/x/..//x" all become "//x", which a
// browser reads as another host), so the check runs on what is returned, not on what came in.
const BASE = "http://tenfold.invalid";
const HOME = "/";

// Tabs and newlines are dropped by URL parsers, so "/\t/evil" would turn into "//evil" later on.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A path a browser resolves on this origin: "/" then anything but a second slash or a backslash, read raw or decoded. */
function isSameOriginPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\") || CONTROL_CHARACTERS.test(path)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  // An encoded "//" or "\" is harmless to a browser, but a proxy or a trailing-slash redirect may decode it.
  if (decoded.startsWith("//") || decoded.includes("\\") || CONTROL_CHARACTERS.test(decoded)) return false;
  return URL.canParse(path, BASE) && new URL(path, BASE).origin === BASE;
}

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !isSameOriginPath(value)) return HOME;
  const url = new URL(value, BASE);
  if (url.pathname === "/signin" || url.pathname.startsWith("/auth/")) return HOME;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  return isSameOriginPath(normalised) ? normalised : HOME;
}
